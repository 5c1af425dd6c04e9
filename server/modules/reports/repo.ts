import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

export interface CountRow {
  dimension: 'status' | 'industry' | 'manager';
  /** The status, the industry or the account manager's id; null for "not set". */
  key: string | null;
  /** The account manager's display name. */
  name: string | null;
  count: number;
}

/**
 * The organization's customers counted by status, industry and account manager in one pass (grouping
 * sets); row-level security limits the rows to the caller's organization.
 */
export async function customerCounts(tx: Tx): Promise<CountRow[]> {
  return rows<CountRow>(
    tx,
    sql`with g as (
          select case when grouping(status) = 0 then 'status'
                      when grouping(industry) = 0 then 'industry'
                      else 'manager' end as dimension,
                 coalesce(status, industry, account_manager_id::text) as key,
                 account_manager_id, count(*)::int as count
            from customers
           group by grouping sets ((status), (industry), (account_manager_id))
        )
        select g.dimension, g.key, u.display_name as name, g.count
          from g
          left join users u on u.id = g.account_manager_id`,
  );
}

/**
 * Customers created in each month from `first` to `last` (first days of months), months in the
 * organization's time zone; months without any are there with 0. The bounds are worked out first (a
 * materialized CTE), so each month's count is a range scan of the (org_id, created_at) index: a time zone
 * conversion inside the condition is not leakproof, and row-level security would then scan every row.
 */
export async function newCustomersPerMonth(
  tx: Tx,
  first: string,
  last: string,
  timeZone: string,
): Promise<{ month: string; count: number }[]> {
  return rows(
    tx,
    sql`with m as materialized (
          select d, d at time zone ${timeZone} as from_at, (d + interval '1 month') at time zone ${timeZone} as to_at
            from generate_series(${first}::timestamp, ${last}::timestamp, interval '1 month') as d
        )
        select to_char(m.d, 'YYYY-MM') as month,
               (select count(*)::int from customers c where c.created_at >= m.from_at and c.created_at < m.to_at) as count
          from m
         order by m.d`,
  );
}
