import { DownloadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useCanHandleMoney } from '../billing/billingApi.ts';
import { CustomerPicker } from '../billing/CustomerPicker.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { useInvoicingLineColumns } from './InvoicingLineColumns.tsx';
import { type InvoicesState, invoicingFilters, selectionTotals } from './invoiceFormat.ts';
import {
  type InvoicingFilters,
  type InvoicingLine,
  invoicingXlsxUrl,
  useInvoicingLines,
} from './invoicesApi.ts';
import { RecordInvoiceModal } from './RecordInvoiceModal.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** The customer picker fills its slot, a chosen customer's long label cut to it instead of spilling over. */
const PICKER = { width: 360, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' } as const;

/** What the chosen lines add up to, and the two things to do with the list: export it, record an invoice. */
function SelectionBar({
  chosen,
  filters,
  onRecord,
}: {
  chosen: InvoicingLine[];
  filters: InvoicingFilters;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  const canRecord = useCanHandleMoney();
  const totals = selectionTotals(chosen);
  const blocked = !totals.count
    ? t('invoices.chooseLines')
    : !totals.customerId
      ? t('invoices.oneCustomer')
      : null;
  const figure = (label: string, fen: number) => (
    <span style={NOWRAP}>
      <Typography.Text type="secondary">{label} </Typography.Text>
      <Typography.Text strong>{yuanText(fen)}</Typography.Text>
    </span>
  );
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={12}
      wrap
      style={{ marginBottom: 12, padding: '6px 12px', background: 'rgba(0, 0, 0, 0.02)', borderRadius: 6 }}
    >
      <Flex gap={16} wrap align="center" data-testid="selection-summary">
        <Typography.Text strong={totals.count > 0} style={NOWRAP}>
          {t('invoices.selected', { count: totals.count })}
        </Typography.Text>
        {figure(t('invoices.net'), totals.netFen)}
        {figure(t('invoices.tax'), totals.taxFen)}
        {figure(t('invoices.total'), totals.totalFen)}
      </Flex>
      <Flex gap={8}>
        <Button
          icon={<DownloadOutlined />}
          href={invoicingXlsxUrl(filters)}
          download
          data-testid="export-invoicing"
        >
          {t('invoices.export')}
        </Button>
        {canRecord && (
          <Tooltip title={blocked}>
            {/* A disabled button fires no pointer events: the wrapper shows why it is disabled. */}
            <span>
              <Button
                type="primary"
                icon={<FileDoneOutlined />}
                disabled={!!blocked}
                onClick={onRecord}
                data-testid="record-invoice"
              >
                {t('invoices.record.action')}
              </Button>
            </span>
          </Tooltip>
        )}
      </Flex>
    </Flex>
  );
}

/**
 * One page of the lines still to invoice, with the lines chosen on any page; remounted (paging and choice
 * anew) whenever the filters change.
 */
function PendingResults({ filters }: { filters: InvoicingFilters }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useInvoicingLines(filters, paging.cursor);
  // Filtered by customer, every line is the same buyer's: the bill column names only the bill.
  const columns = useInvoicingLineColumns({ buyer: !filters.customerId });
  const [chosen, setChosen] = useState<Map<string, InvoicingLine>>(new Map());
  const [recording, setRecording] = useState(false);
  const lines = [...chosen.values()];
  const filtered = !!(filters.customerId || filters.from || filters.to);
  return (
    <>
      <SelectionBar chosen={lines} filters={filters} onRecord={() => setRecording(true)} />
      <PagedTable<InvoicingLine>
        query={query}
        paging={paging}
        rowKey="lineId"
        columns={columns}
        tableLayout="fixed"
        scroll={{ x: minTableWidth(columns, 150) + 32 }}
        emptyText={filtered ? t('invoices.noMatchPending') : t('invoices.emptyPending')}
        rowSelection={{
          columnWidth: 32,
          selectedRowKeys: [...chosen.keys()],
          preserveSelectedRowKeys: true,
          onChange: (keys, rows) => {
            const byId = new Map(rows.filter(Boolean).map((r) => [r.lineId, r]));
            setChosen(
              new Map(
                keys.flatMap((k) => {
                  const line = byId.get(String(k)) ?? chosen.get(String(k));
                  return line ? [[line.lineId, line] as const] : [];
                }),
              ),
            );
          },
        }}
        data-testid="invoicing-lines"
      />
      {recording && (
        <RecordInvoiceModal
          lines={lines}
          onClose={(recorded) => {
            setRecording(false);
            if (recorded) setChosen(new Map());
          }}
        />
      )}
    </>
  );
}

/** 待开票: issued bill lines no standing invoice covers, oldest posting first. */
export function PendingLinesTab({
  state,
  change,
}: {
  state: InvoicesState;
  change: (c: Partial<InvoicesState>) => void;
}) {
  const { t } = useTranslation();
  const filters = invoicingFilters(state);
  return (
    <>
      <FilterBar>
        <div style={PICKER}>
          <CustomerPicker
            id="invoicing-customer"
            allowClear
            value={state.customerId}
            onChange={(customerId) => change({ customerId })}
          />
        </div>
        <DatePicker.RangePicker
          id={{ start: 'invoicing-from', end: 'invoicing-to' }}
          allowEmpty={[true, true]}
          placeholder={[t('invoices.postedFrom'), t('invoices.postedTo')]}
          value={[state.from ? dayjs(state.from) : null, state.to ? dayjs(state.to) : null]}
          onChange={(range) =>
            change({
              from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          style={{ width: 260 }}
        />
      </FilterBar>
      <PendingResults key={JSON.stringify(filters)} filters={filters} />
    </>
  );
}
