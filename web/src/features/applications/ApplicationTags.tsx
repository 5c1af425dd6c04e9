import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './applicationsApi.ts';
import { STATUS_COLORS } from './applicationsFormat.ts';

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0, fontWeight: 'normal' }}>
      {t(`applications.statuses.${status}`)}
    </Tag>
  );
}

/** The day the current stage should be decided by; red with a clock once it has passed. */
export function StageDue({
  dueOn,
  overdue,
  compact,
}: {
  dueOn: string | null;
  overdue: boolean;
  /** In a table column: the word "overdue" moves into a tooltip, the red and the clock stay. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  if (!overdue) return <span style={{ whiteSpace: 'nowrap' }}>{dueOn}</span>;
  return (
    <Tooltip title={compact ? t('applications.overdue') : undefined}>
      <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }} data-testid="overdue">
        <ClockCircleOutlined /> {dueOn}
        {!compact && ` ${t('applications.overdue')}`}
      </Typography.Text>
    </Tooltip>
  );
}
