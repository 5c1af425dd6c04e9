import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { systemCtx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { seedDemoBilling } from './demoBilling.ts';
import { seedDemoContracts } from './demoContracts.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h?.close());

describe('demo contracts (issue 6)', () => {
  it('puts a contract in every state, with an amendment, a violation, a termination and a holding-over', async () => {
    const today = todayIn('Asia/Shanghai');
    const users = Object.fromEntries(
      await Promise.all(['business', 'admin', 'management'].map(async (u) => [u, (await h.login(u)).userId])),
    );
    await h.db.inOrg(h.orgs.demo, (tx) =>
      seedDemoContracts(systemCtx(tx, h.orgs.demo), today, users, h.deps.files),
    );
    const states = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ status: string; holdingOver: boolean; versions: number; violations: number; movedOut: boolean }>(
        tx,
        sql`select c.status, c.holding_over as "holdingOver",
                   (select count(*)::int from contract_versions v where v.contract_id = c.id and v.status = 'in_force') as versions,
                   (select count(*)::int from contract_violations v where v.contract_id = c.id) as violations,
                   c.moved_out_on is not null as "movedOut"
              from contracts c order by c.number`,
      ),
    );
    expect(states.map((s) => s.status).sort()).toEqual(
      [
        'active',
        'active',
        'active',
        'active',
        'cancelled',
        'draft',
        'expired',
        'pending_signature',
        'signed',
        'terminated',
      ].sort(),
    );
    expect(states.filter((s) => s.versions === 2)).toHaveLength(1);
    expect(states.filter((s) => s.violations === 1)).toHaveLength(1);
    expect(states.find((s) => s.status === 'terminated')?.movedOut).toBe(true);
    expect(states.find((s) => s.status === 'expired')?.holdingOver).toBe(true);
    const s = await h.login('business');
    // One lease ends in about six weeks: on the expiring list and already reminded at the 60-day step.
    const expiring = (
      await h.call(s, 'GET', `/api/v1/contracts?expiringBefore=${addDays(today, 60)}`)
    ).json();
    expect(expiring.items).toHaveLength(1);
    expect(expiring.items[0].daysToEnd).toBeGreaterThan(30);
    const reminded = (await h.call(s, 'GET', `/api/v1/contracts/${expiring.items[0].id}`)).json();
    expect(reminded.events.map((e: { kind: string }) => e.kind)).toContain('expiry_reminder');
    // The demo's contracts carry the template's clauses, merged on the page.
    const html = (
      await h.call(s, 'GET', `/api/v1/documents/lease-contract/${expiring.items[0].id}?format=html`)
    ).body;
    expect(html).toContain('第六条 逾期付款违约责任');
    expect(html).not.toContain('{{');
    const ledger = (await h.call(s, 'GET', '/api/v1/contract-ledger?limit=20')).json();
    expect(ledger.items.flatMap((e: { events: { kind: string }[] }) => e.events.map((x) => x.kind))).toEqual(
      expect.arrayContaining([
        'signed',
        'handed_over',
        'amended',
        'violation',
        'terminated',
        'moved_out',
        'expired',
        'cancelled',
      ]),
    );
  });

  it('bills the demo history on its own issue days, paid on time but for two stories finance chases', async () => {
    const today = todayIn('Asia/Shanghai');
    const users = Object.fromEntries(
      await Promise.all(['finance', 'service'].map(async (u) => [u, (await h.login(u)).userId])),
    );
    await h.db.inOrg(h.orgs.demo, (tx) => seedDemoBilling(systemCtx(tx, h.orgs.demo), today, users));
    const bills = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ status: string; due: string; issued: string; number: string }>(
        tx,
        sql`select status, due_date::text as due, issued_on::text as issued, number from bills order by due_date`,
      ),
    );
    const overdue = bills.filter((b) => b.due < today);
    expect(overdue.length).toBeGreaterThan(5);
    expect(overdue.filter((b) => b.status === 'open')).toHaveLength(1);
    expect(overdue.filter((b) => b.status === 'partially_paid')).toHaveLength(1);
    expect(overdue.filter((b) => b.status === 'paid').length).toBe(overdue.length - 2);
    // Issued on their own days, numbered in their own months, not all today.
    expect(new Set(bills.map((b) => b.issued)).size).toBeGreaterThan(3);
    expect(bills.every((b) => b.issued < today)).toBe(true);
    // Today's run is finance's: the lease signed today has its deposit to bill.
    const preview = (
      await h.call(await h.login('finance'), 'GET', `/api/v1/billing/preview?asOf=${today}`)
    ).json();
    expect(preview.bills).toBeGreaterThan(0);
    for (const b of bills) expect(b.number.slice(3, 9)).toBe(b.issued.slice(0, 4) + b.issued.slice(5, 7));
    // On finance's desk: a repair charge to approve, and the invoice of the first bill paid.
    const desk = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ what: string; status: string }>(
        tx,
        sql`select 'charge' as what, status from charge_requests
            union all select 'invoice', status from invoices`,
      ),
    );
    expect(desk).toEqual(
      expect.arrayContaining([
        { what: 'charge', status: 'pending' },
        { what: 'invoice', status: 'issued' },
      ]),
    );
  });
});
