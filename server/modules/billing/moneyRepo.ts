import { sql } from 'drizzle-orm';
import type { CreditSource, OpenLine } from '../../../common/billing/allocation.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import { allocations } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

export const uuids = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** One customer's money moves one at a time: payments, reversals and credit runs queue up. */
export async function lockCustomerMoney(tx: Tx, customerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`money:${customerId}`}, 0))`);
}

/** The customer's lines with something left to settle (or the chosen ones). */
export async function openLinesOf(tx: Tx, customerId: string, lineIds?: readonly string[]) {
  const r = await rows<
    OpenLine & {
      billNumber: string;
      chargeType: (typeof CHARGE_TYPES)[number];
      periodStart: string;
      periodEnd: string;
    }
  >(
    tx,
    sql`select l.id, l.bill_id as "billId", l.due_date::text as "dueDate", b.number || '/' || l.id as "order",
          l.charge_type = 'penalty' as penalty, b.number as "billNumber", l.charge_type as "chargeType",
          l.period_start::text as "periodStart", l.period_end::text as "periodEnd",
          (l.total_fen - coalesce(a.settled, 0))::int8 as "outstandingFen"
        from bill_lines l join bills b on b.id = l.bill_id
        left join (select bill_line_id, sum(amount_fen) as settled from allocations
                   where customer_id = ${customerId} group by bill_line_id) a on a.bill_line_id = l.id
        where l.customer_id = ${customerId} and l.total_fen > 0
          and l.total_fen > coalesce(a.settled, 0)
          ${lineIds ? sql`and l.id = any(${uuids(lineIds)})` : sql``}`,
  );
  return r;
}

/** Money not yet applied: payments first by date received, then credit lines by posting date. */
export async function creditSourcesOf(tx: Tx, customerId: string): Promise<CreditSource[]> {
  const r = await rows<{ id: string; available: number }>(
    tx,
    sql`select * from (
          select 'payment:' || id as id, (amount_fen - allocated_fen)::int8 as available, received_on as d,
                 created_at as t
          from payments
          where customer_id = ${customerId} and status = 'received' and allocated_fen < amount_fen
          union all
          select 'credit:' || l.id, (-l.total_fen - coalesce(sum(a.amount_fen), 0))::int8, l.posting_date,
                 l.created_at
          from bill_lines l left join allocations a on a.credit_line_id = l.id
          where l.customer_id = ${customerId} and l.total_fen < 0
          group by l.id
          having -l.total_fen > coalesce(sum(a.amount_fen), 0)
        ) s order by d, t, id`,
  );
  return r.map((x) => ({ id: x.id, availableFen: x.available }));
}

export async function insertAllocations(tx: Tx, values: (typeof allocations.$inferInsert)[]) {
  if (values.length) await tx.insert(allocations).values(values);
}

/** Re-reads what settled each bill and sets its amounts and state (R5.1: states follow from allocations). */
export async function refreshBills(tx: Tx, billIds: readonly string[]) {
  if (!billIds.length) return;
  await tx.execute(
    sql`update bills b set paid_fen = s.paid, credited_fen = s.credited,
          status = case
            when b.charges_fen = 0 then 'credited'
            when s.paid + s.credited >= b.charges_fen then case when s.paid > 0 then 'paid' else 'credited' end
            when s.paid + s.credited > 0 then 'partially_paid'
            else 'open' end
        from (select x.id,
                coalesce(sum(a.amount_fen) filter (where a.payment_id is not null), 0) as paid,
                coalesce(sum(a.amount_fen) filter (where a.credit_line_id is not null), 0) as credited
              from bills x left join allocations a on a.bill_id = x.id
              where x.id = any(${uuids(billIds)}) group by x.id) s
        where b.id = s.id`,
  );
}

export async function refreshPayments(tx: Tx, paymentIds: readonly string[]) {
  if (!paymentIds.length) return;
  await tx.execute(
    sql`update payments p set allocated_fen = s.allocated
        from (select x.id, coalesce(sum(a.amount_fen), 0) as allocated
              from payments x left join allocations a on a.payment_id = x.id
              where x.id = any(${uuids(paymentIds)}) group by x.id) s
        where p.id = s.id`,
  );
}

/** The live allocations of a payment (those not yet undone), for its reversal. */
export async function liveAllocationsOf(tx: Tx, paymentId: string) {
  return rows<{ id: string; billLineId: string; billId: string; amountFen: number; customerId: string }>(
    tx,
    sql`select a.id, a.bill_line_id as "billLineId", a.bill_id as "billId", a.amount_fen::int8 as "amountFen",
          a.customer_id as "customerId"
        from allocations a
        where a.payment_id = ${paymentId} and a.reverses is null
          and not exists (select 1 from allocations r where r.reverses = a.id)`,
  );
}
