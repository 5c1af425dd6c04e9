import { and, eq, ne, sql } from 'drizzle-orm';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import { chargePlan, depositMovements, settlements } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';
import { uuids } from './moneyRepo.ts';
import { freeDueDates } from './repo.ts';

type ChargeType = (typeof CHARGE_TYPES)[number];

/*
 * SQL of the deposit ledger and the final settlement. Contracts, their files and violations are read here
 * (never written): billing settles what the contracts module recorded, as bills already read contracts.
 */

export interface ContractFacts {
  id: string;
  number: string;
  status: string;
  customerId: string;
  customerName: string;
  startDate: string;
  endDate: string;
  terminatedOn: string | null;
  handedOverOn: string | null;
  movedOutOn: string | null;
  moveOut: { damages?: { item: string; amountFen: number }[]; photoFileIds?: string[] } | null;
  termination: { liabilities?: string } | null;
}

export async function contractFacts(tx: Tx, id: string): Promise<ContractFacts | null> {
  const [c] = await rows<ContractFacts>(
    tx,
    sql`select c.id, c.number, c.status, c.customer_id as "customerId", cu.name as "customerName",
          c.start_date::text as "startDate", c.end_date::text as "endDate",
          c.terminated_on::text as "terminatedOn", c.handed_over_on::text as "handedOverOn",
          c.moved_out_on::text as "movedOutOn", c.move_out as "moveOut", c.termination
        from contracts c join customers cu on cu.id = c.customer_id where c.id = ${id}`,
  );
  return c ?? null;
}

export async function violationsOf(tx: Tx, contractId: string) {
  return rows<{ kind: string; foundOn: string; description: string }>(
    tx,
    sql`select kind, found_on::text as "foundOn", description from contract_violations
        where contract_id = ${contractId} order by found_on, created_at`,
  );
}

/** The contract's files among `ids` (evidence named by a settlement must be the contract's own). */
export async function contractFilesIn(tx: Tx, contractId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return rows<{ id: string; fileName: string }>(
    tx,
    sql`select id, file_name as "fileName" from contract_files
        where contract_id = ${contractId} and id = any(${uuids(ids)}) order by uploaded_at, id`,
  );
}

export interface PlanRow {
  id: string;
  kind: string;
  chargeType: ChargeType;
  name: string;
  periodStart: string;
  periodEnd: string;
  totalFen: number;
}

export async function pendingPlan(tx: Tx, contractId: string): Promise<PlanRow[]> {
  return rows<PlanRow>(
    tx,
    sql`select id, kind, charge_type as "chargeType", name, period_start::text as "periodStart",
          period_end::text as "periodEnd", total_fen::int8 as "totalFen"
        from charge_plan where contract_id = ${contractId}
        order by period_start, charge_type, name, seq`,
  );
}

export interface ContractLine {
  id: string;
  billId: string;
  billNumber: string;
  kind: string;
  chargeType: ChargeType;
  name: string;
  seq: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  totalFen: number;
  /** What is still to settle (a charge) or to apply (a credit line), always >= 0. */
  leftFen: number;
}

/** The contract's lines with something left: charges not settled and credit lines not applied. */
export async function openLinesOfContract(tx: Tx, contractId: string): Promise<ContractLine[]> {
  return rows<ContractLine>(
    tx,
    sql`select * from (
          select l.id, l.bill_id as "billId", b.number as "billNumber", l.kind, l.charge_type as "chargeType",
            l.name, l.seq, l.period_start::text as "periodStart", l.period_end::text as "periodEnd",
            l.due_date::text as "dueDate", l.total_fen::int8 as "totalFen",
            (abs(l.total_fen) - coalesce((select sum(a.amount_fen) from allocations a
               where (l.total_fen > 0 and a.bill_line_id = l.id) or (l.total_fen < 0 and a.credit_line_id = l.id)), 0)
            )::int8 as "leftFen"
          from bill_lines l join bills b on b.id = l.bill_id
          where l.contract_id = ${contractId} and l.total_fen <> 0) x
        where "leftFen" > 0
        order by "dueDate", "billNumber", "periodStart", "chargeType", name, seq`,
  );
}

