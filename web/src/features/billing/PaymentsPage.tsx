import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { BILLING, listPayments } from './billingApi.ts';
import { PaymentsTable } from './PaymentsTable.tsx';
import { RecordPaymentButton } from './RecordPaymentModal.tsx';

/** Every payment received, newest first; finance records new ones here. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useQuery({
    queryKey: [BILLING, 'payments', {}, paging.cursor],
    queryFn: () => listPayments({}, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t('nav.payments')}
        subtitle={t('billing.payments.subtitle')}
        extra={<RecordPaymentButton primary />}
      />
      <Card>
        <PaymentsTable query={query} paging={paging} emptyText={t('billing.payments.empty')} />
      </Card>
    </>
  );
}
