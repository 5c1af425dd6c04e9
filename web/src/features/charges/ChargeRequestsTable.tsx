import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { ratePercent } from '../billing/billingFormat.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { ChargeKindTag, ChargeRequestActions, ChargeStatusTag } from './ChargeRequestActions.tsx';
import { periodText } from './chargeFormat.ts';
import type { ChargeRequestView } from './chargesApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;
const SMALL = { fontSize: 12 } as const;

interface Props {
  query: UseQueryResult<Page<ChargeRequestView>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  /** Off where no request can be acted on any more (posted, rejected, withdrawn). */
  showActions?: boolean;
}

/** Charges raised by hand, newest first: what, for whom, how much and why, who decided, and the bill. */
export function ChargeRequestsTable({ query, paging, emptyText, showActions = true }: Props) {
  const { t } = useTranslation();
  const { org } = useUser();
  const colon = t('customers.colon');
  const at = (iso: string | null) => formatInstant(iso, org.timeZone).slice(0, 16);
  const all: TableColumnsType<ChargeRequestView> = [
    {
      key: 'number',
      title: t('charges.number'),
      width: 128,
      render: (_: unknown, r) => (
        <Flex vertical gap={2} align="flex-start">
          <span style={{ ...MONO, fontSize: 13 }}>{r.number}</span>
          <ChargeKindTag kind={r.kind} />
        </Flex>
      ),
    },
    {
      key: 'customer',
      title: t('charges.customerContract'),
      render: (_: unknown, r) => (
        <Flex vertical>
          <Link to={`/customers/${r.customerId}?tab=bills`}>
            <Clipped text={r.customerName} />
          </Link>
          <Link to={`/contracts/${r.contractId}`} style={{ ...MONO, ...SMALL }}>
            {r.contractNumber}
          </Link>
        </Flex>
      ),
    },
    {
      key: 'item',
      title: t('charges.item'),
      render: (_: unknown, r) => (
        <Flex vertical>
          <Clipped text={[r.name, r.unitCode].filter(Boolean).join(' · ')} />
          <Typography.Text type="secondary" style={{ ...SMALL, ...NOWRAP }}>
            {periodText(r.periodStart, r.periodEnd)}
          </Typography.Text>
          {r.corrects && (
            <Typography.Text type="secondary" style={SMALL}>
              {t('charges.corrects')}
              {colon}
              <Link to={`/bills/${r.corrects.billId}`} style={MONO}>
                {r.corrects.billNumber}
              </Link>
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('charges.amount'),
      width: 104,
      align: 'right',
      render: (_: unknown, r) => (
        <Tooltip
          title={t('charges.split', {
            net: yuanText(r.netFen),
            tax: yuanText(r.taxFen),
            rate: ratePercent(r.vatRate),
          })}
        >
          <Typography.Text
            type={r.totalFen < 0 ? 'danger' : undefined}
            strong
            style={NOWRAP}
            data-testid="charge-amount"
          >
            {yuanText(r.totalFen)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'reason',
      title: t('charges.reason'),
      // Two lines of it: the reason is what finance decides on.
      render: (_: unknown, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.reason }} style={{ marginBottom: 0 }}>
          {r.reason}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'requested',
      title: t('charges.requested'),
      width: 112,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Clipped text={r.requestedBy} />
          <Typography.Text type="secondary" style={{ ...SMALL, ...NOWRAP }}>
            {at(r.requestedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('charges.statusDecision'),
      width: 136,
      render: (_: unknown, r) => (
        <Flex vertical gap={2} align="flex-start" style={{ maxWidth: '100%' }}>
          <ChargeStatusTag status={r.status} />
          {r.billId && (
            <Link to={`/bills/${r.billId}`} style={{ ...MONO, ...SMALL }} data-testid="charge-bill">
              {r.billNumber}
            </Link>
          )}
          {r.status === 'posted' && !r.needsApproval ? (
            // Under the threshold: posted as it was raised, nobody decided.
            <Typography.Text type="secondary" style={SMALL}>
              {t('charges.noApprovalNeeded')}
            </Typography.Text>
          ) : (
            r.decidedBy && (
              <Typography.Text
                type="secondary"
                style={{ ...SMALL, maxWidth: '100%' }}
                ellipsis={{ tooltip: r.decisionNote }}
                data-testid="charge-decision"
              >
                {r.decidedBy}
                {r.decisionNote ? `${colon}${r.decisionNote}` : ''}
              </Typography.Text>
            )
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 112,
      render: (_: unknown, r) => <ChargeRequestActions r={r} />,
    },
  ];
  const columns = showActions ? all : all.filter((c) => c.key !== 'actions');
  return (
    <PagedTable<ChargeRequestView>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 110) }}
      emptyText={emptyText}
      data-testid="charge-requests"
    />
  );
}
