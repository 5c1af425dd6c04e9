import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

/**
 * Where the customer's bills and statements go: a finance contact's e-mail, else the primary contact's,
 * else any contact's (oldest first). One rule for the set-based delivery and for a single send.
 */
const recipientOf = (customerId: SQL) => sql`
  select c.email, c.name from customer_contacts c
  where c.customer_id = ${customerId} and c.email is not null and c.email <> ''
  order by ('finance' = any(c.roles)) desc, c.is_primary desc, c.created_at, c.id
  limit 1`;

export async function billingRecipient(tx: Tx, customerId: string) {
  const [r] = await rows<{ email: string; name: string }>(tx, recipientOf(sql`${customerId}::uuid`));
  return r ?? null;
}

/** Bills issued longer ago than this are not e-mailed by the job (the customer has long had them). */
export const DELIVERY_WINDOW_DAYS = 10;

/**
 * Queues up to `limit` unsent bills issued in the window ending `asOf` (ids after `after`), one message
 * each with the bill's PDF (rendered when delivered), and marks them sent, in one statement. Bills of
 * customers without an address stay unsent and are counted. Re-running finds only what is still unsent.
 */
export async function queueUnsentBills(
  tx: Tx,
  o: {
    orgId: string;
    orgName: string;
    asOf: string;
    limit: number;
    runId: string | null;
    after?: string;
    billId?: string;
  },
) {
  const [r] = await rows<{ queued: number; unaddressed: number; last: string | null }>(
    tx,
    sql`with due as (
          select b.id, b.number, b.customer_id, b.contract_id, b.total_fen, b.due_date
          from bills b
          where ${
            o.billId
              ? sql`b.id = ${o.billId}`
              : sql`b.sent_at is null and b.issued_on <= ${o.asOf}
                    and b.issued_on > ${o.asOf}::date - ${DELIVERY_WINDOW_DAYS}::int
                    ${o.after ? sql`and b.id > ${o.after}` : sql``}`
          }
          order by b.id
          limit ${o.limit}
          for update of b skip locked),
        addressed as (
          select d.*, r.email, r.name as contact, cu.name as customer, ct.number as contract
          from due d
            join lateral (${recipientOf(sql`d.customer_id`)}) r on true
            join customers cu on cu.id = d.customer_id left join contracts ct on ct.id = d.contract_id),
        queued as (
          insert into outbox (id, org_id, "to", subject, text, attachments, entity_type, entity_id, job_run_id)
          select tenantry_uuid7(), ${o.orgId}, array[a.email],
                 '【' || ${o.orgName} || '】租赁费用账单 ' || a.number,
                 a.contact || '：您好！' || chr(10) || chr(10) || '附件为贵司（' || a.customer || '）'
                   || coalesce('合同 ' || a.contract || ' ', '') || '的租赁费用账单（编号 ' || a.number || '），本期应付 '
                   || to_char(a.total_fen / 100.0, 'FM999,999,999,990.00') || ' 元，请于 '
                   || to_char(a.due_date, 'YYYY"年"FMMM"月"FMDD"日"') || ' 前付款，付款时请注明账单编号。'
                   || chr(10) || chr(10) || ${o.orgName},
                 jsonb_build_array(jsonb_build_object('kind', 'bill', 'id', a.id, 'filename', '账单-' || a.number || '.pdf')),
                 'bill', a.id::text, ${o.runId}
          from addressed a
          returning entity_id),
        marked as (
          update bills b set sent_at = now(), sent_to = a.email
          from addressed a where b.id = a.id
          returning b.id)
        select (select count(*) from queued)::int as queued,
               (select count(*) from due where id not in (select id from addressed))::int as unaddressed,
               (select max(id::text) from due) as last`,
  );
  return r!;
}
