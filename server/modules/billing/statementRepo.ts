import { sql } from 'drizzle-orm';
import type { StatementEntry, StatementStatus } from '../../../common/schemas/statements.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

/**
 * The customer's account as finance keeps it: every issued line is a debit (a credit line a credit) on its
 * posting date, every payment a credit on the day received, and a reversal a debit on the day reversed.
 * The balance is what the customer owes; negative means money in hand.
 */
export async function balanceBefore(tx: Tx, customerId: string, from: string): Promise<number> {
  const [r] = await rows<{ fen: number }>(
    tx,
    sql`select (coalesce((select sum(l.total_fen) from bill_lines l
                          where l.customer_id = ${customerId} and l.posting_date < ${from}), 0)
              - coalesce((select sum(p.amount_fen) from payments p
                          where p.customer_id = ${customerId} and p.received_on < ${from}), 0)
              + coalesce((select sum(p.amount_fen) from payments p
                          where p.customer_id = ${customerId} and p.status = 'reversed'
                            and p.reversed_on < ${from}), 0))::int8 as fen`,
  );
  return r!.fen;
}

type EntryRow = Omit<StatementEntry, 'balanceFen'>;

/** The movements from `from` to `to` inclusive, in date order: lines, then payments, then reversals. */
export async function entriesBetween(tx: Tx, customerId: string, from: string, to: string) {
  return rows<EntryRow>(
    tx,
    sql`select e.date, e.kind, e.document, e."documentId", e."chargeType", e."lineKind", e.name, e.method,
               e.reference, e."contractNumber", e."unitCode", e."periodStart", e."periodEnd", e."debitFen",
               e."creditFen"
        from (
          select l.posting_date::text as date,
                 case when l.total_fen < 0 then 'credit' when l.kind = 'correction' then 'adjustment' else l.kind end as kind,
                 b.number as document, b.id as "documentId", l.charge_type as "chargeType",
                 l.kind as "lineKind", l.name, null as method, l.reason as reference,
                 c.number as "contractNumber", u.code as "unitCode",
                 l.period_start::text as "periodStart", l.period_end::text as "periodEnd",
                 greatest(l.total_fen, 0)::int8 as "debitFen", greatest(-l.total_fen, 0)::int8 as "creditFen",
                 0 as ord, b.due_date as k1, l.period_start as k2, l.charge_type as k3, coalesce(u.code, '') as k4,
                 l.seq as k5
            from bill_lines l join bills b on b.id = l.bill_id
            left join contracts c on c.id = l.contract_id left join units u on u.id = l.unit_id
           where l.customer_id = ${customerId} and l.posting_date between ${from} and ${to}
          union all
          select p.received_on::text, 'payment', p.number, p.id, null, null, null, p.method, p.reference,
                 null, null, null, null, 0, p.amount_fen::int8, 1, p.received_on, p.received_on, p.number, '', 0
            from payments p
           where p.customer_id = ${customerId} and p.received_on between ${from} and ${to}
          union all
          select p.reversed_on::text, 'reversal', p.number, p.id, null, null, null, p.method,
                 p.reversal_reason, null, null, null, null, p.amount_fen::int8, 0, 2, p.reversed_on,
                 p.reversed_on, p.number, '', 0
            from payments p
           where p.customer_id = ${customerId} and p.status = 'reversed'
             and p.reversed_on between ${from} and ${to}
        ) e
        order by e.date, e.ord, e.k1, e.k2, e.k3, e.k4, e.k5, e.document`,
  );
}

export interface StatementRow {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  from: string;
  to: string;
  openingFen: number;
  chargesFen: number;
  receivedFen: number;
  closingFen: number;
  status: StatementStatus;
  /** Instants arrive as Date or as text, depending on the driver. */
  sentAt: Date | string | null;
  sentTo: string | null;
  respondedOn: string | null;
  respondent: string | null;
  responseNote: string | null;
  createdAt: Date | string;
  entries: StatementEntry[];
}

const columns = sql`s.id, s.number, s.customer_id as "customerId", cu.name as "customerName",
  s.period_from::text as "from", s.period_to::text as "to", s.opening_fen::int8 as "openingFen",
  s.charges_fen::int8 as "chargesFen", s.received_fen::int8 as "receivedFen",
  s.closing_fen::int8 as "closingFen", s.status, s.sent_at as "sentAt", s.sent_to as "sentTo",
  s.responded_on::text as "respondedOn", s.respondent, s.response_note as "responseNote",
  s.created_at as "createdAt"`;

export async function insertStatement(
  tx: Tx,
  v: {
    id: string;
    orgId: string;
    number: string;
    customerId: string;
    from: string;
    to: string;
    openingFen: number;
    chargesFen: number;
    receivedFen: number;
    closingFen: number;
    entries: StatementEntry[];
    createdBy: string | null;
  },
) {
  await tx.execute(
    sql`insert into statements (id, org_id, number, customer_id, period_from, period_to, opening_fen,
          charges_fen, received_fen, closing_fen, entries, created_by)
        values (${v.id}, ${v.orgId}, ${v.number}, ${v.customerId}, ${v.from}, ${v.to}, ${v.openingFen},
          ${v.chargesFen}, ${v.receivedFen}, ${v.closingFen}, ${JSON.stringify(v.entries)}::jsonb,
          ${v.createdBy})`,
  );
}

export async function statementById(tx: Tx, id: string, lock = false): Promise<StatementRow | null> {
  const [r] = await rows<StatementRow>(
    tx,
    sql`select ${columns}, s.entries from statements s join customers cu on cu.id = s.customer_id
        where s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  return r ?? null;
}

/** Statements newest first, keyset-paged on the id (ids are time-ordered UUIDv7s). */
export async function listStatements(
  tx: Tx,
  o: { customerId?: string; status?: StatementStatus; after?: [string]; limit: number },
) {
  return rows<Omit<StatementRow, 'entries'>>(
    tx,
    sql`select ${columns} from statements s join customers cu on cu.id = s.customer_id
        where true
          ${o.customerId ? sql`and s.customer_id = ${o.customerId}` : sql``}
          ${o.status ? sql`and s.status = ${o.status}` : sql``}
          ${o.after ? sql`and s.id < ${o.after[0]}::uuid` : sql``}
        order by s.id desc
        limit ${o.limit}`,
  );
}

export async function recordResponse(
  tx: Tx,
  id: string,
  v: {
    status: StatementStatus;
    respondedOn: string;
    respondent: string;
    note: string | null;
    by: string | null;
  },
) {
  await tx.execute(
    sql`update statements set status = ${v.status}, responded_on = ${v.respondedOn},
          respondent = ${v.respondent}, response_note = ${v.note}, recorded_by = ${v.by}
        where id = ${id}`,
  );
}

export async function markSent(tx: Tx, id: string, to: string) {
  await tx.execute(sql`update statements set sent_at = now(), sent_to = ${to} where id = ${id}`);
}
