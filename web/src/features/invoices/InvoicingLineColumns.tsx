import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Clipped } from '../../components/PagedTable.tsx';
import { ChargeTypeTag } from '../billing/BillTags.tsx';
import { ratePercent } from '../billing/billingFormat.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import type { InvoicingLine } from './invoicesApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const SMALL = { fontSize: 12 } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

const money = (key: 'netFen' | 'taxFen' | 'totalFen', title: string, width: number) => ({
  key,
  title,
  dataIndex: key,
  width,
  align: 'right' as const,
  render: (fen: number) => <span style={NOWRAP}>{yuanText(fen)}</span>,
});

/**
 * The columns of a bill line as an invoice carries it: the bill (and, with `buyer`, whose it is), the charge,
 * the service period, the property as signed (address and unit, certificate, area), and net, rate, tax and
 * total. Shared by the lines still to invoice and the lines of a recorded invoice.
 */
export function useInvoicingLineColumns({ buyer }: { buyer: boolean }): TableColumnsType<InvoicingLine> {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // A deposit line is named by what it secures (`rent`, `property_fee`); other lines by what was agreed.
  const lineName = (l: InvoicingLine) =>
    l.chargeType === 'deposit' && (l.name === 'rent' || l.name === 'property_fee')
      ? t(`billing.depositOf.${l.name}`)
      : l.name;
  return [
    {
      key: 'bill',
      title: buyer ? t('invoices.billAndBuyer') : t('invoices.bill'),
      width: 156,
      render: (_: unknown, l) => (
        <Flex vertical>
          <Link to={`/bills/${l.billId}`} onClick={stop} style={{ ...NOWRAP, fontFamily: 'monospace' }}>
            {l.billNumber}
          </Link>
          {buyer && (
            <Typography.Text type="secondary" style={SMALL} ellipsis={{ tooltip: l.buyerName }}>
              {l.buyerName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'charge',
      title: t('invoices.charge'),
      width: en ? 160 : 150,
      render: (_: unknown, l) => (
        <Flex gap={4} align="center" style={{ minWidth: 0 }}>
          <ChargeTypeTag type={l.chargeType} />
          {l.kind !== 'charge' && (
            <Tag color={l.kind === 'correction' ? 'purple' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {t(`billing.lines.${l.kind}`)}
            </Tag>
          )}
          <Clipped text={lineName(l)} />
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('invoices.period'),
      width: 96,
      // The two dates stacked keep the dense table within the page.
      render: (_: unknown, l) => (
        <Flex vertical style={NOWRAP}>
          <span>{l.periodStart}</span>
          <span>~ {l.periodEnd}</span>
        </Flex>
      ),
    },
    {
      key: 'property',
      title: t('invoices.property'),
      render: (_: unknown, l) =>
        l.propertyAddress ? (
          <Flex vertical style={{ minWidth: 0 }}>
            <Clipped text={l.propertyAddress} />
            <Typography.Text
              type="secondary"
              style={SMALL}
              ellipsis={{ tooltip: true }}
              data-testid="line-property"
            >
              {[
                l.certificateNo && t('invoices.certificate', { no: l.certificateNo }),
                l.areaSqm && t('invoices.area', { area: Number(l.areaSqm).toFixed(2) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    money('netFen', t('invoices.net'), en ? 100 : 104),
    {
      key: 'rate',
      title: t('invoices.rate'),
      dataIndex: 'vatRate',
      width: 56,
      align: 'right',
      render: (rate: string) => ratePercent(rate),
    },
    money('taxFen', t('invoices.tax'), 92),
    money('totalFen', t('invoices.total'), 108),
  ];
}