/** The customer's money not yet applied: received payments not allocated and credit lines not applied. */
export async function customerCreditFen(tx: Tx, customerId: string): Promise<number> {
  const [r] = await rows<{ credit: number }>(
    tx,
    sql`select (coalesce((select sum(p.amount_fen - p.allocated_fen) from payments p
                          where p.customer_id = ${customerId} and p.status = 'received'), 0)
          + coalesce((select sum(-l.total_fen) from bill_lines l
                      where l.customer_id = ${customerId} and l.total_fen < 0), 0)
          - coalesce((select sum(a.amount_fen) from allocations a
                      where a.customer_id = ${customerId} and a.credit_line_id is not null), 0))::int8 as credit`,
  );
  return Number(r!.credit);
}

// ---- the deposit ledger ---------------------------------------------------------------------------

export async function depositLines(tx: Tx, contractId: string) {
  return rows<{
    id: string;
    billId: string;
    billNumber: string;
    name: string;
    kind: string;
    dueDate: string;
    totalFen: number;
  }>(
    tx,
    sql`select l.id, l.bill_id as "billId", b.number as "billNumber", l.name, l.kind, l.due_date::text as "dueDate",
          l.total_fen::int8 as "totalFen"
        from bill_lines l join bills b on b.id = l.bill_id
        where l.contract_id = ${contractId} and l.charge_type = 'deposit'
        order by l.due_date, b.number, l.name, l.seq`,
  );
}

/**
 * What settled the deposit lines: payments and credits, less reversals. A deposit line's own cancellation
 * (a negative deposit line) is not money received.
 */
export async function depositReceipts(tx: Tx, contractId: string) {
  return rows<{
    id: string;
    postingDate: string;
    amountFen: number;
    billNumber: string;
    paymentId: string | null;
    paymentNumber: string | null;
  }>(
    tx,
    sql`select a.id, a.posting_date::text as "postingDate", a.amount_fen::int8 as "amountFen",
          b.number as "billNumber", a.payment_id as "paymentId", p.number as "paymentNumber"
        from allocations a join bill_lines l on l.id = a.bill_line_id join bills b on b.id = a.bill_id
          left join payments p on p.id = a.payment_id
          left join bill_lines cl on cl.id = a.credit_line_id
        where l.contract_id = ${contractId} and l.charge_type = 'deposit' and l.total_fen > 0
          and (cl.id is null or cl.charge_type <> 'deposit')
        order by a.posting_date, a.created_at, a.id`,
  );
}

export async function depositMovementsOf(tx: Tx, contractId: string) {
  return rows<{
    id: string;
    kind: 'deducted' | 'refunded';
    amountFen: number;
    postingDate: string;
    reason: string | null;
    evidenceFileIds: string[];
    method: string | null;
    reference: string | null;
    settlementId: string | null;
    settlementNumber: string | null;
    billNumber: string | null;
  }>(
    tx,
    sql`select m.id, m.kind, m.amount_fen::int8 as "amountFen", m.posting_date::text as "postingDate", m.reason,
          m.evidence_file_ids as "evidenceFileIds", m.method, m.reference, m.settlement_id as "settlementId",
          s.number as "settlementNumber", b.number as "billNumber"
        from deposit_movements m left join settlements s on s.id = m.settlement_id
          left join bill_lines l on l.id = m.credit_line_id left join bills b on b.id = l.bill_id
        where m.contract_id = ${contractId}
        order by m.posting_date, m.created_at, m.id`,
  );
}

export async function insertDepositMovement(tx: Tx, v: typeof depositMovements.$inferInsert) {
  await tx.insert(depositMovements).values(v);
}

// ---- settlements -----------------------------------------------------------------------------------

export type SettlementRow = typeof settlements.$inferSelect;

/** The contract's settlement that is not cancelled (at most one: a partial unique index). */
export async function currentSettlement(tx: Tx, contractId: string, lock = false) {
  const q = tx
    .select()
    .from(settlements)
    .where(and(eq(settlements.contractId, contractId), ne(settlements.status, 'cancelled')));
  return (await (lock ? q.for('update') : q))[0] ?? null;
}

export async function findSettlement(tx: Tx, id: string, lock = false) {
  const q = tx.select().from(settlements).where(eq(settlements.id, id));
  return (await (lock ? q.for('update') : q))[0] ?? null;
}

export async function insertSettlement(tx: Tx, v: typeof settlements.$inferInsert) {
  return (await tx.insert(settlements).values(v).returning())[0]!;
}

