import { ClockCircleOutlined, QuestionCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Statistic, Tooltip, Typography, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTRACT_STATUSES } from '../../../../common/contracts/machine.ts';
import { type ContractFilterState, contractsLink } from './contractFilters.ts';
import { type ContractStatus, type ContractsOverview, useContractsOverview } from './contractsApi.ts';
import { STATUS_COLORS } from './contractsFormat.ts';

type Attention = Exclude<keyof ContractsOverview, 'byStatus'>;

/** What needs watching, in the order it is shown; `filter` makes the figure a link to the list. */
const ATTENTION: { key: Attention; filter?: ContractFilterState; tone?: 'danger' | 'warning' }[] = [
  { key: 'holdingOver', filter: { holdingOver: true }, tone: 'danger' },
  { key: 'expiring30', filter: { expiring: 30 } },
  { key: 'expiring90', filter: { expiring: 90 } },
  { key: 'pendingAmendments' },
  { key: 'openSublets' },
  { key: 'subletsNearDeadline', tone: 'warning' },
];
/** Figures with a legal deadline behind them carry the rule in a tooltip. */
const HINTS: Partial<Record<Attention, string>> = {
  holdingOver: 'contracts.holdingOverHint',
  subletsNearDeadline: 'contracts.overview.subletsNearDeadlineHint',
  pendingAmendments: 'contracts.overview.pendingAmendmentsHint',
};

const PAD: CSSProperties = {
  display: 'block',
  padding: '12px 16px',
  height: '100%',
  boxSizing: 'border-box',
};

/** One cell of the card: a Statistic, a link to the filtered list when there is a filter for it. */
function Figure({
  testId,
  width,
  title,
  value,
  color,
  prefix,
  to,
}: {
  testId: string;
  width: string;
  title: ReactNode;
  value: number;
  color?: string;
  prefix?: ReactNode;
  to?: string;
}) {
  const statistic = (
    <Statistic
      title={title}
      value={value}
      prefix={prefix}
      // A title on two lines (English) must not lift its figure out of line with the others.
      styles={{
        root: { display: 'flex', flexDirection: 'column', height: '100%' },
        title: { marginBottom: 2 },
        content: { marginTop: 'auto', fontSize: 22, color },
      }}
    />
  );
  return (
    <Card.Grid hoverable={!!to} style={{ width, padding: 0 }} data-testid={testId}>
      {to ? (
        <Link to={to} style={{ ...PAD, color: 'inherit' }}>
          {statistic}
        </Link>
      ) : (
        <div style={PAD}>{statistic}</div>
      )}
    </Card.Grid>
  );
}

/**
 * The dashboard's contracts card (R3.2): what needs attention first (holding over, art. 734; sublets near
 * the art. 718 objection deadline), then every contract by state. Figures with a list filter open it.
 */
export function ContractsOverviewCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const query = useContractsOverview();
  const o = query.data;
  const total = o ? Object.values(o.byStatus).reduce((n, c) => n + c, 0) : 0;
  const tones = { danger: token.colorError, warning: token.orange7 };

  let body: ReactNode = null;
  if (query.isError) {
    body = (
      <Flex vertical align="center" gap={8}>
        <Typography.Text type="danger">{query.error.message}</Typography.Text>
        <Button size="small" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Flex>
    );
  } else if (o && total === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.overview.empty')} />;
  } else if (o) {
    body = [
      ...ATTENTION.map(({ key, filter, tone }) => {
        const value = o[key];
        const lit = tone && value > 0;
        const hint = HINTS[key];
        return (
          <Figure
            key={key}
            testId={`overview-${key}`}
            width={`${100 / ATTENTION.length}%`}
            title={
              <>
                {t(`contracts.overview.${key}`)}
                {hint && (
                  <Tooltip title={t(hint)}>
                    <QuestionCircleOutlined style={{ marginInlineStart: 4 }} />
                  </Tooltip>
                )}
              </>
            }
            value={value}
            color={lit ? tones[tone] : undefined}
            prefix={lit ? tone === 'danger' ? <ClockCircleOutlined /> : <WarningOutlined /> : undefined}
            to={filter && contractsLink(filter)}
          />
        );
      }),
      ...CONTRACT_STATUSES.map((status: ContractStatus) => (
        <Figure
          key={status}
          testId={`overview-status-${status}`}
          width={`${100 / CONTRACT_STATUSES.length}%`}
          title={
            <Badge
              color={STATUS_COLORS[status] === 'default' ? token.colorTextQuaternary : STATUS_COLORS[status]}
              text={
                <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
                  {t(`contracts.statuses.${status}`)}
                </Typography.Text>
              }
            />
          }
          value={o.byStatus[status] ?? 0}
          to={contractsLink({ status })}
        />
      )),
    ];
  }

  return (
    <Card
      size="small"
      title={t('contracts.overview.title')}
      extra={<Link to="/contracts">{t('contracts.overview.viewAll')}</Link>}
      loading={query.isPending}
      styles={{
        body: o && total > 0 ? { padding: 0, display: 'flex', flexWrap: 'wrap' } : { padding: 16 },
      }}
      data-testid="contracts-overview"
    >
      {body}
    </Card>
  );
}
