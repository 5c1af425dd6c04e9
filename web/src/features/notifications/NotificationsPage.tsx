import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Segmented, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { FilterBar, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { listNotifications, NOTIFICATIONS_KEY, type NotificationView } from './notificationsApi.ts';
import { inAppLink, useNotificationActions } from './useNotificationActions.ts';

type Show = 'all' | 'unread';

export function NotificationsPage() {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const [show, setShow] = useState<Show>('all');
  const paging = useCursorPages();
  const actions = useNotificationActions();

  const query = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', show, paging.cursor],
    queryFn: () => listNotifications({ unread: show === 'unread', cursor: paging.cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const unreadCount = query.data?.unreadCount ?? 0;

  const columns: TableColumnsType<NotificationView> = [
    {
      key: 'title',
      title: t('notifications.notification'),
      render: (_: unknown, n) => (
        <Flex gap={8} align="baseline">
          <Badge status={n.readAt ? 'default' : 'processing'} />
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
            {n.body && (
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'createdAt',
      title: t('notifications.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (at: string) => formatInstant(at, timeZone),
    },
    {
      key: 'readAt',
      title: t('notifications.readAt'),
      dataIndex: 'readAt',
      width: 160,
      render: (at: string | null) =>
        at ? (
          formatInstant(at, timeZone)
        ) : (
          <Typography.Text type="warning">{t('notifications.unread')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_: unknown, n) => (
        <Flex>
          {inAppLink(n.link) && (
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                actions.open(n);
              }}
            >
              {t('notifications.open')}
            </Button>
          )}
          {!n.readAt && (
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                actions.markRead(n.id);
              }}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notifications.subtitle', { count: unreadCount })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unreadCount === 0}
            loading={actions.markingAll}
            onClick={actions.markAllRead}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <FilterBar>
          <Segmented<Show>
            value={show}
            onChange={(value) => {
              setShow(value);
              paging.reset();
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
          />
        </FilterBar>
        <PagedTable<NotificationView>
          query={query}
          paging={paging}
          columns={columns}
          scroll={{ x: 800 }}
          onRow={(n) => ({
            onClick: () => actions.open(n),
            style: inAppLink(n.link) || !n.readAt ? { cursor: 'pointer' } : undefined,
          })}
          emptyText={t(show === 'unread' ? 'notifications.noUnread' : 'notifications.empty')}
        />
      </Card>
    </>
  );
}
