import type { z } from 'zod';
import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import type { Locale } from '../../../common/locale.ts';
import type { ImportKind, importBatchView, importRowView } from '../../../common/schemas/imports.ts';
import { toIso } from '../../platform/db/database.ts';
import { columnName } from './columns.ts';
import { reasonText } from './reasons.ts';
import type { BatchRow, StagingRow } from './repo.ts';

export const presentBatch = (b: BatchRow): z.infer<typeof importBatchView> => ({
  id: b.id,
  kind: b.kind,
  fileName: b.fileName,
  status: b.status,
  totalRows: b.totalRows,
  errorRows: b.errorRows,
  importedRows: b.importedRows,
  createdAt: toIso(b.createdAt)!,
  createdByName: b.createdByName,
  committedAt: toIso(b.committedAt),
});

/** Ids made for the insert and lookup inputs are the server's business, not the preview's. */
const INTERNAL = new Set([
  'id',
  'auditId',
  'buildingId',
  'accountManagerId',
  'customerId',
  'unitIds',
  'contractId',
]);

/** What names a row in the preview: the customer, the unit, the lease's customer and units, or the contract. */
function labelOf(kind: ImportKind, d: Record<string, unknown>): string | null {
  if (kind === 'customers') return (d.name as string | null | undefined) ?? null;
  if (kind === 'units') return (d.code as string | null | undefined) ?? null;
  if (kind === 'opening_balances') {
    const type = d.chargeType as keyof typeof CHARGE_TYPE_LABELS | null | undefined;
    const parts = [d.contractNumber, d.customerName, type && CHARGE_TYPE_LABELS[type]];
    return parts.filter(Boolean).join(' ') || null;
  }
  const who = (d.customerName ?? d.uscc) as string | null | undefined;
  const codes = ((d.unitCodes as string[] | undefined) ?? []).join('、');
  const where = `${(d.building as string | null | undefined) ?? ''}${codes}`;
  return [who, where].filter(Boolean).join(' ') || null;
}

export function presentRow(kind: ImportKind, r: StagingRow, locale: Locale): z.infer<typeof importRowView> {
  const data = Object.fromEntries(Object.entries(r.data).filter(([k]) => !INTERNAL.has(k)));
  if (data.contact && typeof data.contact === 'object') {
    const { id: _id, ...contact } = data.contact as Record<string, unknown>;
    data.contact = contact;
  }
  return {
    rowNo: r.rowNo,
    label: labelOf(kind, r.data),
    data,
    errors: r.errors.map((e) => ({
      field: e.column,
      column: columnName(kind, e.column, locale),
      code: e.reason,
      reason: reasonText(e, locale),
      value: e.value ?? null,
    })),
  };
}
