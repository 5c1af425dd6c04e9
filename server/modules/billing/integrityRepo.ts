import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

export interface Problem {
  check: string;
  id: string;
  detail: string;
}

/*
 * Each query returns the rows that break one rule; an empty result is a pass. They read every row of
 * the organization: the check is a nightly job and a test helper, not a request.
 */
const CHECKS: Record<string, ReturnType<typeof sql>> = {
  // A contract's deposit held is never negative: what was deducted and refunded was received first.
  deposit_held: sql`
    with received as (
           select l.contract_id, sum(a.amount_fen) as s
           from allocations a join bill_lines l on l.id = a.bill_line_id
             left join bill_lines cl on cl.id = a.credit_line_id
           where l.charge_type = 'deposit' and l.total_fen > 0 and (cl.id is null or cl.charge_type <> 'deposit')
           group by l.contract_id),
         moved as (select contract_id, sum(amount_fen) as s from deposit_movements group by contract_id)
    select m.contract_id as id,
           'deposit received ' || coalesce(r.s, 0) || ', deducted + refunded ' || m.s as detail
    from moved m left join received r using (contract_id)
    where m.s > coalesce(r.s, 0)`,
  // What each customer owes net = charges - money received = outstanding - credit, computed both ways.
  customer_balance: sql`
    with charged as (select customer_id, sum(total_fen) as s from bill_lines group by customer_id),
         received as (select customer_id, sum(amount_fen) as s from payments where status = 'received' group by customer_id),
         outstanding as (select customer_id, sum(charges_fen - paid_fen - credited_fen) as s from bills group by customer_id),
         pay_credit as (select customer_id, sum(amount_fen - allocated_fen) as s from payments where status = 'received' group by customer_id),
         line_credit as (select l.customer_id, sum(-l.total_fen) - coalesce(sum(a.s), 0) as s
                         from bill_lines l left join (select credit_line_id, sum(amount_fen) as s from allocations
                                                      group by credit_line_id) a on a.credit_line_id = l.id
                         where l.total_fen < 0 group by l.customer_id),
         ids as (select customer_id from charged union select customer_id from received)
    select i.customer_id as id,
           'charges - received = ' || (coalesce(c.s, 0) - coalesce(r.s, 0)) || ', outstanding - credit = '
             || (coalesce(o.s, 0) - coalesce(pc.s, 0) - coalesce(lc.s, 0)) as detail
    from ids i left join charged c using (customer_id) left join received r using (customer_id)
      left join outstanding o using (customer_id) left join pay_credit pc using (customer_id)
      left join line_credit lc using (customer_id)
    where coalesce(c.s, 0) - coalesce(r.s, 0) <> coalesce(o.s, 0) - coalesce(pc.s, 0) - coalesce(lc.s, 0)`,
  bill_totals: sql`
    select b.id, b.number || ': bill ' || b.total_fen || '/' || b.charges_fen || ', lines ' || coalesce(sum(l.total_fen), 0)
             || '/' || coalesce(sum(greatest(l.total_fen, 0)), 0) as detail
    from bills b left join bill_lines l on l.bill_id = b.id
    group by b.id
    having b.total_fen <> coalesce(sum(l.total_fen), 0) or b.charges_fen <> coalesce(sum(greatest(l.total_fen, 0)), 0)
      or b.net_fen + b.tax_fen <> b.total_fen`,
  bill_settled: sql`
    select b.id, b.number || ': paid ' || b.paid_fen || ' credited ' || b.credited_fen || ', allocations '
             || coalesce(sum(a.amount_fen) filter (where a.payment_id is not null), 0) || ' / '
             || coalesce(sum(a.amount_fen) filter (where a.credit_line_id is not null), 0) as detail
    from bills b left join allocations a on a.bill_id = b.id
    group by b.id
    having b.paid_fen <> coalesce(sum(a.amount_fen) filter (where a.payment_id is not null), 0)
      or b.credited_fen <> coalesce(sum(a.amount_fen) filter (where a.credit_line_id is not null), 0)
      or b.paid_fen + b.credited_fen > b.charges_fen
      or b.status <> case
        when b.charges_fen = 0 then 'credited'
        when b.paid_fen + b.credited_fen >= b.charges_fen then case when b.paid_fen > 0 then 'paid' else 'credited' end
        when b.paid_fen + b.credited_fen > 0 then 'partially_paid' else 'open' end`,
  line_settled: sql`
    select l.id, 'line ' || l.total_fen || ' settled ' || coalesce(sum(a.amount_fen), 0) as detail
    from bill_lines l join allocations a on a.bill_line_id = l.id
    group by l.id having coalesce(sum(a.amount_fen), 0) not between 0 and greatest(l.total_fen, 0)`,
  credit_line_applied: sql`
    select l.id, 'credit ' || -l.total_fen || ' applied ' || sum(a.amount_fen) as detail
    from bill_lines l join allocations a on a.credit_line_id = l.id
    group by l.id having sum(a.amount_fen) not between 0 and -l.total_fen`,
  payment_allocated: sql`
    select p.id, p.number || ': ' || p.status || ' amount ' || p.amount_fen || ' allocated ' || p.allocated_fen
             || ', allocations ' || coalesce(sum(a.amount_fen), 0) as detail
    from payments p left join allocations a on a.payment_id = p.id
    group by p.id
    having p.allocated_fen <> coalesce(sum(a.amount_fen), 0) or p.allocated_fen not between 0 and p.amount_fen
      or (p.status = 'reversed' and p.allocated_fen <> 0)`,
  line_of_bill: sql`
    select l.id, coalesce('line of ' || b.number || ' names another customer, contract or organization',
                          'line without its bill') as detail
    from bill_lines l left join bills b on b.id = l.bill_id
    where b.id is null or l.customer_id <> b.customer_id or l.org_id <> b.org_id
      or l.contract_id is distinct from b.contract_id`,
  bill_customer: sql`
    select b.id, b.number || ': customer is not its contract''s or does not exist' as detail
    from bills b left join customers cu on cu.id = b.customer_id left join contracts c on c.id = b.contract_id
    where cu.id is null or (b.contract_id is not null and c.customer_id <> b.customer_id)`,
  billed_twice: sql`
    select min(l.id::text)::uuid as id, l.charge_type || ' ' || l.period_start || ' seq ' || l.seq || ' billed '
             || count(*) || ' times' as detail
    from bill_lines l where l.kind in ('charge', 'adjustment', 'correction')
    group by l.contract_id, l.charge_type, l.unit_id, l.name, l.period_start, l.seq having count(*) > 1
    union all
    select p.id, 'planned ' || p.charge_type || ' ' || p.period_start || ' seq ' || p.seq || ' is already issued'
    from charge_plan p join bill_lines l on l.contract_id = p.contract_id and l.charge_type = p.charge_type
      and l.unit_id is not distinct from p.unit_id and l.name = p.name and l.period_start = p.period_start
      and l.seq = p.seq`,
  // Nothing is posted into closed days after they were closed (a reopening makes them open again).
  posted_in_closed_period: sql`
    with lock as (select locked_through, created_at from period_locks order by id desc limit 1)
    select l.id, 'line posted ' || l.posting_date || ' after the books were closed' as detail
    from bill_lines l, lock where l.posting_date <= lock.locked_through and l.created_at > lock.created_at
    union all
    select p.id, 'payment received ' || p.received_on || ' recorded after the books were closed'
    from payments p, lock where p.received_on <= lock.locked_through and p.created_at > lock.created_at
    union all
    select a.id, 'allocation posted ' || a.posting_date || ' after the books were closed'
    from allocations a, lock where a.posting_date <= lock.locked_through and a.created_at > lock.created_at`,
  // An invoice adds up to the lines it covers, each an issued line of its own customer.
  invoice_lines: sql`
    select i.id, 'invoice ' || i.number || ' does not add up to its lines or covers a line not its customer''s'
    from invoices i
    where i.total_fen <> (select coalesce(sum(x.total_fen), 0) from invoice_lines x where x.invoice_id = i.id)
       or exists (select 1 from invoice_lines x left join bill_lines l on l.id = x.bill_line_id
                  where x.invoice_id = i.id and (l.id is null or l.customer_id <> i.customer_id
                                                 or l.total_fen <> x.total_fen))`,
};

export async function findProblems(tx: Tx): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const [check, query] of Object.entries(CHECKS)) {
    for (const r of await rows<{ id: string; detail: string }>(tx, query)) out.push({ check, ...r });
  }
  return out;
}
