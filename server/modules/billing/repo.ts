import { and, eq, inArray, sql } from 'drizzle-orm';
import { OPENING_REASON } from '../../../common/billing/opening.ts';
import type { IssuedKey, PlannedCharge } from '../../../common/billing/plan.ts';
import { chargePlan } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { uuids } from './moneyRepo.ts';

// ---- the plan (charges still to bill) -----------------------------------------------------------

/**
 * The charge types the contract's schedule draws (and redraws). Others (utilities from meter readings …)
 * are planned by their own use-cases and are neither redrawn nor adjusted by a replan.
 */
export const SCHEDULE_CHARGE_TYPES = ['rent', 'property_fee', 'other', 'deposit'] as const;

/**
 * What each charge key of a contract has issued so far (charges and their adjustments). Corrections made by
 * hand (kind `correction`: waivers, short-billing) and opening balances stand apart: a redrawn schedule
 * neither undoes nor repeats them, but their seq counts, so the next adjustment takes a seq above theirs.
 */
export async function issuedKeys(tx: Tx, contractId: string): Promise<IssuedKey[]> {
  // Opening balances (期初导入) were billed outside Tenantry's schedule: left alone like corrections.
  const scheduled = sql`kind <> 'correction' and not (kind = 'charge' and coalesce(reason, '') like ${`${OPENING_REASON}%`})`;
  return rows<IssuedKey>(
    tx,
    sql`select charge_type as "chargeType", unit_id as "unitId", name, period_start::text as "periodStart",
          max(period_end)::text as "periodEnd", (array_agg(vat_rate::text order by seq))[1] as "vatRate",
          coalesce(sum(net_fen) filter (where ${scheduled}), 0)::int8 as "netFen",
          coalesce(sum(tax_fen) filter (where ${scheduled}), 0)::int8 as "taxFen",
          coalesce(sum(total_fen) filter (where ${scheduled}), 0)::int8 as "totalFen",
          max(seq)::int as "maxSeq"
        from bill_lines
        where contract_id = ${contractId} and charge_type in ('rent', 'property_fee', 'other', 'deposit')
        group by charge_type, unit_id, name, period_start`,
  );
}

export async function replacePlan(
  tx: Tx,
  c: { orgId: string; contractId: string; customerId: string },
  planned: PlannedCharge[],
) {
  await tx
    .delete(chargePlan)
    .where(
      and(
        eq(chargePlan.contractId, c.contractId),
        inArray(chargePlan.chargeType, [...SCHEDULE_CHARGE_TYPES]),
      ),
    );
  if (!planned.length) return;
  await tx.insert(chargePlan).values(
    planned.map((p) => ({
      id: newId(),
      orgId: c.orgId,
      contractId: c.contractId,
      customerId: c.customerId,
      ...p,
    })),
  );
}

// ---- the run ------------------------------------------------------------------------------------

/**
 * The contracts with a charge whose issue date has come, as ranges of contract ids of about `size`
 * contracts each, in id order: the run's chunks.
 */
export async function dueRanges(tx: Tx, asOf: string, size: number) {
  const r = await rows<{ from: string; to: string; contracts: number }>(
    tx,
    sql`select min(contract_id::text) as "from", max(contract_id::text) as "to", count(*)::int as contracts
        from (select contract_id, (row_number() over (order by contract_id) - 1) / ${size} as chunk
              from (select distinct contract_id from charge_plan where issue_date <= ${asOf}) d) x
        group by chunk order by chunk`,
  );
  return r;
}

/**
 * Issues the due charges of the contracts whose ids lie in [from, to] in one statement: moves them out of the plan, makes one bill
 * per contract and due date with the next gapless numbers of the month, and writes the lines (a line
 * keeps the id its charge had in the plan).
 */
