import { eq, sql } from 'drizzle-orm';
import type { ChargeRequestStatus } from '../../../common/billing/chargeRequest.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import { chargeRequests } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

type ChargeType = (typeof CHARGE_TYPES)[number];

export type ChargeRequestInsert = typeof chargeRequests.$inferInsert;

export async function insertChargeRequest(tx: Tx, values: ChargeRequestInsert) {
  await tx.insert(chargeRequests).values(values);
}

export async function updateChargeRequest(
  tx: Tx,
  id: string,
  set: Partial<
    Pick<
      ChargeRequestInsert,
      'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'lineId' | 'postedOn' | 'dueDate'
    >
  >,
) {
  await tx.update(chargeRequests).set(set).where(eq(chargeRequests.id, id));
}

/** The row as the use-cases need it, locked when `lock`. */
export async function chargeRequestRow(tx: Tx, id: string, lock = false) {
  const [r] = await rows<typeof chargeRequests.$inferSelect>(
    tx,
    sql`select id, org_id as "orgId", number, kind, contract_id as "contractId", customer_id as "customerId",
          corrects_line_id as "correctsLineId", charge_type as "chargeType", unit_id as "unitId", name,
          period_start::text as "periodStart", period_end::text as "periodEnd", due_date::text as "dueDate",
          net_fen::int8 as "netFen", tax_fen::int8 as "taxFen", total_fen::int8 as "totalFen",
          vat_rate::text as "vatRate", reason, status, needs_approval as "needsApproval",
          requested_by as "requestedBy", requested_at as "requestedAt", decided_by as "decidedBy",
          decided_at as "decidedAt", decision_note as "decisionNote", line_id as "lineId",
          posted_on::text as "postedOn"
        from charge_requests where id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  return r ?? null;
}

const VIEW = sql`
  select r.id, r.number, r.kind, r.status, r.needs_approval as "needsApproval", r.contract_id as "contractId",
    c.number as "contractNumber", r.customer_id as "customerId", cu.name as "customerName",
    r.charge_type as "chargeType", r.unit_id as "unitId", u.code as "unitCode", r.name,
    r.period_start::text as "periodStart", r.period_end::text as "periodEnd", r.due_date::text as "dueDate",
    r.net_fen::int8 as "netFen", r.tax_fen::int8 as "taxFen", r.total_fen::int8 as "totalFen",
    r.vat_rate::text as "vatRate", r.reason,
    case when r.corrects_line_id is null then null
      else json_build_object('lineId', ol.id, 'billId', ob.id, 'billNumber', ob.number,
                             'totalFen', ol.total_fen) end as corrects,
    rb.display_name as "requestedBy", r.requested_by as "requestedById", r.requested_at as "requestedAt", db.display_name as "decidedBy",
    r.decided_at as "decidedAt", r.decision_note as "decisionNote", r.posted_on::text as "postedOn",
    pb.id as "billId", pb.number as "billNumber"
  from charge_requests r
  join contracts c on c.id = r.contract_id
  join customers cu on cu.id = r.customer_id
  join users rb on rb.id = r.requested_by
  left join users db on db.id = r.decided_by
  left join units u on u.id = r.unit_id
  left join bill_lines ol on ol.id = r.corrects_line_id
  left join bills ob on ob.id = ol.bill_id
  left join bill_lines pl on pl.id = r.line_id
  left join bills pb on pb.id = pl.bill_id`;

export interface ChargeRequestViewRow {
  id: string;
  number: string;
  kind: 'one_off' | 'correction';
  status: ChargeRequestStatus;
  needsApproval: boolean;
  contractId: string;
  contractNumber: string;
  customerId: string;
  customerName: string;
  chargeType: ChargeType;
  unitId: string | null;
  unitCode: string | null;
  name: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string | null;
  netFen: number;
  taxFen: number;
  totalFen: number;
  vatRate: string;
  reason: string;
  corrects: { lineId: string; billId: string; billNumber: string; totalFen: number } | null;
  requestedBy: string;
  requestedById: string;
  requestedAt: string | Date;
  decidedBy: string | null;
  decidedAt: string | Date | null;
  decisionNote: string | null;
  postedOn: string | null;
  billId: string | null;
  billNumber: string | null;
}

export async function chargeRequestView(tx: Tx, id: string) {
  const [r] = await rows<ChargeRequestViewRow>(tx, sql`${VIEW} where r.id = ${id}`);
  return r ?? null;
}

/** Newest first, by id (ids are time-ordered); `after` is the last id of the previous page. */
export async function listChargeRequests(
  tx: Tx,
  q: {
    status?: string;
    kind?: string;
    customerId?: string;
    contractId?: string;
    after: [string] | null | undefined;
    limit: number;
  },
) {
  const where = [sql`true`];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.kind) where.push(sql`r.kind = ${q.kind}`);
  if (q.customerId) where.push(sql`r.customer_id = ${q.customerId}`);
  if (q.contractId) where.push(sql`r.contract_id = ${q.contractId}`);
  if (q.after) where.push(sql`r.id < ${q.after[0]}`);
  return rows<ChargeRequestViewRow>(
    tx,
    sql`${VIEW} where ${sql.join(where, sql` and `)} order by r.id desc limit ${q.limit}`,
  );
}

/** What a one-off charge needs of its contract, and whether the unit named is one of the contract's. */
export async function contractForCharge(tx: Tx, contractId: string, unitId: string | null) {
  const [c] = await rows<{
    id: string;
    number: string;
    status: string;
    customerId: string;
    hasUnit: boolean;
  }>(
    tx,
    sql`select c.id, c.number, c.status, c.customer_id as "customerId",
          ${unitId}::uuid is null or exists (
            select 1 from contract_versions v, jsonb_array_elements(v.terms -> 'units') x
            where v.contract_id = c.id and x ->> 'unitId' = ${unitId}::text) as "hasUnit"
        from contracts c where c.id = ${contractId}`,
  );
  return c ?? null;
}

/** An issued line with its bill and contract, and what every line of its charge key adds up to so far. */
export async function lineForCorrection(tx: Tx, lineId: string) {
  const [l] = await rows<{
    id: string;
    billId: string;
    billNumber: string;
    contractId: string | null;
    contractNumber: string | null;
    contractStatus: string | null;
    customerId: string;
    kind: string;
    chargeType: string;
    unitId: string | null;
    name: string;
    periodStart: string;
    periodEnd: string;
    vatRate: string;
    keyTotalFen: number;
  }>(
    tx,
    sql`select l.id, b.id as "billId", b.number as "billNumber", l.contract_id as "contractId",
          c.number as "contractNumber", c.status as "contractStatus", l.customer_id as "customerId", l.kind,
          l.charge_type as "chargeType", l.unit_id as "unitId", l.name, l.period_start::text as "periodStart",
          l.period_end::text as "periodEnd", l.vat_rate::text as "vatRate",
          (select sum(x.total_fen) from bill_lines x where x.contract_id = l.contract_id
             and x.charge_type = l.charge_type and x.unit_id is not distinct from l.unit_id
             and x.name = l.name and x.period_start = l.period_start)::int8 as "keyTotalFen"
        from bill_lines l join bills b on b.id = l.bill_id left join contracts c on c.id = l.contract_id
        where l.id = ${lineId}`,
  );
  return l ?? null;
}

/** The next seq of a charge key, above every line issued and every charge still planned under it. */
export async function nextSeqOfKey(
  tx: Tx,
  k: { contractId: string; chargeType: string; unitId: string | null; name: string; periodStart: string },
) {
  const [r] = await rows<{ next: number }>(
    tx,
    sql`select coalesce(max(seq) + 1, 0)::int as next from (
          select seq from bill_lines where contract_id = ${k.contractId} and charge_type = ${k.chargeType}
            and unit_id is not distinct from ${k.unitId}::uuid and name = ${k.name}
            and period_start = ${k.periodStart}
          union all
          select seq from charge_plan where contract_id = ${k.contractId} and charge_type = ${k.chargeType}
            and unit_id is not distinct from ${k.unitId}::uuid and name = ${k.name}
            and period_start = ${k.periodStart}) s`,
  );
  return r!.next;
}
