import type { z } from 'zod';
import { addMonths, startOfMonth } from '../../../common/dates.ts';
import {
  CUSTOMER_STATUSES,
  type CustomerStatus,
  type customerReport as customerReportSchema,
  type INDUSTRIES,
} from '../../../common/schemas/customers.ts';
import type { Ctx } from '../../platform/context.ts';
import { customerCounts, newCustomersPerMonth } from './repo.ts';

export type CustomerReport = z.infer<typeof customerReportSchema>;
type Industry = (typeof INDUSTRIES)[number];

/** Larger counts first; "not set" (null) last; ties by key, so the order is stable. */
const byCount =
  <T extends { count: number }>(key: (r: T) => string | null) =>
  (a: T, b: T) =>
    (key(a) === null ? 1 : 0) - (key(b) === null ? 1 : 0) ||
    b.count - a.count ||
    (key(a) ?? '').localeCompare(key(b) ?? '');

/**
 * R2.3.3: customers by status (every status, zeros included), industry and account manager, and new
 * customers in each of the twelve months up to `today`'s, in the organization's time zone.
 */
export async function customerReport(ctx: Ctx, today: string, timeZone: string): Promise<CustomerReport> {
  const counts = await customerCounts(ctx.tx);
  const of = (d: string) => counts.filter((r) => r.dimension === d);
  const statusCount = new Map(of('status').map((r) => [r.key, r.count]));
  const last = startOfMonth(today);
  return {
    total: of('status').reduce((s, r) => s + r.count, 0),
    byStatus: CUSTOMER_STATUSES.map((status: CustomerStatus) => ({
      status,
      count: statusCount.get(status) ?? 0,
    })),
    byIndustry: of('industry')
      .map((r) => ({ industry: r.key as Industry | null, count: r.count }))
      .sort(byCount((r) => r.industry)),
    byAccountManager: of('manager')
      .map((r) => ({ accountManagerId: r.key, name: r.name, count: r.count }))
      .sort(byCount((r) => r.accountManagerId && (r.name ?? r.accountManagerId))),
    newPerMonth: await newCustomersPerMonth(ctx.tx, addMonths(last, -11), last, timeZone),
  };
}
