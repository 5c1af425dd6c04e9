import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { BillsTable } from './BillsTable.tsx';
import { BILLING, listBills } from './billingApi.ts';

/** The contract page's bills tab: the bills issued under this contract. */
export function ContractBills({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useQuery({
    queryKey: [BILLING, 'bills', { contractId }, paging.cursor],
    queryFn: () => listBills({ contractId }, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <BillsTable
      query={query}
      paging={paging}
      showCustomer={false}
      showContract={false}
      emptyText={t('billing.contractEmpty')}
    />
  );
}
