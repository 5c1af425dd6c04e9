import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../app/api.ts';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { ContractStatusTag, DaysToEnd } from './ContractTags.tsx';
import type { ContractSummary } from './contractsApi.ts';
import { yuanText } from './contractsFormat.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

/** The columns the list, the customer's tab and the ledger share. */
export function useContractColumns(showCustomer: boolean): TableColumnsType<ContractSummary> {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const columns: TableColumnsType<ContractSummary> = [
    {
      key: 'number',
      title: t('contracts.number'),
      width: 136,
      render: (_: unknown, c) => (
        <Link to={`/contracts/${c.id}`} onClick={stop} style={{ ...NOWRAP, fontFamily: 'monospace' }}>
          {c.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('contracts.customer'),
      render: (_: unknown, c) => (
        <Link to={`/customers/${c.customer.id}`} onClick={stop}>
          <Clipped text={c.customer.name} />
        </Link>
      ),
    },
    {
      key: 'units',
      title: t('contracts.units'),
      width: 80,
      render: (_: unknown, c) => <Clipped text={c.unitCodes.join('、')} />,
    },
    {
      key: 'term',
      title: t('contracts.term'),
      width: 176,
      render: (_: unknown, c) => (
        <span style={NOWRAP}>
          {c.startDate} ~ {c.endDate}
        </span>
      ),
    },
    {
      key: 'rent',
      title: t('contracts.monthlyRent'),
      dataIndex: 'monthlyRentFen',
      width: 108,
      align: 'right',
      render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
    },
    {
      key: 'status',
      title: t('contracts.status'),
      dataIndex: 'status',
      width: en ? 128 : 80,
      render: (status: ContractSummary['status']) => <ContractStatusTag status={status} />,
    },
    {
      key: 'signedOn',
      title: t('contracts.signedOn'),
      dataIndex: 'signedOn',
      width: 96,
      render: (d: string | null) => <span style={NOWRAP}>{d ?? '—'}</span>,
    },
    {
      key: 'daysToEnd',
      title: t('contracts.daysToEnd'),
      width: en ? 124 : 92,
      align: 'right',
      render: (_: unknown, c) => <DaysToEnd contract={c} />,
    },
  ];
  return showCustomer ? columns : columns.filter((c) => c.key !== 'customer');
}

interface Props {
  query: UseQueryResult<Page<ContractSummary>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  /** Off on the customer's own page, where every row is that customer. */
  showCustomer?: boolean;
}

/** Contracts, one row each, opened by click or Enter: the list page and the customer's tab. */
export function ContractsTable({ query, paging, emptyText, showCustomer = true }: Props) {
  const navigate = useNavigate();
  const columns = useContractColumns(showCustomer);
  return (
    <PagedTable<ContractSummary>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 140) }}
      emptyText={emptyText}
      onOpen={(c) => navigate(`/contracts/${c.id}`)}
    />
  );
}
