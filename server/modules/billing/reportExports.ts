import type { FastifyReply } from 'fastify';
import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import type { Locale } from '../../../common/locale.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import { type SheetColumn, streamList } from '../../platform/http/xlsxDownload.ts';
import type { AgingReport } from './agingReport.ts';
import type { CollectionReport } from './collectionReport.ts';
import type { FeeLedger } from './feeLedger.ts';

/** Headers of the report workbooks in both languages (Chinese unless the user reads English). */
const WORDS = {
  'zh-CN': {
    aging: '应收账龄',
    collection: '租金收缴',
    fees: '其他费用台账',
    customer: '客户',
    manager: '客户经理',
    site: '园区',
    customers: '客户数',
    current: '未到期',
    d1: '逾期1-30天',
    d31: '逾期31-60天',
    d61: '逾期61-90天',
    d90: '逾期90天以上',
    credit: '预收/未核销',
    total: '合计',
    month: '月份',
    lines: '明细数',
    billed: '应收租金',
    collected: '已收',
    credited: '减免/调整',
    outstanding: '未收',
    rate: '收缴率',
    feeType: '费用类型',
    incurred: '应收',
    none: '无',
    unassigned: '未分配',
    file: { aging: '应收账龄', collection: '租金收缴', fees: '其他费用台账' },
  },
  en: {
    aging: 'Aging',
    collection: 'Rent collection',
    fees: 'Other fees',
    customer: 'Customer',
    manager: 'Account manager',
    site: 'Site',
    customers: 'Customers',
    current: 'Current',
    d1: '1-30 days',
    d31: '31-60 days',
    d61: '61-90 days',
    d90: 'Over 90 days',
    credit: 'Credit/unapplied',
    total: 'Total',
    month: 'Month',
    lines: 'Lines',
    billed: 'Rent billed',
    collected: 'Collected',
    credited: 'Waived/adjusted',
    outstanding: 'Outstanding',
    rate: 'Collection rate',
    feeType: 'Fee type',
    incurred: 'Incurred',
    none: 'None',
    unassigned: 'Unassigned',
    file: { aging: 'aging', collection: 'rent-collection', fees: 'other-fees' },
  },
} as const;

const FEE_LABELS_EN: Record<(typeof CHARGE_TYPES)[number], string> = {
  rent: 'Rent',
  property_fee: 'Property fee',
  other: 'Other charges',
  deposit: 'Deposit',
  utility: 'Utilities',
  one_off: 'One-off charge',
  penalty: 'Late-payment penalty',
};

const YUAN = '#,##0.00';
/** Fen as yuan for the cell; Excel shows it with two decimals. */
const yuan = (fen: number) => fen / 100;
const money = <T>(header: string, value: (r: T) => number): SheetColumn<T> => ({
  header,
  width: 14,
  numFmt: YUAN,
  value: (r) => yuan(value(r)),
});

function fileNames(kind: 'aging' | 'collection' | 'fees', locale: Locale, suffix: string) {
  const ascii = `${WORDS.en.file[kind]}-${suffix}.xlsx`;
  return { name: locale === 'en' ? ascii : `${WORDS['zh-CN'].file[kind]}-${suffix}.xlsx`, asciiName: ascii };
}

type AgingItem = AgingReport['items'][number];

