import type { z } from 'zod';
import { ratio } from '../../../common/billing/ratio.ts';
import type {
  collectionQuery,
  collectionReport as collectionReportSchema,
} from '../../../common/schemas/billingReports.ts';
import type { Ctx } from '../../platform/context.ts';
import { checkPeriod, monthRange } from './reportPeriod.ts';
import { collectionRows } from './reportsRepo.ts';

export type CollectionQuery = z.output<typeof collectionQuery>;
export type CollectionReport = z.infer<typeof collectionReportSchema>;

/** The rate is of what is still owed once waivers and adjustments are taken off what was billed. */
const figures = (lines: number, billedFen: number, collectedFen: number, creditedFen: number) => ({
  lines,
  billedFen,
  collectedFen,
  creditedFen,
  outstandingFen: billedFen - collectedFen - creditedFen,
  rate: ratio(collectedFen, billedFen - creditedFen),
});

/**
 * Rent collection (R5.2.2): the rent lines due in a month or a range of dates, by month and site, with what
 * was billed, what payments (and deposits applied) up to the as-of date (default today) collected of them,
 * what waivers and adjustments credited, what is still outstanding and the collection rate, worked out on integers (four decimals of a fraction, i.e. a percent
 * with two). Without a period it is the as-of date's month.
 */
export async function collectionReport(
  ctx: Ctx,
  q: CollectionQuery,
  today: string,
): Promise<CollectionReport> {
  const asOf = q.asOf ?? today;
  const { from, to } =
    q.from || q.to ? { from: q.from ?? q.to!, to: q.to ?? q.from! } : monthRange(q.month ?? asOf.slice(0, 7));
  checkPeriod(from, to, 'to');
  const found = await collectionRows(ctx.tx, { from, to, asOf, siteId: q.siteId });
  let lines = 0;
  let billed = 0;
  let collected = 0;
  let credited = 0;
  for (const r of found) {
    lines += r.lines;
    billed += r.billedFen;
    collected += r.collectedFen;
    credited += r.creditedFen;
  }
  return {
    asOf,
    from,
    to,
    items: found.map((r) => ({
      month: r.month,
      siteId: r.siteId,
      siteName: r.siteName,
      ...figures(r.lines, r.billedFen, r.collectedFen, r.creditedFen),
    })),
    totals: figures(lines, billed, collected, credited),
  };
}
