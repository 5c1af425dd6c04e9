import { INTENDED_USE_LABELS } from '../../../common/applications/labels.ts';
import { formatYuan } from '../../../common/money.ts';
import { PAYMENT_CYCLES } from '../../../common/schemas/applications.ts';
import { checkUscc } from '../../../common/validators/uscc.ts';
import type { Ctx } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { checkImportedLease, type ImportedLease } from '../contracts/index.ts';
import { AREA_BASIS_SHEET_LABELS, RENT_BASIS_SHEET_LABELS, YES_NO_LABELS } from './contractColumns.ts';
import type { Staged } from './customerRows.ts';
import type { SheetRow } from './readSheet.ts';
import type { RowError } from './reasons.ts';
import { RowReader } from './rowReader.ts';

/** A lease row as staged: the values as read (nulls where the cell was empty or wrong), and what was found. */
export interface ContractData {
  uscc: string | null;
  site: string | null;
  building: string | null;
  unitCodes: string[];
  areaBasis: ImportedLease['areaBasis'] | null;
  use: ImportedLease['use'] | null;
  startDate: string | null;
  endDate: string | null;
  rentBasis: ImportedLease['rent']['basis'] | null;
  rentPrice: string | null;
  taxInclusive: boolean;
  vatRate: string | null;
  billingCycleMonths: number | null;
  dueDaysBeforePeriod: number;
  propertyFeePrice: string | null;
  depositMonths: number | null;
  depositFen: number | null;
  lateFeeRate: string | null;
  graceDays: number | null;
  signedOn: string | null;
  handedOverOn: string | null;
  custodian: string | null;
  archiveLocation: string | null;
  billedThrough: string | null;
  originalNumber: string | null;
  notes: string | null;
  /** Found at preview, to recognise the row and to find leases of the file that overlap. */
  customerName: string | null;
  customerId: string | null;
  unitIds: string[] | null;
}

/** 建筑面积 for 建筑, 元/月（固定） for 元/月: the longer forms people type. */
function looser(cells: SheetRow['cells']): SheetRow['cells'] {
  const out = { ...cells };
  for (const [key, pattern] of [
    ['areaBasis', /面积$/],
    ['rentBasis', /\s*[（(][^)）]*[)）]$/],
  ] as const) {
    const v = out[key];
    if (typeof v === 'string') out[key] = v.trim().replace(pattern, '');
  }
  return out;
}

export function readContractRow(row: SheetRow): Staged<ContractData> {
  const r = new RowReader(looser(row.cells));
  const unitCodes = r.list('unitCodes', { count: 50, max: 30 });
  if (!unitCodes.length && !r.has('unitCodes')) r.problem('unitCodes', 'required');
  const cycle = r.integer('billingCycleMonths', { min: 1, max: 12, required: true });
  if (cycle !== null && !(PAYMENT_CYCLES as readonly number[]).includes(cycle))
    r.problem('billingCycleMonths', 'choice', { allowed: PAYMENT_CYCLES.join('、') });
  const data: ContractData = {
    uscc: r.checked('uscc', checkUscc, 'uscc', true),
    site: r.text('site', { required: true, max: 100 }),
    building: r.text('building', { required: true, max: 100 }),
    unitCodes,
    areaBasis: r.choice('areaBasis', AREA_BASIS_SHEET_LABELS, true),
    use: r.choice('use', INTENDED_USE_LABELS, true),
    startDate: r.requiredDate('startDate'),
    endDate: r.requiredDate('endDate'),
    rentBasis: r.choice('rentBasis', RENT_BASIS_SHEET_LABELS, true),
    rentPrice: r.decimal('rentPrice', 'price'),
    taxInclusive: (r.choice('taxInclusive', YES_NO_LABELS) ?? 'yes') === 'yes',
    vatRate: r.fraction('vatRate'),
    billingCycleMonths: cycle,
    dueDaysBeforePeriod: r.integer('dueDaysBeforePeriod', { min: 0, max: 90 }) ?? 0,
    propertyFeePrice: r.raw('propertyFeePrice') ? r.decimal('propertyFeePrice', 'price') : null,
    depositMonths: r.integer('depositMonths', { min: 0, max: 24 }),
    depositFen: r.yuan('depositAmount'),
    lateFeeRate: r.fraction('lateFeeRate'),
    graceDays: r.integer('graceDays', { min: 0, max: 60 }),
    signedOn: r.requiredDate('signedOn'),
    handedOverOn: r.date('handedOverOn'),
    custodian: r.text('custodian', { max: 50 }),
    archiveLocation: r.text('archiveLocation', { max: 200 }),
    billedThrough: r.requiredDate('billedThrough'),
    originalNumber: r.text('originalNumber', { max: 50 }),
    notes: r.text('notes', { max: 1000 }),
    customerName: null,
    customerId: null,
    unitIds: null,
  };
  const months = r.raw('depositMonths') !== '';
  const amount = r.raw('depositAmount') !== '';
  if (!months && !amount) r.problem('depositMonths', 'deposit_one_of');
  else if (months && amount) r.problem('depositAmount', 'deposit_both');
  return { rowNo: row.rowNo, data, errors: r.errors };
}

