import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ContractsTable } from './ContractsTable.tsx';
import { CONTRACTS, listContracts } from './contractsApi.ts';

/** The customer 360° page's contracts tab: every contract of this customer. */
export function CustomerContracts({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useQuery({
    queryKey: [CONTRACTS, 'list', { customerId }, paging.cursor],
    queryFn: () => listContracts({ customerId }, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <ContractsTable
      query={query}
      paging={paging}
      showCustomer={false}
      emptyText={t('contracts.customerEmpty')}
    />
  );
}
