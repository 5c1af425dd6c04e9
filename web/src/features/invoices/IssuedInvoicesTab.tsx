import {
  Button,
  DatePicker,
  Flex,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INVOICE_STATUSES } from '../../../../common/schemas/invoices.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, FilterBar, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useCanHandleMoney } from '../billing/billingApi.ts';
import { CustomerPicker } from '../billing/CustomerPicker.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { useInvoicingLineColumns } from './InvoicingLineColumns.tsx';
import {
  INVOICE_STATUS_COLORS,
  INVOICE_TYPE_COLORS,
  type InvoicesState,
  invoiceFilters,
} from './invoiceFormat.ts';
import {
  type InvoiceFilters,
  type InvoiceStatus,
  type InvoiceSummary,
  type InvoiceType,
  type InvoicingLine,
  useInvoice,
  useInvoices,
} from './invoicesApi.ts';
import { VoidInvoiceModal } from './VoidInvoiceModal.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** The customer picker fills its slot, a chosen customer's long label cut to it instead of spilling over. */
const PICKER = { width: 360, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' } as const;
const SMALL = { fontSize: 12 } as const;
const TAG = { marginInlineEnd: 0 } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

export function InvoiceTypeTag({ type }: { type: InvoiceType }) {
  const { t } = useTranslation();
  return (
    <Tag color={INVOICE_TYPE_COLORS[type]} style={TAG} data-testid="invoice-type">
      {t(`invoices.types.${type}`)}
    </Tag>
  );
}

/** Issued in green; void in grey, with why in a tooltip. */
export function InvoiceStatusTag({ invoice }: { invoice: Pick<InvoiceSummary, 'status' | 'voidReason'> }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={INVOICE_STATUS_COLORS[invoice.status]} style={TAG} data-testid="invoice-status">
      {t(`invoices.statuses.${invoice.status}`)}
    </Tag>
  );
  if (invoice.status !== 'void' || !invoice.voidReason) return tag;
  return <Tooltip title={t('invoices.voidReasonTip', { reason: invoice.voidReason })}>{tag}</Tooltip>;
}

/** What an invoice covers, opened under its row: the note, why it was voided, and its bill lines. */
function InvoiceDetail({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const { org } = useUser();
  const query = useInvoice(invoiceId);
  const columns = useInvoicingLineColumns({ buyer: false });
  if (query.isError) return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  const invoice = query.data;
  const colon = t('customers.colon');
  return (
    <Flex vertical gap={8} style={{ padding: '4px 0' }} data-testid="invoice-detail">
      {invoice?.note && (
        <Typography.Text type="secondary">
          {t('invoices.record.note')}
          {colon}
          {invoice.note}
        </Typography.Text>
      )}
      {invoice?.status === 'void' && (
        <Typography.Text type="secondary" data-testid="invoice-void-info">
          {t('invoices.voidedAt', {
            at: formatInstant(invoice.voidedAt, org.timeZone).slice(0, 16),
            reason: invoice.voidReason ?? '',
          })}
        </Typography.Text>
      )}
      <Table<InvoicingLine>
        size="small"
        rowKey="lineId"
        columns={columns}
        dataSource={invoice?.lines ?? []}
        loading={query.isFetching}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: minTableWidth(columns, 140) }}
        data-testid="invoice-lines"
      />
    </Flex>
  );
}

