import { ArrowLeftOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { AllocationsTable } from './BillTables.tsx';
import { PaymentStatusTag } from './BillTags.tsx';
import { receiptUrl, useCanHandleMoney, usePayment } from './billingApi.ts';
import { ReversePaymentModal } from './ReversePaymentModal.tsx';

/** One payment: what came in, from whom, which bills it paid, its receipt, and its reversal. */
export function PaymentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const timeZone = useUser().org.timeZone;
  const canReverse = useCanHandleMoney();
  const [reversing, setReversing] = useState(false);
  const query = usePayment(id);
  const payment = query.data;

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!payment) return <Skeleton active paragraph={{ rows: 10 }} />;
  const reversed = payment.status === 'reversed';
  const none = t('common.none');

  return (
    <>
      <Link to="/payments" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('billing.payments.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span style={{ fontFamily: 'monospace' }} data-testid="payment-number">
              {payment.number}
            </span>
            <Link to={`/customers/${payment.customerId}?tab=bills`}>{payment.customerName}</Link>
            <PaymentStatusTag status={payment.status} />
          </Space>
        }
        extra={
          <>
            <Button
              icon={<PrinterOutlined />}
              href={receiptUrl(payment.id)}
              target="_blank"
              data-testid="print-receipt"
            >
              {t('billing.printReceipt')}
            </Button>
            {canReverse && !reversed && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setReversing(true)}>
                {t('billing.reverse.action')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {reversed && (
          <Alert
            type="error"
            showIcon
            data-testid="reversal"
            title={t('billing.reverse.reversedAlert', { date: payment.reversedOn })}
            description={`${t('billing.reverse.reason')}${t('customers.colon')}${payment.reversalReason ?? none}`}
          />
        )}
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'amount', label: t('billing.pay.amount'), children: yuanText(payment.amountFen) },
              {
                key: 'allocated',
                label: t('billing.payments.allocated'),
                children: yuanText(payment.allocatedFen),
              },
              {
                key: 'credit',
                label: t('billing.pay.toCredit'),
                children: yuanText(reversed ? 0 : payment.amountFen - payment.allocatedFen),
              },
              { key: 'receivedOn', label: t('billing.pay.receivedOn'), children: payment.receivedOn },
              {
                key: 'method',
                label: t('billing.pay.method'),
                children: t(`billing.methods.${payment.method}`),
              },
              { key: 'reference', label: t('billing.pay.reference'), children: payment.reference ?? none },
              { key: 'payer', label: t('billing.pay.payerName'), children: payment.payerName ?? none },
              {
                key: 'createdAt',
                label: t('billing.payments.recordedAt'),
                children: formatInstant(payment.createdAt, timeZone),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('billing.allocations.title')}>
          <AllocationsTable allocations={payment.allocations} side="payment" />
        </Card>
      </Flex>
      {reversing && <ReversePaymentModal payment={payment} onClose={() => setReversing(false)} />}
    </>
  );
}
