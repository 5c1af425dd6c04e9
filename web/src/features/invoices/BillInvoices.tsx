import { Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChargeTypeTag } from '../billing/BillTags.tsx';
import type { BillView } from '../billing/billingApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { type InvoicingLine, useBillInvoicing } from './invoicesApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The bill's lines that a standing invoice covers, with its number, and how many are still to invoice. */
export function BillInvoices({ bill }: { bill: BillView }) {
  const { t } = useTranslation();
  const query = useBillInvoicing(bill);
  const invoiced = query.data ?? [];
  // The lines an invoice may cover: those of some amount (the server lists no others).
  const pending = bill.lines.filter((l) => l.totalFen !== 0).length - invoiced.length;
  const lineName = (l: InvoicingLine) =>
    l.chargeType === 'deposit' && (l.name === 'rent' || l.name === 'property_fee')
      ? t(`billing.depositOf.${l.name}`)
      : l.name;
  const columns: TableColumnsType<InvoicingLine> = [
    {
      key: 'number',
      title: t('invoices.number'),
      width: 200,
      render: (_: unknown, l) => (
        <Link
          to={`/invoices?tab=issued&customerId=${l.customerId}`}
          style={{ ...NOWRAP, fontFamily: 'monospace' }}
          data-testid="bill-invoice-number"
        >
          {l.invoiceNumber}
        </Link>
      ),
    },
    {
      key: 'charge',
      title: t('invoices.charge'),
      render: (_: unknown, l) => (
        <Flex gap={4} align="center">
          <ChargeTypeTag type={l.chargeType} />
          <span>{lineName(l)}</span>
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('invoices.period'),
      width: 180,
      render: (_: unknown, l) => <span style={NOWRAP}>{`${l.periodStart} ~ ${l.periodEnd}`}</span>,
    },
    {
      key: 'total',
      title: t('invoices.total'),
      width: 120,
      align: 'right',
      render: (_: unknown, l) => <span style={NOWRAP}>{yuanText(l.totalFen)}</span>,
    },
  ];
  return (
    <Card
      size="small"
      title={t('invoices.billCard.title')}
      extra={
        query.data &&
        pending > 0 && (
          <Typography.Text type="secondary" data-testid="bill-invoice-pending">
            {t('invoices.billCard.pending', { count: pending })}
          </Typography.Text>
        )
      }
    >
      {query.data && invoiced.length === 0 ? (
        <Typography.Text type="secondary">{t('invoices.billCard.none')}</Typography.Text>
      ) : (
        <Table<InvoicingLine>
          size="small"
          rowKey="lineId"
          columns={columns}
          dataSource={invoiced}
          loading={query.isFetching}
          pagination={false}
          data-testid="bill-invoices"
        />
      )}
    </Card>
  );
}
