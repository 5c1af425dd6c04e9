import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

/*
 * SQL of the opening balances: each statement takes the whole batch as one JSON parameter, so thousands of
 * rows cost a handful of queries, not one or more a row. Contracts are read here (never written), as the
 * settlement reads them.
 */

const json = (x: unknown) => sql`${JSON.stringify(x)}::jsonb`;

export interface ContractOfNumber {
  id: string;
  number: string;
  status: string;
  customerId: string;
  customerName: string;
  startDate: string;
  endDate: string;
}

export async function contractsByNumber(tx: Tx, orgId: string, numbers: string[]) {
  if (!numbers.length) return [];
  return rows<ContractOfNumber>(
    tx,
    sql`select c.id, c.number, c.status, c.customer_id as "customerId", cu.name as "customerName",
          c.start_date::text as "startDate", c.end_date::text as "endDate"
        from contracts c join customers cu on cu.id = c.customer_id
        where c.org_id = ${orgId} and c.number in (select jsonb_array_elements_text(${json(numbers)}))`,
  );
}

export interface KeyOfRow {
  i: number;
  contractId: string;
  chargeType: string;
  name: string;
  periodStart: string;
}

/**
 * The keys (unit-less: an opening line names no unit) a contract already has: on an issued line (the
 * first bill that has it) or still in its plan, which the billing run will issue.
 */
export async function takenKeys(tx: Tx, keys: KeyOfRow[]) {
  if (!keys.length) return [];
  return rows<{ i: number; bill: string | null; planned: boolean }>(
    tx,
    sql`select * from (
          select k.i,
            (select b.number from bill_lines l join bills b on b.id = l.bill_id
              where l.contract_id = k."contractId" and l.charge_type = k."chargeType" and l.unit_id is null
                and l.name = k.name and l.period_start = k."periodStart"
              order by l.seq, b.number limit 1) as bill,
            exists (select 1 from charge_plan p
              where p.contract_id = k."contractId" and p.charge_type = k."chargeType" and p.unit_id is null
                and p.name = k.name and p.period_start = k."periodStart") as planned
          from jsonb_to_recordset(${json(keys)})
            as k(i int, "contractId" uuid, "chargeType" text, name text, "periodStart" date)) x
        where x.bill is not null or x.planned`,
  );
}

/** The money locks of many customers, always in the same order, so two imports cannot deadlock. */
export async function lockCustomersMoney(tx: Tx, customerIds: string[]) {
  if (!customerIds.length) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('money:' || s.id, 0))
        from (select id from jsonb_array_elements_text(${json([...new Set(customerIds)].sort())}) as t(id)
              order by id offset 0) s`,
  );
}

export interface OpeningPlanRow {
  id: string;
  contractId: string;
  customerId: string;
  chargeType: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  vatRate: string;
  reason: string;
}

/** Charges to issue at once: kind `charge`, seq 0 (the key is new), issued `issueDate`, no unit. */
export async function insertOpeningPlan(tx: Tx, orgId: string, issueDate: string, list: OpeningPlanRow[]) {
  if (!list.length) return;
  await tx.execute(
    sql`insert into charge_plan (id, org_id, contract_id, customer_id, kind, charge_type, unit_id, name, seq,
                                 period_start, period_end, due_date, issue_date, net_fen, tax_fen, total_fen,
                                 vat_rate, reason)
        select x.id, ${orgId}::uuid, x."contractId", x."customerId", 'charge', x."chargeType", null, x.name, 0,
               x."periodStart", x."periodEnd", x."dueDate", ${issueDate}::date, x."netFen", x."taxFen",
               x."totalFen", x."vatRate", x.reason
        from jsonb_to_recordset(${json(list)})
          as x(id uuid, "contractId" uuid, "customerId" uuid, "chargeType" text, name text, "periodStart" date,
               "periodEnd" date, "dueDate" date, "netFen" int8, "taxFen" int8, "totalFen" int8,
               "vatRate" numeric, reason text)`,
  );
}

/**
 * One audit row per opening line, on its customer's timeline, with the bill it went on (read back from the
 * lines just issued). PostgreSQL 15 has no uuidv7(): the ids come from the schema's tenantry_uuid7().
 */
export async function auditOpeningLines(
  ctx: Ctx,
  list: { id: string; ref: number; contractNumber: string }[],
  batchId: string,
) {
  if (!list.length) return;
  await ctx.tx.execute(
    sql`insert into audit_log (id, org_id, actor_id, actor_kind, entity_type, entity_id, action, before, after,
                               request_id, job_run_id, customer_id)
        select tenantry_uuid7(), l.org_id, ${ctx.actor.id}::uuid, ${ctx.actor.kind}::text, 'bill_line',
               l.id::text, 'billing.opening_balance', null::jsonb,
               jsonb_build_object('billNumber', b.number, 'contractNumber', x."contractNumber",
                 'chargeType', l.charge_type, 'name', l.name, 'periodStart', l.period_start,
                 'periodEnd', l.period_end, 'dueDate', l.due_date, 'netFen', l.net_fen, 'taxFen', l.tax_fen,
                 'totalFen', l.total_fen, 'vatRate', l.vat_rate, 'reason', l.reason,
                 'importBatchId', ${batchId}::text, 'rowNo', x.ref),
               ${ctx.requestId}::text, ${ctx.jobRunId}::uuid, l.customer_id
        from jsonb_to_recordset(${json(list)}) as x(id uuid, ref int, "contractNumber" text)
        join bill_lines l on l.id = x.id join bills b on b.id = l.bill_id`,
  );
}