/** One page of the invoices the filters find, newest issue date first; a row opens the lines it covers. */
function InvoicesResults({ filters }: { filters: InvoiceFilters }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const canVoid = useCanHandleMoney();
  const paging = useCursorPages();
  const query = useInvoices(filters, paging.cursor);
  const [voiding, setVoiding] = useState<InvoiceSummary | null>(null);
  const columns: TableColumnsType<InvoiceSummary> = [
    {
      key: 'number',
      title: t('invoices.numberAndType'),
      width: 172,
      // The type under the number: the row is two lines high anyway (buyer and tax id, net and tax).
      render: (_: unknown, i) => (
        <Flex vertical gap={2} align="flex-start">
          <span style={{ ...NOWRAP, fontFamily: 'monospace', fontSize: 13 }} data-testid="invoice-number">
            {i.number}
          </span>
          <InvoiceTypeTag type={i.type} />
        </Flex>
      ),
    },
    {
      key: 'buyer',
      title: t('invoices.buyer'),
      render: (_: unknown, i) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={`/customers/${i.customerId}`} onClick={stop}>
            <Clipped text={i.buyerName} />
          </Link>
          {i.buyerTaxId && (
            <Typography.Text type="secondary" style={{ ...SMALL, fontFamily: 'monospace' }}>
              {i.buyerTaxId}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'issuedOn', title: t('invoices.issuedOn'), dataIndex: 'issuedOn', width: 96 },
    {
      key: 'netTax',
      title: t('invoices.netAndTax'),
      width: 104,
      align: 'right',
      // Stacked: the net over its tax keeps the table within the page.
      render: (_: unknown, i) => (
        <Flex vertical style={NOWRAP}>
          <span>{yuanText(i.netFen)}</span>
          <Typography.Text type="secondary" style={SMALL}>
            {yuanText(i.taxFen)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'total',
      title: t('invoices.total'),
      width: 108,
      align: 'right',
      render: (_: unknown, i) => (
        <Typography.Text
          strong={i.status === 'issued'}
          delete={i.status === 'void'}
          style={NOWRAP}
          data-testid="invoice-total"
        >
          {yuanText(i.totalFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'lines',
      title: t('invoices.lineCount'),
      dataIndex: 'lineCount',
      width: en ? 56 : 48,
      align: 'right',
    },
    {
      key: 'status',
      title: t('invoices.status'),
      width: 68,
      render: (_: unknown, i) => <InvoiceStatusTag invoice={i} />,
    },
    {
      key: 'createdBy',
      title: t('invoices.recordedBy'),
      width: en ? 110 : 80,
      render: (_: unknown, i) => <Clipped text={i.createdBy} />,
    },
  ];
  if (canVoid)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: en ? 72 : 52,
      render: (_: unknown, i) =>
        i.status === 'issued' && (
          <Button
            type="link"
            size="small"
            danger
            style={{ paddingInline: 0 }}
            onClick={(e) => {
              // Not the row's click: that opens the invoice's lines.
              e.stopPropagation();
              setVoiding(i);
            }}
            data-testid="void-invoice"
          >
            {t('invoices.void.action')}
          </Button>
        ),
    });
  const filtered = !!(filters.customerId || filters.status || filters.from || filters.to);
  return (
    <>
      <PagedTable<InvoiceSummary>
        query={query}
        paging={paging}
        columns={columns}
        tableLayout="fixed"
        scroll={{ x: minTableWidth(columns, 120) + 32 }}
        emptyText={filtered ? t('invoices.noMatch') : t('invoices.empty')}
        expandable={{
          columnWidth: 32,
          expandRowByClick: true,
          expandedRowRender: (i) => <InvoiceDetail invoiceId={i.id} />,
        }}
        data-testid="invoices"
      />
      {voiding && <VoidInvoiceModal invoice={voiding} onClose={() => setVoiding(null)} />}
    </>
  );
}

/** 已开发票: the invoices recorded, newest first, with what each covers; finance voids them here. */
export function IssuedInvoicesTab({
  state,
  change,
}: {
  state: InvoicesState;
  change: (c: Partial<InvoicesState>) => void;
}) {
  const { t, i18n } = useTranslation();
  const filters = invoiceFilters(state);
  return (
    <>
      <FilterBar>
        <div style={PICKER}>
          <CustomerPicker
            id="invoice-customer"
            allowClear
            value={state.customerId}
            onChange={(customerId) => change({ customerId })}
          />
        </div>
        <Select<InvoiceStatus>
          id="invoice-status"
          allowClear
          placeholder={t('invoices.status')}
          value={state.status}
          onChange={(status) => change({ status })}
          options={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.statuses.${s}`) }))}
          style={{ width: i18n.language === 'en' ? 120 : 110 }}
        />
        <DatePicker.RangePicker
          id={{ start: 'invoice-from', end: 'invoice-to' }}
          allowEmpty={[true, true]}
          placeholder={[t('invoices.issuedFrom'), t('invoices.issuedTo')]}
          value={[
            state.issuedFrom ? dayjs(state.issuedFrom) : null,
            state.issuedTo ? dayjs(state.issuedTo) : null,
          ]}
          onChange={(range) =>
            change({
              issuedFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              issuedTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          style={{ width: 260 }}
        />
      </FilterBar>
      <InvoicesResults key={JSON.stringify(filters)} filters={filters} />
    </>
  );
}
