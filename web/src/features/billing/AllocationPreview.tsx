import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { ChargeTypeTag } from './BillTags.tsx';
import { BILLING, type PreviewItem, previewAllocation } from './billingApi.ts';
import { allocateChosen, MAX_PAYMENT_FEN } from './billingFormat.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A value that follows `value` once it has stopped changing for `ms`: the preview waits for typing to pause. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  customerId: string | undefined;
  /** The payment in fen, null while what is typed is not an amount. */
  amountFen: number | null;
  /** The cashier picks the lines (allocation mode `lines`) instead of the oldest-first rule. */
  manual: boolean;
  chosen: string[];
  onChoose: (lineIds: string[]) => void;
}

/**
 * What the payment would settle, asked of the server as the form changes. Automatic: the lines the rule
 * picks (oldest due first, with the customer's credit) and what is left as credit. Manual: every open
 * line with a box to tick; the money goes to the ticked lines in the order shown.
 */
export function AllocationPreview({ customerId, amountFen, manual, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  // Manual choice lists every open line: the preview of the largest possible payment touches them all.
  const asked = manual ? MAX_PAYMENT_FEN : amountFen;
  const query = useQuery({
    queryKey: [BILLING, 'allocation', customerId, asked],
    queryFn: () => previewAllocation(customerId!, asked!),
    enabled: !!customerId && !!asked,
    placeholderData: keepPreviousData,
  });

  if (!customerId || !amountFen) {
    return <Typography.Text type="secondary">{t('billing.pay.previewWaiting')}</Typography.Text>;
  }
  if (query.isError) return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;

  const items = query.data?.items ?? [];
  let rows: (PreviewItem & { take: number | null })[];
  let toCreditFen: number;
  if (manual) {
    const picked = items.filter((i) => chosen.includes(i.lineId));
    const made = allocateChosen(picked, amountFen);
    const takes = new Map(made.items.map((i) => [i.lineId, i.amountFen]));
    rows = items.map((i) => ({ ...i, take: chosen.includes(i.lineId) ? (takes.get(i.lineId) ?? 0) : null }));
    toCreditFen = made.toCreditFen;
  } else {
    rows = items.map((i) => ({ ...i, take: i.amountFen }));
    toCreditFen = query.data?.toCreditFen ?? 0;
  }
  const settled = rows.reduce((sum, r) => sum + (r.take ?? 0), 0);

  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      key: 'bill',
      title: t('billing.number'),
      dataIndex: 'billNumber',
      render: (n: string) => <span style={{ ...NOWRAP, fontFamily: 'monospace' }}>{n}</span>,
    },
    {
      key: 'charge',
      title: t('billing.lines.charge'),
      dataIndex: 'chargeType',
      width: 96,
      render: (type: PreviewItem['chargeType']) => <ChargeTypeTag type={type} />,
    },
    {
      key: 'period',
      title: t('billing.lines.period'),
      render: (_: unknown, r) => <span style={NOWRAP}>{`${r.periodStart} ~ ${r.periodEnd}`}</span>,
    },
    { key: 'due', title: t('billing.dueDate'), dataIndex: 'dueDate', width: 100 },
    {
      key: 'outstanding',
      title: t('billing.outstanding'),
      dataIndex: 'outstandingFen',
      align: 'right',
      width: 116,
      render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
    },
    {
      key: 'take',
      title: t('billing.pay.applied'),
      dataIndex: 'take',
      align: 'right',
      width: 116,
      render: (fen: number | null) =>
        fen === null ? '—' : <Typography.Text strong={fen > 0}>{yuanText(fen)}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={8} data-testid="allocation-preview">
      <Table
        size="small"
        rowKey="lineId"
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 660 }}
        rowSelection={
          manual
            ? {
                selectedRowKeys: chosen,
                // Ticked lines are paid in the table's order (oldest due first), whatever the clicking order.
                onChange: (keys) =>
                  onChoose(items.map((i) => i.lineId).filter((lineId) => keys.includes(lineId))),
              }
            : undefined
        }
        locale={{ emptyText: t('billing.pay.noOpenLines') }}
      />
      <Flex justify="flex-end" gap={24} wrap>
        <span>
          {t('billing.pay.settles')}
          {t('customers.colon')}
          <Typography.Text strong data-testid="preview-settled">
            {yuanText(settled)}
          </Typography.Text>
        </span>
        <span>
          {t('billing.pay.toCredit')}
          {t('customers.colon')}
          <Typography.Text strong data-testid="preview-credit">
            {yuanText(toCreditFen)}
          </Typography.Text>
        </span>
      </Flex>
      {toCreditFen > 0 && (
        <Alert type="info" showIcon title={t('billing.pay.creditHint', { amount: yuanText(toCreditFen) })} />
      )}
    </Flex>
  );
}
