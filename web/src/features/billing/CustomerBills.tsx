import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { BillsTable } from './BillsTable.tsx';
import { BILLING, listBills, listPayments, useBalance } from './billingApi.ts';
import { PaymentsTable } from './PaymentsTable.tsx';
import { RecordPaymentButton } from './RecordPaymentModal.tsx';

/** What the customer owes, what of it is overdue, and the credit they hold. */
function BalanceCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const balance = useBalance(customerId);
  if (balance.isError) {
    return <LoadFailed message={balance.error.message} onRetry={() => void balance.refetch()} />;
  }
  const b = balance.data;
  const figure = (key: string, title: string, fen: number | undefined, color?: string) => (
    <Col xs={24} sm={8}>
      <Statistic
        title={title}
        value={fen === undefined ? '—' : yuanText(fen)}
        loading={balance.isPending}
        styles={{ content: { fontSize: 20, color } }}
        data-testid={`balance-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small" data-testid="balance">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Row gutter={[32, 8]} style={{ flex: 1, minWidth: 0 }}>
          {figure('outstanding', t('billing.balance.outstanding'), b?.outstandingFen)}
          {figure(
            'overdue',
            t('billing.balance.overdue'),
            b?.overdueFen,
            b?.overdueFen ? '#cf1322' : undefined,
          )}
          {figure('credit', t('billing.balance.credit'), b?.creditFen)}
        </Row>
        <RecordPaymentButton
          primary
          prefill={{ customerId, amountFen: b && b.outstandingFen > 0 ? b.outstandingFen : undefined }}
        />
      </Flex>
    </Card>
  );
}

/** The customer 360° page's bills tab: balance, every bill, and the payments received. */
export function CustomerBills({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const billPages = useCursorPages();
  const paymentPages = useCursorPages();
  const bills = useQuery({
    queryKey: [BILLING, 'bills', { customerId }, billPages.cursor],
    queryFn: () => listBills({ customerId }, billPages.cursor),
    placeholderData: keepPreviousData,
  });
  const payments = useQuery({
    queryKey: [BILLING, 'payments', { customerId }, paymentPages.cursor],
    queryFn: () => listPayments({ customerId }, paymentPages.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={16}>
      <BalanceCard customerId={customerId} />
      <BillsTable
        query={bills}
        paging={billPages}
        showCustomer={false}
        emptyText={t('billing.customerEmpty')}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('billing.payments.title')}
      </Typography.Title>
      <PaymentsTable
        query={payments}
        paging={paymentPages}
        showCustomer={false}
        emptyText={t('billing.payments.customerEmpty')}
      />
    </Flex>
  );
}
