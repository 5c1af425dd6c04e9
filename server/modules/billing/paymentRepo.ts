import { eq, sql } from 'drizzle-orm';
import type { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../../common/schemas/billing.ts';
import { payments } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

export type PaymentRow = typeof payments.$inferSelect;

export async function paymentByKey(tx: Tx, key: string) {
  return (await tx.select().from(payments).where(eq(payments.idempotencyKey, key)))[0] ?? null;
}
export async function insertPayment(tx: Tx, v: typeof payments.$inferInsert) {
  return (await tx.insert(payments).values(v).returning())[0]!;
}
export async function findPayment(tx: Tx, id: string) {
  return (await tx.select().from(payments).where(eq(payments.id, id)))[0] ?? null;
}
export async function lockPayment(tx: Tx, id: string) {
  return (await tx.select().from(payments).where(eq(payments.id, id)).for('update'))[0] ?? null;
}
export async function updatePayment(tx: Tx, id: string, v: Partial<typeof payments.$inferInsert>) {
  return (await tx.update(payments).set(v).where(eq(payments.id, id)).returning())[0]!;
}

export interface PaymentListRow extends Omit<PaymentRow, 'method' | 'status'> {
  customerName: string;
  method: (typeof PAYMENT_METHODS)[number];
  status: (typeof PAYMENT_STATUSES)[number];
}

/** Payments newest first by date received, keyset-paged on (received_on, id). */
export async function listPayments(
  tx: Tx,
  o: { id?: string; customerId?: string; after?: { receivedOn: string; id: string }; limit: number },
) {
  return rows<PaymentListRow>(
    tx,
    sql`select p.id, p.org_id as "orgId", p.number, p.customer_id as "customerId", c.name as "customerName",
          p.amount_fen::int8 as "amountFen", p.allocated_fen::int8 as "allocatedFen",
          p.received_on::text as "receivedOn", p.method, p.reference, p.payer_name as "payerName",
          p.idempotency_key as "idempotencyKey", p.status, p.reversed_on::text as "reversedOn",
          p.reversal_reason as "reversalReason", p.created_at as "createdAt"
        from payments p join customers c on c.id = p.customer_id
        where true
          ${o.id ? sql`and p.id = ${o.id}` : sql``}
          ${o.customerId ? sql`and p.customer_id = ${o.customerId}` : sql``}
          ${o.after ? sql`and (p.received_on, p.id) < (${o.after.receivedOn}::date, ${o.after.id}::uuid)` : sql``}
        order by p.received_on desc, p.id desc
        limit ${o.limit}`,
  );
}

export interface AllocationListRow {
  id: string;
  billLineId: string;
  billId: string;
  billNumber: string;
  paymentId: string | null;
  paymentNumber: string | null;
  creditLineId: string | null;
  amountFen: number;
  postingDate: string;
  reverses: string | null;
}

/** Allocations of some payments or bills, oldest first. */
export async function allocationsFor(tx: Tx, o: { paymentId?: string; billId?: string }) {
  return rows<AllocationListRow>(
    tx,
    sql`select a.id, a.bill_line_id as "billLineId", a.bill_id as "billId", b.number as "billNumber",
          a.payment_id as "paymentId", p.number as "paymentNumber", a.credit_line_id as "creditLineId",
          a.amount_fen::int8 as "amountFen", a.posting_date::text as "postingDate", a.reverses
        from allocations a join bills b on b.id = a.bill_id left join payments p on p.id = a.payment_id
        where ${o.paymentId ? sql`a.payment_id = ${o.paymentId}` : sql`a.bill_id = ${o.billId!}`}
        order by a.created_at, a.id`,
  );
}

/**
 * The number of a settlement whose deposit this payment paid and that has since deducted or refunded it:
 * reversing the payment then would take back money already given back or used.
 */
export async function settledDepositPaidBy(tx: Tx, paymentId: string): Promise<string | null> {
  const [r] = await rows<{ number: string }>(
    tx,
    sql`select s.number from allocations a
          join bill_lines l on l.id = a.bill_line_id and l.charge_type = 'deposit' and l.total_fen > 0
          join deposit_movements m on m.contract_id = l.contract_id
          left join settlements s on s.id = m.settlement_id
        where a.payment_id = ${paymentId}
        limit 1`,
  );
  return r ? (r.number ?? '') : null;
}
