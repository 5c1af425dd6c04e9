import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import { formatYuan } from '../../../common/money.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import type { Ctx } from '../../platform/context.ts';
import {
  checkOpeningBalances,
  type OpeningBalanceRow,
  type OpeningField,
  type OpeningProblem,
} from '../billing/index.ts';
import type { Staged } from './customerRows.ts';
import {
  CHARGE_TYPE_ALIASES,
  CHARGE_TYPE_SHEET_LABELS,
  DEPOSIT_NAME_SHEET_LABELS,
} from './openingColumns.ts';
import type { SheetRow } from './readSheet.ts';
import type { RowError } from './reasons.ts';
import { RowReader } from './rowReader.ts';

/** An opening balance row as staged: the values as read, then as resolved by billing's check. */
export interface OpeningData {
  contractNumber: string | null;
  chargeType: (typeof CHARGE_TYPES)[number] | null;
  /** Resolved at preview: 期初余额 by default, a deposit's `rent` or `property_fee`. */
  name: string | null;
  /** Resolved at preview: a deposit's default to the contract's term. */
  periodStart: string | null;
  periodEnd: string | null;
  dueDate: string | null;
  amountFen: number | null;
  /** Resolved at preview: the organization's rate for the type when the cell is empty. */
  vatRate: string | null;
  originalBillNo: string | null;
  notes: string | null;
  /** Found at preview, to recognise the row. */
  customerName: string | null;
  contractId: string | null;
  customerId: string | null;
}

/** 物业费 for 物业服务费, 押金 for 保证金 …: the shorter names people type. */
function looser(cells: SheetRow['cells']): SheetRow['cells'] {
  const v = cells.chargeType;
  if (typeof v !== 'string') return cells;
  const t = v.trim();
  return { ...cells, chargeType: CHARGE_TYPE_ALIASES[t] ?? t };
}

export function readOpeningRow(row: SheetRow): Staged<OpeningData> {
  const r = new RowReader(looser(row.cells));
  const chargeType = r.choice('chargeType', CHARGE_TYPE_SHEET_LABELS, true);
  const amountFen = r.yuan('amount');
  if (amountFen === null && !r.has('amount')) r.problem('amount', 'required');
  const data: OpeningData = {
    contractNumber: r.text('contractNumber', { required: true, max: 30 })?.toUpperCase() ?? null,
    chargeType,
    name:
      chargeType === 'deposit' ? r.choice('name', DEPOSIT_NAME_SHEET_LABELS) : r.text('name', { max: 60 }),
    periodStart: r.date('periodStart'),
    periodEnd: r.date('periodEnd'),
    dueDate: chargeType === 'deposit' ? null : r.date('dueDate'),
    amountFen,
    vatRate: r.fraction('vatRate'),
    originalBillNo: r.text('originalBillNo', { max: 50 }),
    notes: r.text('notes', { max: 200 }),
    customerName: null,
    contractId: null,
    customerId: null,
  };
  return { rowNo: row.rowNo, data, errors: r.errors };
}

/** The row as billing's check and post take it (a row without problems has every value they need). */
export function openingOf(rowNo: number, d: OpeningData): OpeningBalanceRow {
  if (!d.contractNumber || !d.chargeType || d.amountFen === null)
    throw new Error('a staged opening row without problems has its contract, type and amount');
  return {
    ref: rowNo,
    contractNumber: d.contractNumber,
    chargeType: d.chargeType,
    name: d.name,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    dueDate: d.dueDate,
    totalFen: d.amountFen,
    vatRate: d.vatRate,
    originalBillNo: d.originalBillNo,
    notes: d.notes,
  };
}

/** Billing's fields are the sheet's columns, but for the amount. */
const columnOf = (field: OpeningField) => (field === 'totalFen' ? 'amount' : field);

function shownValue(d: OpeningData, column: string): string | null {
  if (column === 'amount') return d.amountFen === null ? null : formatYuan(d.amountFen, 'suffix');
  if (column === 'chargeType') return d.chargeType && CHARGE_TYPE_LABELS[d.chargeType];
  const v = (d as unknown as Record<string, unknown>)[column];
  return v === null || v === undefined ? null : String(v);
}

/** Billing's refusal of a row as its problem, on the column of its field. */
export function problemOf(p: OpeningProblem, d: OpeningData): RowError {
  const column = columnOf(p.field);
  return { column, reason: p.code, ...(p.params ? { params: p.params } : {}), value: shownValue(d, column) };
}

/**
 * What a row cannot know alone, by billing's own check (so the preview refuses what the commit would):
 * the contract, the defaults of the settings, the same charge twice in the file or already billed.
 * Good rows keep the values resolved, so the commit posts what the preview showed.
 */
export async function checkOpeningRows(ctx: Ctx, rows: Staged<OpeningData>[]) {
  const good = rows.filter((r) => !r.errors.length);
  const byRow = new Map(good.map((r) => [r.rowNo, r]));
  const { lines, problems } = await checkOpeningBalances(
    ctx,
    good.map((r) => openingOf(r.rowNo, r.data)),
  );
  for (const p of problems) {
    const row = byRow.get(p.ref)!;
    row.errors.push(problemOf(p, row.data));
  }
  for (const l of lines) {
    const d = byRow.get(l.ref)!.data;
    Object.assign(d, {
      contractNumber: l.contractNumber,
      name: l.name,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      vatRate: l.vatRate,
      customerName: l.customerName,
      contractId: l.contractId,
      customerId: l.customerId,
    });
  }
}
