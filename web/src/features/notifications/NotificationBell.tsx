import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../app/session.tsx';
import { NotificationRow } from './NotificationRow.tsx';
import { fetchUnreadCount, listNotifications, NOTIFICATIONS_KEY } from './notificationsApi.ts';
import { useNotificationActions } from './useNotificationActions.ts';

const POLL_MS = 60_000;

function Panel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const timeZone = useUser().org.timeZone;
  const actions = useNotificationActions();
  const latest = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => listNotifications({ limit: 10 }),
    staleTime: 0,
  });
  const unread = latest.data?.unreadCount ?? 0;

  let body: ReactNode;
  if (latest.isPending) body = <Spin style={{ display: 'block', margin: '32px auto' }} />;
  else if (latest.isError) {
    body = (
      <Typography.Text type="danger" style={{ display: 'block', padding: 16 }}>
        {latest.error.message}
      </Typography.Text>
    );
  } else if (latest.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  } else {
    body = latest.data.items.map((n) => (
      <NotificationRow
        key={n.id}
        notification={n}
        timeZone={timeZone}
        onOpen={(notification) => {
          actions.open(notification);
          if (notification.link) onDone();
        }}
      />
    ));
  }

  return (
    <div style={{ width: 360 }}>
      <Flex justify="space-between" align="center" style={{ padding: '8px 12px' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={actions.markingAll}
          onClick={actions.markAllRead}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflow: 'auto', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
        {body}
      </div>
      <div style={{ textAlign: 'center', padding: 8 }}>
        <Link to="/notifications" onClick={onDone}>
          {t('notifications.viewAll')}
        </Link>
      </div>
    </div>
  );
}

/** The header bell: unread count, polled every minute and whenever the window regains focus. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unreadCount'],
    queryFn: fetchUnreadCount,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const count = unread.data?.count ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 0 } }}
      content={<Panel onDone={() => setOpen(false)} />}
      destroyOnHidden
    >
      <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 16 }} />}
          aria-label={t('notifications.bellLabel', { count })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
