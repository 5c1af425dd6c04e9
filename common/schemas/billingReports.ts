import { z } from 'zod';
import { LOCALES } from '../locale.ts';
import { CHARGE_TYPES } from './billing.ts';

/**
 * Receivables reports (R5.1.3, R5.2.2, R5.2.3): aging, rent collection and the other fees' ledger. Every
 * report is "as of" a business date: only lines and allocations posted on or before it count, so a past date
 * gives the figures as they stood then. Amounts are integer fen.
 */
const day = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const fen = z.number().int();
/** The export links say their language in the query: a download cannot send it as a header. */
const lang = z.enum(LOCALES).optional();

export const AGING_GROUPS = ['customer', 'manager', 'site'] as const;
export const AGING_SORTS = ['total', 'over90'] as const;
/** Every charge type but rent: what the fee ledger lists. */
export const FEE_TYPES = CHARGE_TYPES.filter((t) => t !== 'rent') as Exclude<
  (typeof CHARGE_TYPES)[number],
  'rent'
>[];

export const agingQuery = z.object({
  asOf: day.optional(),
  groupBy: z.enum(AGING_GROUPS).default('customer'),
  /** Customer grouping only: server-side sort, largest first unless `order=asc`. */
  sort: z.enum(AGING_SORTS).default('total'),
  order: z.enum(['desc', 'asc']).default('desc'),
  /** Customer grouping only: the customers of one account manager. */
  managerId: z.uuid().optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const agingExportQuery = agingQuery.omit({ cursor: true, limit: true }).extend({ lang });

/** Open amounts by days past due on the as-of date; credit is unapplied credit lines and payments (≤ 0). */
export const agingAmounts = z.object({
  currentFen: fen,
  days1to30Fen: fen,
  days31to60Fen: fen,
  days61to90Fen: fen,
  over90Fen: fen,
  creditFen: fen,
  /** The sum of the columns before it: what the group owes net of its credit. */
  totalFen: fen,
});

export const agingRow = agingAmounts.extend({
  /** The customer's, the account manager's or the site's id; null for "unassigned" / "none". */
  key: z.uuid().nullable(),
  name: z.string().nullable(),
  /** The customer's account manager (customer grouping). */
  managerName: z.string().nullable(),
  customers: z.number().int(),
});

export const agingReport = z.object({
  asOf: day,
  groupBy: z.enum(AGING_GROUPS),
  items: z.array(agingRow),
  /** Over every group, not only this page. */
  totals: agingAmounts.extend({ customers: z.number().int(), groups: z.number().int() }),
  nextCursor: z.string().nullable(),
});

/** A month (`YYYY-MM`) or an inclusive range of due dates; as of a date (default today). */
export const collectionQuery = z.object({
  month: month.optional(),
  from: day.optional(),
  to: day.optional(),
  asOf: day.optional(),
  siteId: z.uuid().optional(),
});
export const collectionExportQuery = collectionQuery.extend({ lang });

const collected = z.object({
  lines: z.number().int(),
  billedFen: fen,
  /** Settled by money: payments, and the deposit applied at settlement. */
  collectedFen: fen,
  /** Settled by credits that reduce what is owed: waivers, corrections, schedule adjustments. */
  creditedFen: fen,
  outstandingFen: fen,
  /**
   * collected / (billed - credited) as a decimal fraction with four places ("0.9850" is 98.50%); null when
   * nothing is owed.
   */
  rate: z.string().nullable(),
});

export const collectionReport = z.object({
  asOf: day,
  from: day,
  to: day,
  items: z.array(collected.extend({ month, siteId: z.uuid().nullable(), siteName: z.string().nullable() })),
  totals: collected,
});

/** Months of due dates, inclusive (default the twelve months up to the as-of date's). */
export const feesQuery = z.object({
  from: month.optional(),
  to: month.optional(),
  asOf: day.optional(),
  chargeType: z.enum(FEE_TYPES as [string, ...string[]]).optional(),
});
export const feesExportQuery = feesQuery.extend({ lang });

const feeAmounts = z.object({
  lines: z.number().int(),
  incurredFen: fen,
  collectedFen: fen,
  creditedFen: fen,
  outstandingFen: fen,
});

export const feeLedger = z.object({
  asOf: day,
  from: month,
  to: month,
  items: z.array(feeAmounts.extend({ chargeType: z.enum(CHARGE_TYPES), month })),
  byType: z.array(feeAmounts.extend({ chargeType: z.enum(CHARGE_TYPES) })),
  totals: feeAmounts,
});
