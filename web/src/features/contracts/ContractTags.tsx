import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractStatus, ContractSummary, VersionView } from './contractsApi.ts';
import { DEADLINE_WARNING_DAYS, endIsNear, STATUS_COLORS, VERSION_COLORS } from './contractsFormat.ts';

const TAG = { marginInlineEnd: 0, fontWeight: 'normal' } as const;

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={TAG} data-testid="contract-status">
      {t(`contracts.statuses.${status}`)}
    </Tag>
  );
}

export function VersionStatusTag({ status }: { status: VersionView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERSION_COLORS[status]} style={TAG}>
      {t(`contracts.versionStatuses.${status}`)}
    </Tag>
  );
}

/** Days to the end date; red when it is near or the customer is holding over (art. 734). */
export function DaysToEnd({
  contract,
}: {
  contract: Pick<ContractSummary, 'status' | 'daysToEnd' | 'holdingOver'>;
}) {
  const { t } = useTranslation();
  if (
    contract.status === 'draft' ||
    contract.status === 'pending_signature' ||
    contract.status === 'cancelled'
  )
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (contract.holdingOver) {
    return (
      <Tooltip title={t('contracts.holdingOverHint')}>
        <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }} data-testid="holding-over">
          <ClockCircleOutlined /> {t('contracts.holdingOver')}
        </Typography.Text>
      </Tooltip>
    );
  }
  if (contract.status !== 'signed' && contract.status !== 'active') {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Typography.Text
      type={endIsNear(contract) ? 'danger' : undefined}
      strong={endIsNear(contract)}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('contracts.days', { count: contract.daysToEnd })}
    </Typography.Text>
  );
}

/** Art. 718: days left to object to a sublet; highlighted when near, said when passed. */
export function DeadlineCountdown({ deadline, days }: { deadline: string | null; days: number | null }) {
  const { t } = useTranslation();
  if (!deadline || days === null) return null;
  const near = days <= DEADLINE_WARNING_DAYS;
  return (
    <Tag
      color={days < 0 ? 'default' : near ? 'red' : 'blue'}
      // The sentence may take two lines in a narrow column rather than run under the next one.
      style={{ ...TAG, whiteSpace: 'normal', maxWidth: '100%' }}
      data-testid="objection-deadline"
    >
      <ClockCircleOutlined />{' '}
      {days < 0
        ? t('contracts.violations.deadlinePassed', { date: deadline })
        : t('contracts.violations.deadlineIn', { date: deadline, count: days })}
    </Tag>
  );
}