export async function updateSettlement(tx: Tx, id: string, v: Partial<typeof settlements.$inferInsert>) {
  return (
    await tx
      .update(settlements)
      .set({ ...v, updatedAt: sql`now()` })
      .where(eq(settlements.id, id))
      .returning()
  )[0]!;
}

export async function userName(tx: Tx, id: string | null) {
  if (!id) return null;
  const [u] = await rows<{ name: string }>(
    tx,
    sql`select coalesce(display_name, username) as name from users where id = ${id}`,
  );
  return u?.name ?? null;
}

/** The settlement bill: issued with the settlement's id as its run. */
export async function billOfSettlement(tx: Tx, settlementId: string) {
  const [b] = await rows<{ id: string; number: string; dueDate: string }>(
    tx,
    sql`select id, number, due_date::text as "dueDate" from bills where run_id = ${settlementId}`,
  );
  return b ?? null;
}

// ---- confirmation ----------------------------------------------------------------------------------

/** A due date from `from` on that no bill of the contract issued on `issuedOn` has (one bill per key). */
export async function freeDueDate(tx: Tx, contractId: string, issuedOn: string, from: string) {
  const [r] = await freeDueDates(tx, [{ contractId, dueDate: from }], issuedOn);
  return r!.free;
}

/** Brings every pending charge of the contract to the settlement bill: issued today, one due date. */
export async function movePlanToSettlement(tx: Tx, contractId: string, issueDate: string, dueDate: string) {
  await tx.update(chargePlan).set({ issueDate, dueDate }).where(eq(chargePlan.contractId, contractId));
}

export async function insertPlanRows(tx: Tx, values: (typeof chargePlan.$inferInsert)[]) {
  if (values.length) await tx.insert(chargePlan).values(values);
}

/** The next seq of a charge key (adjustments of an issued charge). */
export async function nextSeqs(tx: Tx, lineIds: readonly string[]) {
  if (!lineIds.length) return new Map<string, number>();
  const r = await rows<{ id: string; next: number }>(
    tx,
    sql`select l.id, (select max(x.seq) + 1 from bill_lines x where x.contract_id = l.contract_id
                       and x.charge_type = l.charge_type and x.unit_id is not distinct from l.unit_id
                       and x.name = l.name and x.period_start = l.period_start)::int as next
        from bill_lines l where l.id = any(${uuids(lineIds)})`,
  );
  return new Map(r.map((x) => [x.id, x.next]));
}

export async function lineKeys(tx: Tx, lineIds: readonly string[]) {
  if (!lineIds.length) return [];
  return rows<{ id: string; unitId: string | null; name: string; periodStart: string; periodEnd: string }>(
    tx,
    sql`select id, unit_id as "unitId", name, period_start::text as "periodStart", period_end::text as "periodEnd"
        from bill_lines where id = any(${uuids(lineIds)})`,
  );
}

/**
 * Adds the deposit deduction, a credit line, to the settlement bill written moments before in this
 * transaction, and keeps the bill's totals equal to its lines (charges are the positive lines: unchanged).
 */
export async function appendCreditLine(
  tx: Tx,
  o: {
    id: string;
    orgId: string;
    billId: string;
    contractId: string;
    customerId: string;
    name: string;
    periodStart: string;
    periodEnd: string;
    postingDate: string;
    amountFen: number;
    reason: string;
  },
) {
  await tx.execute(
    sql`insert into bill_lines (id, org_id, bill_id, contract_id, customer_id, kind, charge_type, unit_id, name,
                                seq, period_start, period_end, due_date, posting_date, net_fen, tax_fen,
                                total_fen, vat_rate, reason)
        select ${o.id}, ${o.orgId}, b.id, ${o.contractId}, ${o.customerId}, 'charge', 'deposit', null, ${o.name},
               0, ${o.periodStart}, ${o.periodEnd}, b.due_date, ${o.postingDate}, ${-o.amountFen}, 0,
               ${-o.amountFen}, 0, ${o.reason}
        from bills b where b.id = ${o.billId}`,
  );
  await tx.execute(
    sql`update bills set net_fen = net_fen - ${o.amountFen}, total_fen = total_fen - ${o.amountFen}
        where id = ${o.billId}`,
  );
}
