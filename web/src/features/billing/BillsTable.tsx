import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../app/api.ts';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { BillSentMark } from './BillSend.tsx';
import { BillStatusTag, OverdueDays } from './BillTags.tsx';
import type { BillSummary } from './billingApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

/** The columns the bill list, the customer's tab and the contract's tab share. */
function useBillColumns(show: { customer: boolean; contract: boolean }): TableColumnsType<BillSummary> {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const money = (key: keyof BillSummary, title: string, width: number) => ({
    key,
    title,
    dataIndex: key,
    width,
    align: 'right' as const,
    render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
  });
  const columns: TableColumnsType<BillSummary> = [
    {
      key: 'number',
      title: t('billing.number'),
      width: 150,
      render: (_: unknown, b) => (
        <Link to={`/bills/${b.id}`} onClick={stop} style={MONO}>
          {b.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('billing.customer'),
      render: (_: unknown, b) => (
        <Link to={`/customers/${b.customerId}?tab=bills`} onClick={stop}>
          <Clipped text={b.customerName} />
        </Link>
      ),
    },
    {
      key: 'contract',
      title: t('billing.contract'),
      width: 132,
      render: (_: unknown, b) =>
        b.contractId ? (
          <Link to={`/contracts/${b.contractId}`} onClick={stop} style={MONO}>
            {b.contractNumber}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'dueDate',
      title: t('billing.dueDate'),
      dataIndex: 'dueDate',
      width: 88,
      render: (d: string) => <span style={NOWRAP}>{d}</span>,
    },
    money('totalFen', t('billing.total'), 100),
    money('paidFen', t('billing.paid'), 92),
    money('outstandingFen', t('billing.outstanding'), 100),
    {
      key: 'status',
      title: t('billing.status'),
      dataIndex: 'status',
      width: en ? 108 : 76,
      render: (status: BillSummary['status']) => <BillStatusTag status={status} />,
    },
    {
      key: 'overdueDays',
      title: t('billing.overdueDays'),
      dataIndex: 'overdueDays',
      width: en ? 80 : 76,
      align: 'right',
      render: (days: number) => <OverdueDays days={days} />,
    },
    {
      key: 'sent',
      title: '',
      width: 32,
      align: 'center',
      render: (_: unknown, b) => <BillSentMark bill={b} />,
    },
  ];
  return columns.filter(
    (c) => (c.key !== 'customer' || show.customer) && (c.key !== 'contract' || show.contract),
  );
}

interface Props {
  query: UseQueryResult<Page<BillSummary>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  /** Off on the customer's own page, where every row is that customer. */
  showCustomer?: boolean;
  /** Off on the contract's page. */
  showContract?: boolean;
}

/** Bills, one row each, opened by click or Enter: the list page, the customer's and the contract's tabs. */
export function BillsTable({ query, paging, emptyText, showCustomer = true, showContract = true }: Props) {
  const navigate = useNavigate();
  const columns = useBillColumns({ customer: showCustomer, contract: showContract });
  return (
    <PagedTable<BillSummary>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 130) }}
      emptyText={emptyText}
      onOpen={(b) => navigate(`/bills/${b.id}`)}
    />
  );
}
