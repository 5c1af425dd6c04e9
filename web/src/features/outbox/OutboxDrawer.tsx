import { FilePdfOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { OutboxStatusTag } from './OutboxStatusTag.tsx';
import { attachmentUrl, getOutboxItem, type OutboxDetail } from './outboxApi.ts';
import { useRetry } from './useRetry.ts';

function Details({ item }: { item: OutboxDetail }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const timeZone = useUser().org.timeZone;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const rows = [
    { key: 'to', label: t('outbox.to'), children: item.to.join(', ') },
    { key: 'cc', label: t('outbox.cc'), children: item.cc.length ? item.cc.join(', ') : none },
    { key: 'subject', label: t('outbox.subject'), children: item.subject },
    { key: 'status', label: t('outbox.status'), children: <OutboxStatusTag status={item.status} /> },
    { key: 'attempts', label: t('outbox.attempts'), children: item.attempts },
    {
      key: 'nextAttemptAt',
      label: t('outbox.nextAttemptAt'),
      children: formatInstant(item.nextAttemptAt, timeZone) || none,
    },
    {
      key: 'lastError',
      label: t('outbox.lastError'),
      children: item.lastError ? <Typography.Text type="danger">{item.lastError}</Typography.Text> : none,
    },
    { key: 'createdAt', label: t('outbox.createdAt'), children: formatInstant(item.createdAt, timeZone) },
    { key: 'sentAt', label: t('outbox.sentAt'), children: formatInstant(item.sentAt, timeZone) || none },
  ];

  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={1} bordered items={rows} styles={{ label: { width: 120 } }} />
      <div>
        <Typography.Title level={5}>{t('outbox.body')}</Typography.Title>
        <div
          style={{
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            padding: 12,
            background: token.colorFillQuaternary,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadius,
            maxHeight: 360,
            overflow: 'auto',
          }}
        >
          {item.text || none}
        </div>
      </div>
      <div>
        <Typography.Title level={5}>{t('outbox.attachments')}</Typography.Title>
        {item.attachments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outbox.noAttachments')} />
        ) : (
          <Flex vertical gap={4}>
            {item.attachments.map((attachment, index) => (
              <Typography.Link
                key={`${attachment.kind}-${attachment.id}`}
                href={attachmentUrl(item.id, index)}
                target="_blank"
                rel="noopener noreferrer"
              >
                <FilePdfOutlined /> {attachment.filename}
              </Typography.Link>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}

export function OutboxDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const retry = useRetry();
  const query = useQuery({
    queryKey: ['outbox', 'detail', id],
    queryFn: () => getOutboxItem(id!),
    enabled: id !== null,
    staleTime: 0,
  });
  const item = query.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={item?.subject ?? t('outbox.detail')}
      destroyOnHidden
      extra={
        item?.status === 'failed' && (
          <Button
            type="primary"
            icon={<RedoOutlined />}
            loading={retry.isPending}
            onClick={() => retry.mutate(item.id)}
          >
            {t('outbox.retry')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />
      ) : item ? (
        <Details item={item} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}
