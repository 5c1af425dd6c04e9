import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

/*
 * The receivables reports' SQL (R5.1.3, R5.2.2, R5.2.3). Each report is one set-based statement over the
 * lines, allocations and payments as they stood on an as-of date: a line counts from its posting date, an
 * allocation from the latest of its own posting date and those of the line it settles and the credit line it
 * spends (a payment backdated before the line existed cannot have settled it earlier), a payment from the
 * day it was received until the day it was reversed.
 */

/**
 * What allocations up to `asOf` had settled of each line of the CTE `lines` (with id and posting_date), split
 * by what settled it: money (a payment, or a credit line that is a charge of its own: the deposit applied at
 * settlement) is collected; a schedule adjustment or a correction (a waiver, a cancelled deposit) credited.
 */
const settledOf = (lines: string, asOf: string) => sql`
  select a.bill_line_id,
         coalesce(sum(a.amount_fen) filter (where c.id is null or c.kind = 'charge'), 0) as collected,
         coalesce(sum(a.amount_fen) filter (where c.kind in ('adjustment', 'correction')), 0) as credited
  from allocations a
  join ${sql.raw(lines)} t on t.id = a.bill_line_id
  left join bill_lines c on c.id = a.credit_line_id
  where greatest(a.posting_date, t.posting_date, c.posting_date) <= ${asOf}::date
  group by a.bill_line_id`;

/** Allocations that had happened by `asOf`. */
const allocationsAsOf = (asOf: string) => sql`
  select a.bill_line_id, a.payment_id, a.credit_line_id, a.amount_fen
  from allocations a
  join bill_lines t on t.id = a.bill_line_id
  left join bill_lines c on c.id = a.credit_line_id
  where greatest(a.posting_date, t.posting_date, c.posting_date) <= ${asOf}::date`;

/**
 * The site of a line: its unit's; a line without a unit (deposits, penalties, one-off charges) takes the
 * first unit of its contract's first version; null when neither is known.
 */
const siteOf = (line: string) => sql`
  left join lateral (
    select (v.terms->'units'->0->>'unitId')::uuid as unit_id from contract_versions v
    where ${sql.raw(line)}.unit_id is null and v.contract_id = ${sql.raw(line)}.contract_id
    order by v.version limit 1
  ) fu on true
  left join units su on su.id = coalesce(${sql.raw(line)}.unit_id, fu.unit_id)
  left join buildings sb on sb.id = su.building_id
  left join sites st on st.id = sb.site_id`;

// ---- aging --------------------------------------------------------------------------------------

export type AgingGroup = 'customer' | 'manager' | 'site';

export interface AgingAmountsRow {
  currentFen: number;
  days1to30Fen: number;
  days31to60Fen: number;
  days61to90Fen: number;
  over90Fen: number;
  creditFen: number;
  totalFen: number;
}
export interface AgingDbRow extends AgingAmountsRow {
  isTotal: boolean;
  key: string | null;
  name: string | null;
  managerName: string | null;
  customers: number;
  groups: number;
}

export interface AgingFilter {
  asOf: string;
  groupBy: AgingGroup;
  managerId?: string | undefined;
  /** Customer grouping: sort column and direction, keyset after (value, customer id), page size. */
  sort?: 'total' | 'over90';
  order?: 'asc' | 'desc';
  after?: [number, string] | undefined;
  limit?: number;
}

const amounts = sql`
  coalesce(sum(open_fen) filter (where days <= 0), 0)::int8 as "currentFen",
  coalesce(sum(open_fen) filter (where days between 1 and 30), 0)::int8 as "days1to30Fen",
  coalesce(sum(open_fen) filter (where days between 31 and 60), 0)::int8 as "days31to60Fen",
  coalesce(sum(open_fen) filter (where days between 61 and 90), 0)::int8 as "days61to90Fen",
  coalesce(sum(open_fen) filter (where days > 90), 0)::int8 as "over90Fen",
  coalesce(sum(credit_fen), 0)::int8 as "creditFen",
  coalesce(sum(open_fen + credit_fen), 0)::int8 as "totalFen"`;