export async function issueDue(
  tx: Tx,
  o: { orgId: string; asOf: string; runId: string; from: string; to: string; onlyIds?: readonly string[] },
) {
  const month = Number(o.asOf.slice(0, 4) + o.asOf.slice(5, 7));
  const [r] = await rows<{ bills: number; lines: number }>(
    tx,
    sql`with due as (
          delete from charge_plan
          where contract_id between ${o.from} and ${o.to} and issue_date <= ${o.asOf}
            ${o.onlyIds ? sql`and id = any(${uuids(o.onlyIds)})` : sql``}
          returning id, contract_id, customer_id, kind, charge_type, unit_id, name, seq, period_start, period_end,
                    due_date, net_fen, tax_fen, total_fen, vat_rate, reason
        ), groups as (
          select contract_id, customer_id, due_date, sum(net_fen) as net, sum(tax_fen) as tax,
                 sum(total_fen) as total, sum(greatest(total_fen, 0)) as charges,
                 row_number() over (order by due_date, contract_id) as rn
          from due group by contract_id, customer_id, due_date
        ), counter as (
          insert into document_numbers (org_id, prefix, year, last)
          select ${o.orgId}::uuid, 'ZD', ${month}, count(*) from groups having count(*) > 0
          on conflict (org_id, prefix, year) do update set last = document_numbers.last + excluded.last
          returning last
        ), new_bills as (
          insert into bills (id, org_id, number, contract_id, customer_id, due_date, issued_on, net_fen,
                             tax_fen, total_fen, charges_fen, status, run_id)
          select tenantry_uuid7(), ${o.orgId}::uuid,
                 'ZD-' || ${month}::text || '-' || lpad((c.last - n.n + g.rn)::text, 6, '0'),
                 g.contract_id, g.customer_id, g.due_date, ${o.asOf}::date, g.net, g.tax, g.total, g.charges,
                 case when g.charges = 0 then 'credited' else 'open' end, ${o.runId}::uuid
          from groups g cross join counter c cross join (select count(*) as n from groups) n
          returning id, contract_id, due_date
        ), new_lines as (
          insert into bill_lines (id, org_id, bill_id, contract_id, customer_id, kind, charge_type, unit_id,
                                  name, seq, period_start, period_end, due_date, posting_date, net_fen,
                                  tax_fen, total_fen, vat_rate, reason)
          select d.id, ${o.orgId}::uuid, b.id, d.contract_id, d.customer_id, d.kind, d.charge_type,
                 d.unit_id, d.name, d.seq, d.period_start, d.period_end, d.due_date, ${o.asOf}::date,
                 d.net_fen, d.tax_fen, d.total_fen, d.vat_rate, d.reason
          from due d join new_bills b on b.contract_id = d.contract_id and b.due_date = d.due_date
          returning 1
        )
        select (select count(*) from new_bills)::int as bills, (select count(*) from new_lines)::int as lines`,
  );
  return r!;
}

/** What a run for the date would issue, without issuing it. */
export async function previewDue(tx: Tx, asOf: string) {
  const [totals] = await rows<{ contracts: number; bills: number; lines: number; total: number }>(
    tx,
    sql`select count(distinct contract_id)::int as contracts,
          count(distinct (contract_id, due_date))::int as bills, count(*)::int as lines,
          coalesce(sum(total_fen), 0)::int8 as total
        from charge_plan where issue_date <= ${asOf}`,
  );
  const sample = await rows<{
    contractId: string;
    contractNumber: string;
    customerName: string;
    dueDate: string;
    lines: number;
    totalFen: number;
  }>(
    tx,
    sql`select p.contract_id as "contractId", c.number as "contractNumber", cu.name as "customerName",
          p.due_date::text as "dueDate", count(*)::int as lines, sum(p.total_fen)::int8 as "totalFen"
        from charge_plan p join contracts c on c.id = p.contract_id join customers cu on cu.id = p.customer_id
        where p.issue_date <= ${asOf}
        group by p.contract_id, c.number, cu.name, p.due_date
        order by p.due_date, c.number limit 20`,
  );
  return {
    asOf,
    contracts: totals!.contracts,
    bills: totals!.bills,
    lines: totals!.lines,
    totalFen: totals!.total,
    sample,
  };
}

/** Customers of a run's bills who hold credit: their credit settles the new bills. */
export async function customersWithCreditIn(tx: Tx, runId: string): Promise<string[]> {
  const r = await rows<{ id: string }>(
    tx,
    // From the few customers holding credit (partial indexes) to the run's bills, not the other way.
    sql`select c.id from (
          select customer_id as id from payments where status = 'received' and allocated_fen < amount_fen
          union select customer_id from bill_lines where total_fen < 0
        ) c
        where exists (select 1 from bills b where b.customer_id = c.id and b.run_id = ${runId})
        order by 1`,
  );
  return r.map((x) => x.id);
}

/**
 * For each (contract, wanted due date), the first due date from it on that no bill of the contract issued
 * on `issuedOn` has: one bill per contract, due date and issue day (settlementRepo.freeDueDate asks for one).
 */
export async function freeDueDates(
  tx: Tx,
  pairs: { contractId: string; dueDate: string }[],
  issuedOn: string,
) {
  if (!pairs.length) return [];
  return rows<{ contractId: string; dueDate: string; free: string }>(
    tx,
    sql`select p."contractId", p."dueDate"::text as "dueDate",
          (select min(g.d)::date::text from generate_series(p."dueDate", p."dueDate" + 60, interval '1 day') g(d)
            where not exists (select 1 from bills b where b.contract_id = p."contractId"
                              and b.issued_on = ${issuedOn}::date and b.due_date = g.d::date)) as free
        from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p("contractId" uuid, "dueDate" date)`,
  );
}
