import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../app/session.tsx';
import { NotificationRow } from './NotificationRow.tsx';
import { listNotifications, NOTIFICATIONS_KEY } from './notificationsApi.ts';
import { useNotificationActions } from './useNotificationActions.ts';

/** The few newest unread notifications, for the home page. */
export function UnreadNotificationsCard() {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const actions = useNotificationActions();
  const query = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'home'],
    queryFn: () => listNotifications({ unread: true, limit: 5 }),
  });

  let body: ReactNode;
  if (query.isPending) body = <Skeleton active style={{ padding: 16 }} />;
  else if (query.isError) {
    body = (
      <Typography.Text type="danger" style={{ display: 'block', padding: 16 }}>
        {query.error.message}
      </Typography.Text>
    );
  } else if (query.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.noUnread')} />;
  } else {
    body = query.data.items.map((n) => (
      <NotificationRow key={n.id} notification={n} timeZone={timeZone} onOpen={actions.open} />
    ));
  }

  return (
    <Card
      title={t('home.unreadNotifications')}
      size="small"
      extra={<Link to="/notifications">{t('notifications.viewAll')}</Link>}
      styles={{ body: { padding: 0 } }}
    >
      {body}
    </Card>
  );
}
