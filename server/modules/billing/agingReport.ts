import type { z } from 'zod';
import type { agingQuery, agingReport as agingReportSchema } from '../../../common/schemas/billingReports.ts';
import type { Ctx } from '../../platform/context.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { type AgingDbRow, agingRows } from './reportsRepo.ts';

export type AgingQuery = z.output<typeof agingQuery>;
export type AgingReport = z.infer<typeof agingReportSchema>;

const amounts = (r: AgingDbRow) => ({
  currentFen: r.currentFen,
  days1to30Fen: r.days1to30Fen,
  days31to60Fen: r.days31to60Fen,
  days61to90Fen: r.days61to90Fen,
  over90Fen: r.over90Fen,
  creditFen: r.creditFen,
  totalFen: r.totalFen,
});
const view = (r: AgingDbRow) => ({
  key: r.key,
  name: r.name,
  managerName: r.managerName,
  customers: r.customers,
  ...amounts(r),
});

/**
 * Receivables aging (R5.2.3) as of a date (default today): what each line still owed that day by days past
 * its due date, credit lines and payments not yet applied in their own column, grouped by customer (paged,
 * sorted by total or over 90 days), account manager or site, with a totals row over every group.
 */
export async function agingReport(ctx: Ctx, q: AgingQuery, today: string): Promise<AgingReport> {
  const asOf = q.asOf ?? today;
  const byCustomer = q.groupBy === 'customer';
  const after = byCustomer
    ? decodeCursor<[string, string]>(q.cursor, 2, [CURSOR_PART.integer, CURSOR_PART.uuid])
    : undefined;
  const all = await agingRows(ctx.tx, {
    asOf,
    groupBy: q.groupBy,
    managerId: byCustomer ? q.managerId : undefined,
    sort: q.sort,
    order: q.order,
    after: after && [Number(after[0]), after[1]],
    limit: q.limit + 1,
  });
  const total = all.find((r) => r.isTotal)!;
  const groups = all.filter((r) => !r.isTotal);
  const sortValue = (r: AgingDbRow) => String(q.sort === 'over90' ? r.over90Fen : r.totalFen);
  const { items, nextCursor } = byCustomer
    ? page(groups, q.limit, (r) => [sortValue(r), r.key], view)
    : { items: groups.map(view), nextCursor: null };
  return {
    asOf,
    groupBy: q.groupBy,
    items,
    totals: { ...amounts(total), customers: total.customers, groups: total.groups },
    nextCursor,
  };
}
