import { z } from 'zod';
import type { Role } from '../roles.ts';

/** Imports (R9.7): a sheet is staged and previewed with every row's problems, then committed or discarded. */
export const IMPORT_KINDS = ['customers', 'units', 'contracts', 'opening_balances'] as const;
export const IMPORT_STATUSES = ['previewed', 'committed', 'discarded'] as const;
export const COMMIT_MODES = ['all_or_nothing', 'valid_only'] as const;
/** Larger sheets are split: a preview of more rows helps nobody, and the upload limit is 20 MB. */
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Who may import what. Existing leases come without an admission, which only an administrator may
 * record for a contract (imports, renewals), so importing them is the administrator's. Opening balances
 * (unpaid bills and deposits held when a company starts with Tenantry) are money: finance's.
 */
export const IMPORT_ROLES: Record<ImportKind, readonly Role[]> = {
  customers: ['admin', 'business'],
  units: ['admin', 'business'],
  contracts: ['admin'],
  opening_balances: ['admin', 'finance'],
};
export const mayImport = (kind: ImportKind, roles: readonly string[]) =>
  IMPORT_ROLES[kind].some((r) => roles.includes(r));

export const importFields = z.object({ kind: z.enum(IMPORT_KINDS) });

export const importBatchView = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().int(),
  errorRows: z.number().int(),
  /** Set once committed: rows written to the real tables. */
  importedRows: z.number().int().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  committedAt: z.string().nullable(),
});

/** One problem of a row: the column as the sheet names it, the reason in the caller's language. */
export const importProblem = z.object({
  /** Stable key of the column (`uscc`, `mobile`, `grossArea`, …). */
  field: z.string(),
  /** The column's header in the caller's language. */
  column: z.string(),
  /** Stable key of the reason (`uscc.check_character`, `uscc_taken`, …). */
  code: z.string(),
  reason: z.string(),
  /** The cell as it was read, when there was one. */
  value: z.string().nullable(),
});

export const importRowView = z.object({
  rowNo: z.number().int(),
  /** The customer's name, the unit's code, or a lease's customer and units, to recognise the row. */
  label: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  errors: z.array(importProblem),
});

export const importRowsQuery = z.object({
  onlyErrors: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const importBatchesQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const commitBody = z.object({ mode: z.enum(COMMIT_MODES) });

export const commitResult = importBatchView.extend({
  /** Rows left out: those with problems, found at preview or (someone was quicker) at commit. */
  skippedRows: z.number().int(),
});
