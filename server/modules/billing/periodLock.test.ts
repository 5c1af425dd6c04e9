import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { checkIntegrity } from './index.ts';

/** Closing the books (issue 7: "finance can close a month (a lock date)"; R5.1.3). */
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const yesterday = addDays(today, -1);
const t = contractHelpers(() => h, s, today);
let customerId: string;
let key = 0;
const pay = (receivedOn: string, idempotencyKey = `lock-${++key}-${Math.random()}`) =>
  h.call(s.finance, 'POST', '/api/v1/payments', {
    customerId,
    amountFen: 10_000,
    receivedOn,
    method: 'cash',
    idempotencyKey,
  });
const close = (who: keyof Staff, body: Record<string, unknown>) =>
  h.call(s[who], 'POST', '/api/v1/billing/period-lock', body);

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  customerId = await t.customer('关账测试有限公司');
});
afterAll(() => h?.close());

describe('closing the books', () => {
  let early: { id: string };
  const earlyKey = `lock-early-${Math.random()}`;

  it('lets finance close through a past day, not today, and not business', async () => {
    early = (await pay(addDays(today, -3), earlyKey)).json();
    expect((await close('business', { lockedThrough: yesterday })).statusCode).toBe(403);
    const now = await close('finance', { lockedThrough: today });
    expect(now.statusCode).toBe(400);
    expect(now.json().error).toMatchObject({ code: 'BILLING_CLOSE_NOT_PAST', field: 'lockedThrough' });
    const r = await close('finance', { lockedThrough: yesterday });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ lockedThrough: yesterday, history: [{ lockedThrough: yesterday }] });
    const seen = await h.call(s.business, 'GET', '/api/v1/billing/period-lock');
    expect(seen.json().lockedThrough).toBe(yesterday);
  });

  it('refuses payments, reversals and billing runs dated in closed days, naming the field', async () => {
    const p = await pay(yesterday);
    expect(p.statusCode).toBe(409);
    expect(p.json().error).toMatchObject({ code: 'BILLING_PERIOD_CLOSED', field: 'receivedOn' });
    expect(p.json().error.message).toContain(yesterday);
    expect((await pay(today)).statusCode).toBe(201);
    // A request repeated with its key still finds the payment it recorded before the closing.
    const again = await pay(addDays(today, -3), earlyKey);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(early.id);
    const rev = await h.call(s.finance, 'POST', `/api/v1/payments/${early.id}/reverse`, {
      reason: '退票',
      reversedOn: yesterday,
    });
    expect(rev.json().error).toMatchObject({ code: 'BILLING_PERIOD_CLOSED', field: 'reversedOn' });
    const ok = await h.call(s.finance, 'POST', `/api/v1/payments/${early.id}/reverse`, {
      reason: '退票',
      reversedOn: today,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const run = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf: yesterday });
    expect(run.statusCode).toBe(409);
    expect(run.json().error).toMatchObject({ code: 'BILLING_PERIOD_CLOSED', field: 'asOf' });
  });

  it('reopens only for an administrator, with a reason, and keeps the history', async () => {
    const back = addDays(today, -10);
    const byFinance = await close('finance', { lockedThrough: back, reason: '补录' });
    expect(byFinance.statusCode).toBe(403);
    expect(byFinance.json().error.code).toBe('BILLING_REOPEN_ADMIN_ONLY');
    const noReason = await close('admin', { lockedThrough: back });
    expect(noReason.json().error).toMatchObject({ code: 'BILLING_REOPEN_REASON_REQUIRED', field: 'reason' });
    const r = await close('admin', { lockedThrough: back, reason: '补录银行回单' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().history.map((x: { lockedThrough: string }) => x.lockedThrough)).toEqual([
      back,
      yesterday,
    ]);
    expect((await pay(yesterday)).statusCode).toBe(201);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', '/api/v1/billing/period-lock')).json().lockedThrough).toBeNull();
  });

  it('the integrity check finds anything posted into closed days after the closing', async () => {
    const found = await h.db
      .inOrg(h.orgs.demo, async (tx) => {
        // The books closed through today, then a payment dated today written behind the use-cases' back.
        await tx.execute(sql`insert into period_locks (id, org_id, locked_through)
                             values (tenantry_uuid7(), ${h.orgs.demo}, ${today})`);
        await tx.execute(sql`insert into payments (id, org_id, number, customer_id, amount_fen, received_on,
                               method, idempotency_key, allocated_fen, created_at)
                             values (gen_random_uuid(), ${h.orgs.demo}, 'SK-PLANTED', ${customerId}, 1, ${today},
                               'cash', 'planted', 0, now() + interval '1 minute')`);
        const problems = await checkIntegrity({ tx });
        throw Object.assign(new Error('rollback'), { problems });
      })
      .catch((e: { problems?: { check: string }[] }) => e.problems ?? []);
    expect(found.map((p) => p.check)).toContain('posted_in_closed_period');
    expect(await h.db.inOrg(h.orgs.demo, (tx) => checkIntegrity({ tx }))).toEqual([]);
  });
});