/** The aging report, every group (customer pages fetched one after another), with the totals row last. */
export function sendAgingWorkbook(
  reply: FastifyReply,
  locale: Locale,
  groupBy: AgingReport['groupBy'],
  asOf: string,
  fetch: (cursor: string | undefined) => Promise<AgingReport>,
) {
  const w = WORDS[locale];
  let totals: AgingReport['totals'] | null = null;
  const first = { customer: w.customer, manager: w.manager, site: w.site }[groupBy];
  const blank = groupBy === 'site' ? w.none : w.unassigned;
  const columns: SheetColumn<AgingItem>[] = [
    { header: first, width: 32, value: (r) => r.name ?? blank },
    ...(groupBy === 'customer'
      ? [{ header: w.manager, width: 12, value: (r: AgingItem) => r.managerName ?? w.unassigned }]
      : [{ header: w.customers, width: 10, numFmt: '#,##0', value: (r: AgingItem) => r.customers }]),
    money<AgingItem>(w.current, (r) => r.currentFen),
    money<AgingItem>(w.d1, (r) => r.days1to30Fen),
    money<AgingItem>(w.d31, (r) => r.days31to60Fen),
    money<AgingItem>(w.d61, (r) => r.days61to90Fen),
    money<AgingItem>(w.d90, (r) => r.over90Fen),
    money<AgingItem>(w.credit, (r) => r.creditFen),
    money<AgingItem>(w.total, (r) => r.totalFen),
  ];
  return streamList(reply, {
    ...fileNames('aging', locale, asOf),
    sheetName: w.aging,
    columns,
    fetch: async (cursor) => {
      const r = await fetch(cursor);
      totals = r.totals;
      return r;
    },
    footer: () =>
      totals && [
        w.total,
        groupBy === 'customer' ? null : totals.customers,
        ...[
          totals.currentFen,
          totals.days1to30Fen,
          totals.days31to60Fen,
          totals.days61to90Fen,
          totals.over90Fen,
          totals.creditFen,
          totals.totalFen,
        ].map(yuan),
      ],
  });
}

type CollectionItem = CollectionReport['items'][number];

export function sendCollectionWorkbook(reply: FastifyReply, locale: Locale, report: CollectionReport) {
  const w = WORDS[locale];
  const t = report.totals;
  return streamList<CollectionItem>(reply, {
    ...fileNames('collection', locale, `${report.from}-${report.to}`),
    sheetName: w.collection,
    columns: [
      { header: w.month, width: 10, value: (r) => r.month },
      { header: w.site, width: 24, value: (r) => r.siteName ?? w.none },
      { header: w.lines, width: 8, numFmt: '#,##0', value: (r) => r.lines },
      money(w.billed, (r) => r.billedFen),
      money(w.collected, (r) => r.collectedFen),
      money(w.credited, (r) => r.creditedFen),
      money(w.outstanding, (r) => r.outstandingFen),
      { header: w.rate, width: 10, numFmt: '0.00%', value: (r) => (r.rate === null ? null : Number(r.rate)) },
    ],
    fetch: async () => ({ items: report.items, nextCursor: null }),
    footer: () => [
      w.total,
      null,
      t.lines,
      yuan(t.billedFen),
      yuan(t.collectedFen),
      yuan(t.creditedFen),
      yuan(t.outstandingFen),
      t.rate === null ? null : Number(t.rate),
    ],
  });
}

type FeeItem = FeeLedger['items'][number];

export function sendFeesWorkbook(reply: FastifyReply, locale: Locale, report: FeeLedger) {
  const w = WORDS[locale];
  const t = report.totals;
  const label = (type: FeeItem['chargeType']) =>
    locale === 'en' ? FEE_LABELS_EN[type] : CHARGE_TYPE_LABELS[type];
  return streamList<FeeItem>(reply, {
    ...fileNames('fees', locale, `${report.from}-${report.to}`),
    sheetName: w.fees,
    columns: [
      { header: w.feeType, width: 18, value: (r) => label(r.chargeType) },
      { header: w.month, width: 10, value: (r) => r.month },
      { header: w.lines, width: 8, numFmt: '#,##0', value: (r) => r.lines },
      money(w.incurred, (r) => r.incurredFen),
      money(w.collected, (r) => r.collectedFen),
      money(w.credited, (r) => r.creditedFen),
      money(w.outstanding, (r) => r.outstandingFen),
    ],
    fetch: async () => ({ items: report.items, nextCursor: null }),
    footer: () => [
      w.total,
      null,
      t.lines,
      ...[t.incurredFen, t.collectedFen, t.creditedFen, t.outstandingFen].map(yuan),
    ],
  });
}
