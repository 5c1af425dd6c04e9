import { sql } from 'drizzle-orm';
import { addDays } from '../../../common/dates.ts';
import type { Fen } from '../../../common/money.ts';
import { chargePlan } from '../../db/schema/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { orgFacts } from '../orgs/index.ts';

/*
 * Utility charges (R5.2.1) in the plan: the utilities module prices a reading and hands its lines here;
 * billing decides which bill they ride on and the run issues them with the rest. A reading's charges are
 * found again by their key: charge type `utility`, name = the meter's code, period start = the day after
 * the previous reading (one reading per meter and date, codes unique in the organization).
 */

export interface UtilityCharge {
  contractId: string;
  customerId: string;
  unitId: string;
  /** The meter's code. */
  name: string;
  periodStart: string;
  /** The reading date. */
  periodEnd: string;
  netFen: Fen;
  taxFen: Fen;
  totalFen: Fen;
  vatRate: string;
}

export interface PlannedUtilityCharge extends UtilityCharge {
  id: string;
  dueDate: string;
  issueDate: string;
}

export interface UtilityChargeKey {
  name: string;
  periodStart: string;
}

/**
 * The contract's next bill from a date: the due and issue dates of its earliest scheduled charge still to
 * bill that is due on or after the date; none left: due the date + `billing.dueAfterSigningDays`, issued
 * on the date.
 */
async function nextBill(tx: Tx, contractId: string, from: string, afterDays: number) {
  const [next] = await rows<{ dueDate: string; issueDate: string }>(
    tx,
    sql`select due_date::text as "dueDate", issue_date::text as "issueDate" from charge_plan
        where contract_id = ${contractId} and kind = 'charge'
          and charge_type in ('rent', 'property_fee', 'other', 'deposit') and due_date >= ${from}
        order by due_date, issue_date limit 1`,
  );
  if (next) return next;
  // A bill of its own. A contract has one bill per due date and issue day: when a bill with this due date
  // was issued already (a run today), this one is issued the day after that, so a second run for the
  // same day cannot collide with it.
  const dueDate = addDays(from, afterDays);
  const [issued] = await rows<{ last: string | null }>(
    tx,
    sql`select max(issued_on)::text as last from bills where contract_id = ${contractId} and due_date = ${dueDate}`,
  );
  const issueDate = issued?.last && issued.last >= from ? addDays(issued.last, 1) : from;
  return { dueDate, issueDate };
}

/** Plans utility lines (a total of zero is not planned) on each contract's next bill from the reading date. */
export async function planUtilityCharges(
  ctx: Ctx,
  charges: UtilityCharge[],
): Promise<PlannedUtilityCharge[]> {
  const wanted = charges.filter((c) => c.totalFen !== 0);
  if (!wanted.length) return [];
  const { settings } = await orgFacts(ctx);
  const bills = new Map<string, { dueDate: string; issueDate: string }>();
  const planned: PlannedUtilityCharge[] = [];
  for (const c of wanted) {
    const k = `${c.contractId}|${c.periodEnd}`;
    let bill = bills.get(k);
    if (!bill) {
      bill = await nextBill(ctx.tx, c.contractId, c.periodEnd, settings.billing.dueAfterSigningDays);
      bills.set(k, bill);
    }
    planned.push({ ...c, id: newId(), ...bill });
  }
  await ctx.tx.insert(chargePlan).values(
    planned.map((p) => ({
      id: p.id,
      orgId: ctx.orgId,
      contractId: p.contractId,
      customerId: p.customerId,
      kind: 'charge',
      chargeType: 'utility',
      unitId: p.unitId,
      name: p.name,
      seq: 0,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      dueDate: p.dueDate,
      issueDate: p.issueDate,
      netFen: p.netFen,
      taxFen: p.taxFen,
      totalFen: p.totalFen,
      vatRate: p.vatRate,
      reason: null,
    })),
  );
  return planned;
}

/** Takes a reading's charges out of the plan (to replace them); how many there were. */
export async function unplanUtilityCharges(tx: Tx, key: UtilityChargeKey): Promise<number> {
  const r = await rows<{ id: string }>(
    tx,
    sql`delete from charge_plan
        where charge_type = 'utility' and name = ${key.name} and period_start = ${key.periodStart}
        returning id`,
  );
  return r.length;
}

/** How many of a reading's charges a billing run has already issued. */
export async function issuedUtilityCharges(tx: Tx, key: UtilityChargeKey): Promise<number> {
  const [r] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from bill_lines
        where charge_type = 'utility' and name = ${key.name} and period_start = ${key.periodStart}`,
  );
  return r!.n;
}

export interface UtilityChargeView {
  id: string;
  unitId: string | null;
  contractId: string | null;
  name: string;
  periodStart: string;
  totalFen: Fen;
  netFen: Fen;
  taxFen: Fen;
  vatRate: string;
  dueDate: string;
  issueDate: string;
  /** Issued: on the bill with this id. */
  billId: string | null;
}

/** The utility lines of these keys, planned or issued. */
export async function utilityChargesOf(tx: Tx, keys: UtilityChargeKey[]): Promise<UtilityChargeView[]> {
  if (!keys.length) return [];
  const list = (xs: string[], type: string) =>
    sql`array[${sql.join(
      xs.map((x) => sql`${x}`),
      sql`, `,
    )}]::${sql.raw(type)}[]`;
  const names = list(
    keys.map((k) => k.name),
    'text',
  );
  const starts = list(
    keys.map((k) => k.periodStart),
    'date',
  );
  return rows<UtilityChargeView>(
    tx,
    sql`with k as (select * from unnest(${names}, ${starts}) as k(name, start))
        select p.id, p.unit_id as "unitId", p.contract_id as "contractId", p.name,
               p.period_start::text as "periodStart", p.total_fen::int8 as "totalFen",
               p.net_fen::int8 as "netFen", p.tax_fen::int8 as "taxFen", p.vat_rate::text as "vatRate",
               p.due_date::text as "dueDate", p.issue_date::text as "issueDate", null::uuid as "billId"
        from charge_plan p join k on k.name = p.name and k.start = p.period_start
        where p.charge_type = 'utility'
        union all
        select l.id, l.unit_id, l.contract_id, l.name, l.period_start::text, l.total_fen::int8, l.net_fen::int8,
               l.tax_fen::int8, l.vat_rate::text, l.due_date::text, l.posting_date::text, l.bill_id
        from bill_lines l join k on k.name = l.name and k.start = l.period_start
        where l.charge_type = 'utility'`,
  );
}
