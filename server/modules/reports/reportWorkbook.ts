import ExcelJS from 'exceljs';
import { CUSTOMER_STATUS_LABELS, INDUSTRY_LABELS } from '../../../common/labels.ts';
import type { Locale } from '../../../common/locale.ts';
import type { CustomerReport } from './customerReport.ts';

/** Occupancy by site as GET /api/v1/spaces/occupancy gives it (areas as decimal strings in m²). */
export interface SiteOccupancy {
  name: string;
  leasableArea: string;
  leasedArea: string;
  units: number;
  leasedUnits: number;
}

const WORDS = {
  'zh-CN': {
    byStatus: '客户状态',
    byIndustry: '行业分布',
    byManager: '客户经理',
    perMonth: '每月新增客户',
    occupancy: '各园区出租率',
    status: '状态',
    industry: '行业',
    manager: '客户经理',
    month: '月份',
    site: '园区',
    customers: '客户数',
    newCustomers: '新增客户数',
    share: '占比',
    leasable: '可租面积（㎡）',
    leased: '已租面积（㎡）',
    rate: '出租率',
    units: '单元数',
    leasedUnits: '已租单元数',
    total: '合计',
    notSet: '未填写',
    unassigned: '未分配',
  },
  en: {
    byStatus: 'By status',
    byIndustry: 'By industry',
    byManager: 'By account manager',
    perMonth: 'New per month',
    occupancy: 'Occupancy by site',
    status: 'Status',
    industry: 'Industry',
    manager: 'Account manager',
    month: 'Month',
    site: 'Site',
    customers: 'Customers',
    newCustomers: 'New customers',
    share: 'Share',
    leasable: 'Leasable area (m²)',
    leased: 'Leased area (m²)',
    rate: 'Occupancy',
    units: 'Units',
    leasedUnits: 'Leased units',
    total: 'Total',
    notSet: 'Not set',
    unassigned: 'Unassigned',
  },
} as const;

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  numFmt?: string;
}
interface Table {
  columns: Column[];
  data: Cell[][];
}

function addSheet(wb: ExcelJS.Workbook, name: string, t: Table) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  ws.addRow(t.columns.map((c) => c.header)).font = { bold: true };
  for (const row of t.data) ws.addRow(row);
}

/** The customer report and occupancy by site, one sheet per table, headers in the caller's language. */
export async function reportWorkbook(
  report: CustomerReport,
  occupancy: SiteOccupancy[],
  locale: Locale,
): Promise<Buffer> {
  const w = WORDS[locale];
  const wb = new ExcelJS.Workbook();
  const share = (n: number) => (report.total ? n / report.total : 0);
  // A breakdown of all customers: label, count and share, and a total row.
  const counted = (first: string, rows: { label: string; count: number }[]): Table => ({
    columns: [
      { header: first, width: 24 },
      { header: w.customers, width: 12, numFmt: '#,##0' },
      { header: w.share, width: 10, numFmt: '0.0%' },
    ],
    data: [
      ...rows.map((r) => [r.label, r.count, share(r.count)]),
      [w.total, rows.reduce((s, r) => s + r.count, 0), report.total ? 1 : 0],
    ],
  });
  addSheet(
    wb,
    w.byStatus,
    counted(
      w.status,
      report.byStatus.map((r) => ({ label: CUSTOMER_STATUS_LABELS[r.status][locale], count: r.count })),
    ),
  );
  addSheet(
    wb,
    w.byIndustry,
    counted(
      w.industry,
      report.byIndustry.map((r) => ({
        label: r.industry ? INDUSTRY_LABELS[r.industry][locale] : w.notSet,
        count: r.count,
      })),
    ),
  );
  addSheet(
    wb,
    w.byManager,
    counted(
      w.manager,
      report.byAccountManager.map((r) => ({ label: r.name ?? w.unassigned, count: r.count })),
    ),
  );
  addSheet(wb, w.perMonth, {
    columns: [
      { header: w.month, width: 12 },
      { header: w.newCustomers, width: 14, numFmt: '#,##0' },
    ],
    data: report.newPerMonth.map((m) => [m.month, m.count]),
  });
  addSheet(wb, w.occupancy, {
    columns: [
      { header: w.site, width: 24 },
      { header: w.leasable, width: 16, numFmt: '#,##0.00' },
      { header: w.leased, width: 16, numFmt: '#,##0.00' },
      { header: w.rate, width: 10, numFmt: '0.0%' },
      { header: w.units, width: 10, numFmt: '#,##0' },
      { header: w.leasedUnits, width: 12, numFmt: '#,##0' },
    ],
    data: occupancy.map((s) => {
      const leasable = Number(s.leasableArea);
      const leased = Number(s.leasedArea);
      return [s.name, leasable, leased, leasable ? leased / leasable : 0, s.units, s.leasedUnits];
    }),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
