import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuanText } from '../contracts/contractsFormat.ts';
import { ChargeTypeTag } from './BillTags.tsx';
import type { AllocationView, BillLine } from './billingApi.ts';
import { ratePercent } from './billingFormat.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;

const money = (key: string, title: string, width = 104) => ({
  key,
  title,
  dataIndex: key,
  width,
  align: 'right' as const,
  render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
});

/**
 * A bill's lines: what each charge is for, its tax, and what is still owed on it; with `action`, a last
 * column of what can be done with a line (a correction).
 */
export function BillLinesTable({
  lines,
  action,
}: {
  lines: BillLine[];
  action?: (line: BillLine) => ReactNode;
}) {
  const { t } = useTranslation();
  // A deposit line is named by what it secures (`rent`, `property_fee`); other lines by what was agreed.
  const lineName = (l: BillLine) =>
    l.chargeType === 'deposit' && (l.name === 'rent' || l.name === 'property_fee')
      ? t(`billing.depositOf.${l.name}`)
      : l.name;
  const columns: TableColumnsType<BillLine> = [
    {
      key: 'charge',
      title: t('billing.lines.charge'),
      render: (_: unknown, l) => (
        <Flex vertical gap={2}>
          <Flex gap={4} wrap align="center">
            <ChargeTypeTag type={l.chargeType} />
            {l.kind === 'adjustment' && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="adjustment">
                {t('billing.lines.adjustment')}
              </Tag>
            )}
            {l.kind === 'correction' && (
              <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="correction">
                {t('billing.lines.correction')}
              </Tag>
            )}
            {lineName(l) && <span>{lineName(l)}</span>}
          </Flex>
          {l.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('billing.lines.reason')}
              {t('customers.colon')}
              {l.reason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'unit',
      title: t('billing.lines.unit'),
      dataIndex: 'unitCode',
      width: 64,
      render: (c) => c ?? '—',
    },
    {
      key: 'period',
      title: t('billing.lines.period'),
      width: 180,
      render: (_: unknown, l) => <span style={NOWRAP}>{`${l.periodStart} ~ ${l.periodEnd}`}</span>,
    },
    money('netFen', t('billing.net')),
    money('taxFen', t('billing.tax'), 92),
    {
      key: 'rate',
      title: t('billing.rate'),
      dataIndex: 'vatRate',
      width: 56,
      align: 'right',
      render: (rate: string) => ratePercent(rate),
    },
    money('totalFen', t('billing.total')),
    money('settledFen', t('billing.lines.settled'), 100),
    {
      ...money('outstandingFen', t('billing.outstanding')),
      render: (fen: number) => (
        <Typography.Text strong={fen > 0} style={NOWRAP}>
          {yuanText(fen)}
        </Typography.Text>
      ),
    },
  ];
  // An icon wide: with it the table still fits beside the menu at 1280 pixels.
  if (action) columns.push({ key: 'action', width: 44, render: (_: unknown, l) => action(l) });
  return (
    <Table<BillLine>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: action ? 1008 : 964 }}
      data-testid="bill-lines"
    />
  );
}

/**
 * Money applied to bill lines, reversals included (negative). On a bill each row names the payment (or the
 * credit it came from); on a payment each row names the bill.
 */
export function AllocationsTable({
  allocations,
  side,
  lines,
}: {
  allocations: AllocationView[];
  side: 'bill' | 'payment';
  /** The bill's lines, to say which charge an allocation paid. */
  lines?: BillLine[];
}) {
  const { t } = useTranslation();
  const lineOf = new Map((lines ?? []).map((l) => [l.id, l]));
  const columns: TableColumnsType<AllocationView> = [
    { key: 'date', title: t('billing.allocations.postingDate'), dataIndex: 'postingDate', width: 110 },
    side === 'bill'
      ? {
          key: 'source',
          title: t('billing.allocations.source'),
          render: (_: unknown, a) =>
            a.paymentId ? (
              <Link to={`/payments/${a.paymentId}`} style={MONO}>
                {a.paymentNumber}
              </Link>
            ) : (
              t('billing.allocations.fromCredit')
            ),
        }
      : {
          key: 'bill',
          title: t('billing.number'),
          render: (_: unknown, a) => (
            <Link to={`/bills/${a.billId}`} style={MONO}>
              {a.billNumber}
            </Link>
          ),
        },
    {
      key: 'line',
      title: t('billing.lines.charge'),
      render: (_: unknown, a) => {
        const line = lineOf.get(a.billLineId);
        return line ? <ChargeTypeTag type={line.chargeType} /> : null;
      },
    },
    {
      key: 'amount',
      title: t('billing.allocations.amount'),
      dataIndex: 'amountFen',
      width: 160,
      align: 'right',
      render: (fen: number, a) => (
        <Flex gap={4} justify="flex-end" align="center">
          {a.reverses && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('billing.allocations.reversal')}
            </Tag>
          )}
          <Typography.Text type={fen < 0 ? 'danger' : undefined} style={NOWRAP}>
            {yuanText(fen)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <Table<AllocationView>
      size="small"
      rowKey="id"
      columns={lines ? columns : columns.filter((c) => c.key !== 'line')}
      dataSource={allocations}
      pagination={false}
      locale={{ emptyText: t('billing.allocations.empty') }}
      data-testid="allocations"
    />
  );
}
