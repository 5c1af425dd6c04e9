import { DeleteOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContractView } from '../contracts/contractsApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { FileLink } from '../contracts/HistoryCards.tsx';
import type { DepositLedgerView, SettlementItem, SettlementView } from './settlementApi.ts';

/* The two tables of the contract's deposit and settlement tab. */

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;

const KIND_COLORS: Partial<Record<SettlementItem['kind'], string>> = {
  pending: 'blue',
  unpaid: 'red',
  credit: 'green',
  penalty: 'volcano',
  damage: 'orange',
  other: 'purple',
  deduction: 'cyan',
};

type LedgerRow = {
  key: string;
  date: string;
  type: string;
  amountFen: number;
  ref: ReactNode;
  note: ReactNode;
};

/** The deposit ledger: figures, then every movement in and out by date. */
export function Ledger({ ledger, contract }: { ledger: DepositLedgerView; contract: ContractView }) {
  const { t } = useTranslation();
  const files = new Map(contract.files.map((f) => [f.id, f]));
  const rows: LedgerRow[] = [
    ...ledger.received.map((r) => ({
      key: r.id,
      date: r.postingDate,
      type: t('settlement.ledger.received'),
      amountFen: r.amountFen,
      ref: r.paymentId ? (
        <Link to={`/payments/${r.paymentId}`} style={MONO}>
          {r.paymentNumber}
        </Link>
      ) : (
        <span style={MONO}>{r.billNumber}</span>
      ),
      note: t('settlement.ledger.onBill', { number: r.billNumber }),
    })),
    ...ledger.movements.map((m) => ({
      key: m.id,
      date: m.postingDate,
      type: t(`settlement.ledger.${m.kind}`),
      amountFen: -m.amountFen,
      ref: <span style={MONO}>{m.kind === 'refunded' ? m.reference : m.billNumber}</span>,
      note: (
        <Flex vertical gap={2}>
          <span>
            {m.reason}
            {m.method ? ` · ${t(`billing.methods.${m.method}`)}` : ''}
          </span>
          <Flex gap={8} wrap>
            {m.evidence.map((e) => (
              <FileLink key={e.id} file={files.get(e.id) ?? null} />
            ))}
          </Flex>
        </Flex>
      ),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const columns: TableColumnsType<LedgerRow> = [
    {
      key: 'date',
      title: t('settlement.ledger.date'),
      dataIndex: 'date',
      width: 100,
      render: (d) => <span style={NOWRAP}>{d}</span>,
    },
    { key: 'type', title: t('settlement.ledger.type'), dataIndex: 'type', width: 90 },
    {
      key: 'amount',
      title: t('settlement.amount'),
      dataIndex: 'amountFen',
      width: 120,
      align: 'right',
      render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
    },
    { key: 'ref', title: t('settlement.ledger.ref'), dataIndex: 'ref', width: 170 },
    { key: 'note', title: t('settlement.ledger.note'), dataIndex: 'note' },
  ];
  return (
    <>
      <Descriptions
        size="small"
        bordered
        layout="vertical"
        column={{ xs: 2, md: 3, xl: 6 }}
        data-testid="deposit-figures"
        items={(
          ['billedFen', 'receivedFen', 'deductedFen', 'refundedFen', 'unreceivedFen', 'heldFen'] as const
        ).map((k) => ({
          key: k,
          label: t(`settlement.ledger.${k}`),
          children: (
            <Typography.Text strong={k === 'heldFen'} style={NOWRAP} data-testid={`deposit-${k}`}>
              {yuanText(ledger[k])}
            </Typography.Text>
          ),
        }))}
      />
      <Table<LedgerRow>
        size="small"
        style={{ marginTop: 8 }}
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 640 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settlement.ledger.empty')} />
          ),
        }}
      />
    </>
  );
}

/** The settlement's items, what is due, the deposit and the result. */
export function Items({
  s,
  contract,
  onRemove,
}: {
  s: SettlementView;
  contract: ContractView;
  onRemove?: (index: number) => void;
}) {
  const { t } = useTranslation();
  const files = new Map(contract.files.map((f) => [f.id, f]));
  const manual = s.items.filter((i) => i.kind === 'penalty' || i.kind === 'other');
  const columns: TableColumnsType<SettlementItem> = [
    {
      key: 'kind',
      title: t('settlement.itemKind'),
      width: 104,
      render: (_: unknown, i) => (
        <Tag color={KIND_COLORS[i.kind]} style={{ marginInlineEnd: 0 }}>
          {t(`settlement.kinds.${i.kind}`)}
        </Tag>
      ),
    },
    { key: 'name', title: t('settlement.itemName'), dataIndex: 'name', width: 128 },
    {
      key: 'period',
      title: t('settlement.periodBill'),
      width: 172,
      render: (_: unknown, i) =>
        i.periodStart || i.billNumber ? (
          <Flex vertical gap={0}>
            {i.periodStart && <span style={NOWRAP}>{`${i.periodStart} ~ ${i.periodEnd}`}</span>}
            {i.billNumber && (
              <Typography.Text type="secondary" style={MONO}>
                {i.billNumber}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'reason',
      title: t('settlement.reason'),
      render: (_: unknown, i) => (
        <Flex vertical gap={2}>
          <span>{i.reason ?? ''}</span>
          {i.evidenceFileIds.map((id) => (
            <FileLink key={id} file={files.get(id) ?? null} />
          ))}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('settlement.amount'),
      dataIndex: 'amountFen',
      width: 108,
      align: 'right',
      render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
    },
    ...(onRemove
      ? [
          {
            key: 'remove',
            width: 40,
            render: (_: unknown, i: SettlementItem) => {
              const at = manual.indexOf(i);
              return at < 0 ? null : (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('settlement.removeItem')}
                  onClick={() => onRemove(at)}
                />
              );
            },
          },
        ]
      : []),
  ];
  const refund = s.resultFen >= 0;
  return (
    <>
      <Table<SettlementItem>
        size="small"
        rowKey={(i) => `${i.kind}|${i.ref ?? ''}|${i.name}|${s.items.indexOf(i)}`}
        pagination={false}
        columns={columns}
        dataSource={s.items}
        scroll={{ x: 660 }}
        data-testid="settlement-items"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settlement.noItems')} />,
        }}
      />
      <Descriptions
        size="small"
        bordered
        layout="vertical"
        style={{ marginTop: 8 }}
        column={{ xs: 2, md: 4 }}
        items={[
          { key: 'due', label: t('settlement.due'), children: yuanText(s.dueFen) },
          { key: 'held', label: t('settlement.depositHeld'), children: yuanText(s.depositHeldFen) },
          { key: 'credit', label: t('settlement.customerCredit'), children: yuanText(s.customerCreditFen) },
          {
            key: 'result',
            label: refund ? t('settlement.resultRefund') : t('settlement.resultDue'),
            children: (
              <Typography.Text strong type={refund ? 'success' : 'danger'} data-testid="settlement-result">
                {yuanText(Math.abs(s.resultFen))}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
