import { sql } from 'drizzle-orm';
import { addDays, maxDate } from '../../../common/dates.ts';
import { raiseChargeRequest, recordInvoice, recordPayment, runBilling } from '../../modules/billing/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';

/**
 * The demo's receivables: the billing run replayed on each day before today a charge fell due for issue,
 * so bills carry their real issue dates and months, then the payments a tenant of good standing makes
 * before each due date. Today's run is left to finance (the lease signed today has its deposit to bill).
 * Two stories stay open: one tenant has not paid its latest overdue bill, another paid half of it.
 */
export async function seedDemoBilling(ctx: Ctx, today: string, users: Record<string, string>) {
  const days = await rows<{ day: string }>(
    ctx.tx,
    sql`select distinct issue_date::text as day from charge_plan where issue_date < ${today} order by 1`,
  );
  for (const { day } of days) {
    await runBilling({ orgId: ctx.orgId, runId: newId(), inOrg: (fn) => fn(ctx) }, day);
  }
  const bills = await rows<{
    id: string;
    customerId: string;
    dueDate: string;
    issuedOn: string;
    totalFen: number;
  }>(
    ctx.tx,
    sql`select id, customer_id as "customerId", due_date::text as "dueDate", issued_on::text as "issuedOn",
          charges_fen as "totalFen"
        from bills where status = 'open' order by due_date, number`,
  );
  // The latest overdue bill of two customers stays (part) unpaid.
  const overdue = bills.filter((b) => b.dueDate < today);
  const customers = [...new Set(overdue.map((b) => b.customerId))];
  const latest = (customerId: string) => overdue.filter((b) => b.customerId === customerId).at(-1)?.id;
  const [unpaid, halfPaid] = [latest(customers[0] ?? ''), latest(customers[1] ?? '')];
  let moment = new Date();
  const finance: Ctx = {
    ...ctx,
    actor: { kind: 'user', id: users.finance!, roles: ['finance'] },
    clock: () => moment,
  };
  for (const b of overdue) {
    if (b.id === unpaid) continue;
    const receivedOn = maxDate(b.issuedOn, addDays(b.dueDate, -1));
    moment = new Date(`${receivedOn}T15:00:00+08:00`);
    await recordPayment(
      finance,
      {
        customerId: b.customerId,
        amountFen: b.id === halfPaid ? Math.round(b.totalFen / 2) : b.totalFen,
        receivedOn,
        method: 'bank_transfer',
        reference: `DEMO-${b.id.slice(-8).toUpperCase()}`,
        payerName: null,
        idempotencyKey: `demo-${b.id}`,
        allocation: { mode: 'auto' },
      },
      today,
    );
  }

  moment = new Date();
  await seedDemoDesk(ctx, today, users, finance);
}

/**
 * What finance finds waiting on its desk: a repair the service desk charged, for approval, and the
 * invoice recorded for the first bill paid in full.
 */
async function seedDemoDesk(ctx: Ctx, today: string, users: Record<string, string>, finance: Ctx) {
  const [active] = await rows<{ id: string }>(
    ctx.tx,
    sql`select id from contracts where status = 'active' order by number limit 1`,
  );
  if (active) {
    const service: Ctx = { ...ctx, actor: { kind: 'user', id: users.service!, roles: ['service'] } };
    await raiseChargeRequest(
      service,
      {
        kind: 'one_off',
        contractId: active.id,
        unitId: null,
        name: '空调维修',
        periodStart: today,
        periodEnd: today,
        dueDate: addDays(today, 7),
        totalFen: 86_000,
        vatRate: '0.13',
        reason: '客户报修：空调不制冷，更换压缩机',
      },
      today,
    );
  }
  const [paid] = await rows<{ customerId: string; issuedOn: string; lineIds: string[] }>(
    ctx.tx,
    sql`select b.customer_id as "customerId", b.issued_on::text as "issuedOn",
          array_agg(l.id::text order by l.id) as "lineIds"
        from bills b join bill_lines l on l.bill_id = b.id
        where b.status = 'paid'
        group by b.id order by b.due_date, b.number limit 1`,
  );
  if (paid)
    await recordInvoice(
      finance,
      {
        customerId: paid.customerId,
        type: 'special',
        number: `${paid.issuedOn.replaceAll('-', '').slice(2)}31000000000001`,
        issuedOn: paid.issuedOn,
        lineIds: paid.lineIds,
        note: null,
      },
      today,
    );
}
