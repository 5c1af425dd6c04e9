import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from './outboxApi.ts';

const COLORS: Record<OutboxStatus, string> = {
  pending: 'processing',
  sent: 'success',
  delivered_to_outbox: 'cyan',
  failed: 'error',
};

export function OutboxStatusTag({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`outbox.statuses.${status}`)}</Tag>;
}