const summed = sql`
  coalesce(sum("currentFen"), 0)::int8 as "currentFen", coalesce(sum("days1to30Fen"), 0)::int8 as "days1to30Fen",
  coalesce(sum("days31to60Fen"), 0)::int8 as "days31to60Fen", coalesce(sum("days61to90Fen"), 0)::int8 as "days61to90Fen",
  coalesce(sum("over90Fen"), 0)::int8 as "over90Fen", coalesce(sum("creditFen"), 0)::int8 as "creditFen",
  coalesce(sum("totalFen"), 0)::int8 as "totalFen"`;

/**
 * What was open on the as-of date, one row per open charge line, unapplied credit line and unapplied
 * payment: open_fen (> 0) with its days past due, or credit_fen (< 0). Payments have no unit or contract.
 */
function openItems(asOf: string, managerId: string | undefined) {
  const mine = managerId
    ? sql`and exists (select 1 from customers mc where mc.id = x.customer_id and mc.account_manager_id = ${managerId})`
    : sql``;
  return sql`
    alloc as materialized (${allocationsAsOf(asOf)}),
    items as (
      select x.* from (
        select l.customer_id, l.unit_id, l.contract_id, (${asOf}::date - l.due_date) as days,
               (l.total_fen - coalesce(s.amt, 0))::int8 as open_fen, 0::int8 as credit_fen
        from bill_lines l
        left join (select bill_line_id, sum(amount_fen) as amt from alloc group by bill_line_id) s
          on s.bill_line_id = l.id
        where l.posting_date <= ${asOf}::date and l.total_fen > 0 and l.total_fen > coalesce(s.amt, 0)
        union all
        select l.customer_id, l.unit_id, l.contract_id, null, 0, (l.total_fen + coalesce(s.amt, 0))::int8
        from bill_lines l
        left join (select credit_line_id, sum(amount_fen) as amt from alloc where credit_line_id is not null
                   group by credit_line_id) s on s.credit_line_id = l.id
        where l.posting_date <= ${asOf}::date and l.total_fen < 0 and -l.total_fen > coalesce(s.amt, 0)
        union all
        select p.customer_id, null, null, null, 0, -(p.amount_fen - coalesce(s.amt, 0))::int8
        from payments p
        left join (select payment_id, sum(amount_fen) as amt from alloc where payment_id is not null
                   group by payment_id) s on s.payment_id = p.id
        where p.received_on <= ${asOf}::date and (p.status = 'received' or p.reversed_on > ${asOf}::date)
          and p.amount_fen > coalesce(s.amt, 0)
      ) x where true ${mine}
    )`;
}

const GROUPS: Record<AgingGroup, { select: SQL; from: SQL; group: SQL }> = {
  customer: {
    select: sql`i.customer_id as key, cu.name, mu.display_name as "managerName", 1 as customers`,
    from: sql`join customers cu on cu.id = i.customer_id left join users mu on mu.id = cu.account_manager_id`,
    group: sql`i.customer_id, cu.name, mu.display_name`,
  },
  manager: {
    select: sql`cu.account_manager_id as key, mu.display_name as name, null::text as "managerName",
                count(distinct i.customer_id)::int as customers`,
    from: sql`join customers cu on cu.id = i.customer_id left join users mu on mu.id = cu.account_manager_id`,
    group: sql`cu.account_manager_id, mu.display_name`,
  },
  site: {
    select: sql`st.id as key, st.name, null::text as "managerName", count(distinct i.customer_id)::int as customers`,
    from: siteOf('i'),
    group: sql`st.id, st.name`,
  },
};

/**
 * Aging as of a date, grouped. Returns the rows of the page (customer grouping: sorted and cut by keyset;
 * the others: every group, largest total first) and, flagged `isTotal`, one row summing every group.
 */