/** The lease a row without problems describes, as importContract takes it. */
export function leaseOf(d: ContractData): ImportedLease {
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('a staged lease row without problems has every required value');
    return v;
  };
  return {
    uscc: need(d.uscc),
    site: need(d.site),
    building: need(d.building),
    unitCodes: d.unitCodes,
    areaBasis: need(d.areaBasis),
    use: need(d.use),
    startDate: need(d.startDate),
    endDate: need(d.endDate),
    rent: {
      basis: need(d.rentBasis),
      price: need(d.rentPrice),
      taxInclusive: d.taxInclusive,
      vatRate: d.vatRate,
    },
    billingCycleMonths: need(d.billingCycleMonths) as ImportedLease['billingCycleMonths'],
    dueDaysBeforePeriod: d.dueDaysBeforePeriod,
    propertyFeePrice: d.propertyFeePrice,
    deposit: d.depositFen !== null ? { amountFen: d.depositFen } : { months: need(d.depositMonths) },
    lateFee: { dailyRate: d.lateFeeRate, graceDays: d.graceDays },
    signedOn: need(d.signedOn),
    handedOverOn: d.handedOverOn,
    custodian: d.custodian,
    archiveLocation: d.archiveLocation,
    billedThrough: need(d.billedThrough),
    originalNumber: d.originalNumber,
    notes: d.notes,
  };
}

/** Where a use-case's field lands in the sheet: terms.endDate is the 结束日期 column, and so on. */
const FIELD_COLUMNS: [RegExp, string][] = [
  [/^(terms\.units\b|unitIds\b)/, 'unitCodes'],
  [/^terms\.startDate$/, 'startDate'],
  [/^terms\.endDate$/, 'endDate'],
  [/^terms\.use$/, 'use'],
  [/^terms\.areaBasis$/, 'areaBasis'],
  [/^terms\.rent\.basis$/, 'rentBasis'],
  [/^terms\.rent\.price$/, 'rentPrice'],
  [/^terms\.rent\.taxInclusive$/, 'taxInclusive'],
  [/^terms\.rent\.vatRate$/, 'vatRate'],
  [/^terms\.billingCycleMonths$/, 'billingCycleMonths'],
  [/^terms\.dueDaysBeforePeriod$/, 'dueDaysBeforePeriod'],
  [/^terms\.propertyFee\b/, 'propertyFeePrice'],
  [/^terms\.deposit\.months$/, 'depositMonths'],
  [/^terms\.deposit\b/, 'depositAmount'],
  [/^terms\.lateFee\.graceDays$/, 'graceDays'],
  [/^terms\.lateFee\b/, 'lateFeeRate'],
];
const ROW_FIELDS = new Set([
  'uscc',
  'site',
  'building',
  'unitCodes',
  'signedOn',
  'handedOverOn',
  'custodian',
  'archiveLocation',
  'billedThrough',
]);

export function columnOfField(field: string | undefined): string {
  if (!field) return 'uscc';
  if (ROW_FIELDS.has(field)) return field;
  return FIELD_COLUMNS.find(([re]) => re.test(field))?.[1] ?? 'uscc';
}

/** The cell of a column as the preview shows it. */
function shownValue(d: ContractData, column: string): string | null {
  if (column === 'depositAmount') return d.depositFen === null ? null : formatYuan(d.depositFen, 'suffix');
  const v = (d as unknown as Record<string, unknown>)[column];
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** A use-case's refusal as a row's problem: its code and parameters, on the column of its field. */
export function problemOf(e: AppError, d: ContractData): RowError {
  const column = columnOfField(e.field);
  return { column, reason: e.code, params: e.params, value: shownValue(d, column) };
}

/**
 * What a row cannot know alone: the customer, the units, the custodian, the dates and the terms against
 * the database, by the contracts module's own checks (so the preview refuses what the import would), then
 * leases of this file that overlap an earlier row of it.
 */
export async function checkContractRows(ctx: Ctx, rows: Staged<ContractData>[], today: string) {
  const memo = {};
  for (const row of rows) {
    if (row.errors.length) continue;
    const check = await checkImportedLease(ctx, leaseOf(row.data), today, memo);
    row.data.customerId = check.customer?.id ?? null;
    row.data.customerName = check.customer?.name ?? null;
    row.data.unitIds = check.unitIds;
    row.errors.push(...check.problems.map((e) => problemOf(e, row.data)));
  }
  checkOverlapsInFile(rows);
}

/** First come, first served: a lease overlapping one of an earlier good row of the file is refused. */
export function checkOverlapsInFile(rows: Staged<ContractData>[]) {
  const leased = new Map<string, { rowNo: number; from: string; to: string }[]>();
  for (const row of rows) {
    const { unitIds, startDate, endDate, unitCodes } = row.data;
    if (row.errors.length || !unitIds || !startDate || !endDate) continue;
    const clash = unitIds
      .map((id, i) => ({
        code: unitCodes[i]!,
        hit: leased.get(id)?.find((l) => l.from <= endDate && l.to >= startDate),
      }))
      .find((x) => x.hit);
    if (clash?.hit) {
      row.errors.push({
        column: 'unitCodes',
        reason: 'lease_overlap_in_file',
        params: { code: clash.code, row: clash.hit.rowNo, from: clash.hit.from, to: clash.hit.to },
        value: unitCodes.join('、'),
      });
      continue;
    }
    for (const id of unitIds)
      leased.set(id, [...(leased.get(id) ?? []), { rowNo: row.rowNo, from: startDate, to: endDate }]);
  }
}
