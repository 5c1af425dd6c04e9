import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../app/api.ts';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { PaymentStatusTag } from './BillTags.tsx';
import type { PaymentSummary } from './billingApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

interface Props {
  query: UseQueryResult<Page<PaymentSummary>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  showCustomer?: boolean;
}

/** Payments received, one row each, opened by click or Enter. */
export function PaymentsTable({ query, paging, emptyText, showCustomer = true }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const en = i18n.language === 'en';
  const money = (key: 'amountFen' | 'allocatedFen', title: string) => ({
    key,
    title,
    dataIndex: key,
    width: 120,
    align: 'right' as const,
    render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
  });
  const all: TableColumnsType<PaymentSummary> = [
    {
      key: 'number',
      title: t('billing.payments.number'),
      width: 140,
      render: (_: unknown, p) => (
        <Link to={`/payments/${p.id}`} onClick={stop} style={{ ...NOWRAP, fontFamily: 'monospace' }}>
          {p.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('billing.customer'),
      render: (_: unknown, p) => (
        <Link to={`/customers/${p.customerId}?tab=bills`} onClick={stop}>
          <Clipped text={p.customerName} />
        </Link>
      ),
    },
    money('amountFen', t('billing.pay.amount')),
    money('allocatedFen', t('billing.payments.allocated')),
    { key: 'receivedOn', title: t('billing.pay.receivedOn'), dataIndex: 'receivedOn', width: 104 },
    {
      key: 'method',
      title: t('billing.pay.method'),
      dataIndex: 'method',
      width: en ? 120 : 88,
      render: (m: PaymentSummary['method']) => t(`billing.methods.${m}`),
    },
    {
      key: 'reference',
      title: t('billing.pay.reference'),
      dataIndex: 'reference',
      width: 160,
      render: (r: string | null) => <Clipped text={r} />,
    },
    {
      key: 'status',
      title: t('billing.status'),
      dataIndex: 'status',
      width: en ? 96 : 76,
      render: (s: PaymentSummary['status']) => <PaymentStatusTag status={s} />,
    },
  ];
  const columns = showCustomer ? all : all.filter((c) => c.key !== 'customer');
  return (
    <PagedTable<PaymentSummary>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 180) }}
      emptyText={emptyText}
      onOpen={(p) => navigate(`/payments/${p.id}`)}
    />
  );
}