export async function agingRows(tx: Tx, f: AgingFilter): Promise<AgingDbRow[]> {
  const g = GROUPS[f.groupBy];
  let page: SQL;
  if (f.groupBy === 'customer') {
    const col = sql.raw(f.sort === 'over90' ? '"over90Fen"' : '"totalFen"');
    const dir = sql.raw(f.order === 'asc' ? 'asc' : 'desc');
    const cmp = sql.raw(f.order === 'asc' ? '>' : '<');
    const after = f.after
      ? sql`where (${col}, key) ${cmp} (${f.after[0]}::int8, ${f.after[1]}::uuid)`
      : sql``;
    page = sql`select * from g ${after} order by ${col} ${dir}, key ${dir} limit ${f.limit ?? 50}`;
  } else {
    page = sql`select * from g order by "totalFen" desc, name collate "C" nulls last`;
  }
  return rows<AgingDbRow>(
    tx,
    sql`with ${openItems(f.asOf, f.managerId)},
        g as materialized (
          select ${g.select}, ${amounts}
          from items i ${g.from}
          group by ${g.group}
        )
        select false as "isTotal", p.*, 0 as groups from (${page}) p
        union all
        select true, null, null, null,
               (select count(distinct customer_id)::int from items), ${summed}, count(*)::int
        from g`,
  );
}

// ---- rent collection ----------------------------------------------------------------------------

export interface CollectionDbRow {
  month: string;
  siteId: string | null;
  siteName: string | null;
  lines: number;
  billedFen: number;
  collectedFen: number;
  creditedFen: number;
}

/**
 * Rent lines due from `from` to `to` and posted by `asOf`, with what allocations up to `asOf` settled of
 * them, by month of the due date and site.
 */
export async function collectionRows(
  tx: Tx,
  f: { from: string; to: string; asOf: string; siteId?: string | undefined },
): Promise<CollectionDbRow[]> {
  return rows<CollectionDbRow>(
    tx,
    sql`with rent as materialized (
          select l.id, l.unit_id, l.contract_id, l.due_date, l.posting_date, l.total_fen
          from bill_lines l
          where l.charge_type = 'rent' and l.total_fen > 0 and l.due_date between ${f.from}::date and ${f.to}::date
            and l.posting_date <= ${f.asOf}::date
        )
        select to_char(r.due_date, 'YYYY-MM') as month, st.id as "siteId", st.name as "siteName",
               count(*)::int as lines, sum(r.total_fen)::int8 as "billedFen",
               coalesce(sum(s.collected), 0)::int8 as "collectedFen",
               coalesce(sum(s.credited), 0)::int8 as "creditedFen"
        from rent r
        left join (${settledOf('rent', f.asOf)}) s on s.bill_line_id = r.id
        ${siteOf('r')}
        where ${f.siteId ? sql`st.id = ${f.siteId}` : sql`true`}
        group by 1, st.id, st.name
        order by 1, st.name collate "C" nulls last`,
  );
}

// ---- other fees ---------------------------------------------------------------------------------

export interface FeeDbRow {
  chargeType: string;
  month: string;
  lines: number;
  incurredFen: number;
  collectedFen: number;
  creditedFen: number;
}

/** Lines of every charge type but rent due in [from, to] and posted by `asOf`, by type and month. */
export async function feeRows(
  tx: Tx,
  f: { from: string; to: string; asOf: string; chargeType?: string | undefined },
): Promise<FeeDbRow[]> {
  return rows<FeeDbRow>(
    tx,
    sql`with fees as materialized (
          select l.id, l.charge_type, l.due_date, l.posting_date, l.total_fen
          from bill_lines l
          where l.charge_type <> 'rent' and l.total_fen > 0 and l.due_date between ${f.from}::date and ${f.to}::date
            and l.posting_date <= ${f.asOf}::date
            ${f.chargeType ? sql`and l.charge_type = ${f.chargeType}` : sql``}
        )
        select l.charge_type as "chargeType", to_char(l.due_date, 'YYYY-MM') as month, count(*)::int as lines,
               sum(l.total_fen)::int8 as "incurredFen", coalesce(sum(s.collected), 0)::int8 as "collectedFen",
               coalesce(sum(s.credited), 0)::int8 as "creditedFen"
        from fees l
        left join (${settledOf('fees', f.asOf)}) s on s.bill_line_id = l.id
        group by 1, 2
        order by 1, 2`,
  );
}
