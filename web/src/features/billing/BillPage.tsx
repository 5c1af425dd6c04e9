import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { useLineCorrection } from '../charges/CorrectionModal.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { BillInvoices } from '../invoices/BillInvoices.tsx';
import { BillSentState, SendBillButton } from './BillSend.tsx';
import { AllocationsTable, BillLinesTable } from './BillTables.tsx';
import { BillStatusTag, OverdueDays } from './BillTags.tsx';
import { type BillView, billDocumentUrl, useBill } from './billingApi.ts';
import { RecordPaymentButton } from './RecordPaymentModal.tsx';

/** Total, paid, credited and outstanding, the last in red while the bill is overdue. */
function Figures({ bill }: { bill: BillView }) {
  const { t } = useTranslation();
  const figure = (key: string, title: string, fen: number, color?: string) => (
    <Col xs={12} md={6} key={key}>
      <Statistic
        title={title}
        value={yuanText(fen)}
        styles={{ content: { fontSize: 20, color } }}
        data-testid={`bill-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small">
      <Row gutter={[16, 16]}>
        {figure('total', t('billing.total'), bill.totalFen)}
        {figure('paid', t('billing.paid'), bill.paidFen)}
        {figure('credited', t('billing.credited'), bill.creditedFen)}
        {figure(
          'outstanding',
          t('billing.outstanding'),
          bill.outstandingFen,
          bill.overdueDays > 0 && bill.outstandingFen > 0 ? '#cf1322' : undefined,
        )}
      </Row>
    </Card>
  );
}

/** One bill: who owes it, its lines with tax, and the money applied to it. */
export function BillPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useBill(id);
  const bill = query.data;
  const correctLine = useLineCorrection(bill?.lines ?? []);

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!bill) return <Skeleton active paragraph={{ rows: 12 }} />;
  const colon = t('customers.colon');

  return (
    <>
      <Link to="/bills" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('billing.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span style={{ fontFamily: 'monospace' }} data-testid="bill-number">
              {bill.number}
            </span>
            <Link to={`/customers/${bill.customerId}?tab=bills`}>{bill.customerName}</Link>
            <BillStatusTag status={bill.status} />
          </Space>
        }
        subtitle={
          <Flex gap={16} wrap component="span">
            {bill.contractId && (
              <span>
                {t('billing.contract')}
                {colon}
                <Link to={`/contracts/${bill.contractId}`}>{bill.contractNumber}</Link>
              </span>
            )}
            <span>
              {t('billing.issuedOn')}
              {colon}
              {bill.issuedOn}
            </span>
            <span>
              {t('billing.dueDate')}
              {colon}
              {bill.dueDate} {bill.overdueDays > 0 && <OverdueDays days={bill.overdueDays} />}
            </span>
            <BillSentState bill={bill} />
          </Flex>
        }
        extra={
          <>
            <Button
              icon={<PrinterOutlined />}
              href={billDocumentUrl(bill.id)}
              target="_blank"
              data-testid="print-bill"
            >
              {t('billing.printBill')}
            </Button>
            <SendBillButton bill={bill} />
            {bill.outstandingFen > 0 && (
              <RecordPaymentButton
                primary
                prefill={{ customerId: bill.customerId, amountFen: bill.outstandingFen }}
              />
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Figures bill={bill} />
        <Card size="small" title={t('billing.lines.title')}>
          <BillLinesTable lines={bill.lines} action={correctLine} />
        </Card>
        <Card size="small" title={t('billing.allocations.title')}>
          <AllocationsTable allocations={bill.allocations} side="bill" lines={bill.lines} />
        </Card>
        <BillInvoices bill={bill} />
      </Flex>
    </>
  );
}
