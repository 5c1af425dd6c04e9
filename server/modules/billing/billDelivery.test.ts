import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';

/** Bills go to the customer's finance contact through the outbox, with the PDF (issue 7, Bills). */
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
const mailOf = (billId: string) =>
  h.db.inOrg(h.orgs.demo, (tx) =>
    rows<{ to: string[]; subject: string; text: string; attachments: { kind: string; id: string }[] }>(
      tx,
      sql`select "to", subject, text, attachments from outbox where entity_type = 'bill' and entity_id = ${billId}`,
    ),
  );
const deliver = async (asOf: string) => {
  const r = await h.call(s.admin, 'POST', '/api/v1/jobs/bill-delivery/runs', { asOf });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().status, r.body).toBe('succeeded');
  return r.json().counts as { queued: number; unaddressed: number };
};

async function billedCustomer(name: string, unitId: string, email: string | null) {
  const a = await t.admitted(name, [unitId], today, 12);
  if (email) {
    const c = await h.call(s.business, 'POST', `/api/v1/customers/${a.customerId}/contacts`, {
      name: '财务李娜',
      mobile: '13900139001',
      email,
      roles: ['finance'],
    });
    expect(c.statusCode, c.body).toBe(201);
  }
  const c = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([unitId], today, 12, { billingCycleMonths: 1, rentFree: [], escalations: [] }),
  });
  expect(c.statusCode, c.body).toBe(201);
  await t.sign(c.json().id);
  return { customerId: a.customerId, contractId: c.json().id as string };
}

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
});
afterAll(() => h?.close());

describe('sending bills', () => {
  it('queues each new bill once, to the finance contact, with its PDF; a customer without e-mail waits', async () => {
    const units = (
      await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=2`)
    ).json().items;
    const withMail = await billedCustomer('发送账单测试有限公司', units[0].id, 'ap@fasong.example.cn');
    const without = await billedCustomer('无邮箱账单测试有限公司', units[1].id, null);
    const run = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf: today });
    expect(run.json().status, run.body).toBe('succeeded');
    const [bill] = (await h.call(s.finance, 'GET', `/api/v1/bills?contractId=${withMail.contractId}`)).json()
      .items;
    const [waiting] = (
      await h.call(s.finance, 'GET', `/api/v1/bills?contractId=${without.contractId}`)
    ).json().items;
    expect(bill.sentAt).toBeNull();

    const first = await deliver(today);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect(first.unaddressed).toBeGreaterThanOrEqual(1);
    const mail = await mailOf(bill.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['ap@fasong.example.cn']);
    expect(mail[0]!.subject).toContain(bill.number);
    expect(mail[0]!.text).toContain('财务李娜');
    expect(mail[0]!.text).toContain((bill.totalFen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    expect(mail[0]!.attachments).toEqual([expect.objectContaining({ kind: 'bill', id: bill.id })]);
    const seen = (await h.call(s.finance, 'GET', `/api/v1/bills/${bill.id}`)).json();
    expect(seen).toMatchObject({ sentTo: 'ap@fasong.example.cn' });
    expect(seen.sentAt).not.toBeNull();
    expect(await mailOf(waiting.id)).toEqual([]);

    // Re-running sends nothing twice; once the customer has an address, its bill goes out.
    expect((await deliver(today)).queued).toBe(0);
    await h.call(s.business, 'POST', `/api/v1/customers/${without.customerId}/contacts`, {
      name: '出纳周强',
      mobile: '13900139002',
      email: 'cashier@wuyouxiang.example.cn',
      isPrimary: true,
    });
    expect((await deliver(today)).queued).toBe(1);
    expect((await mailOf(waiting.id))[0]!.to).toEqual(['cashier@wuyouxiang.example.cn']);
    expect(await mailOf(bill.id)).toHaveLength(1);
    // Bills issued long before the date are not e-mailed by the job.
    expect((await deliver(addDays(today, 40))).queued).toBe(0);
  });

  it('sends one bill again from its page, for finance only', async () => {
    const [bill] = (await h.call(s.finance, 'GET', '/api/v1/bills?q=发送账单测试')).json().items;
    expect((await h.call(s.business, 'POST', `/api/v1/bills/${bill.id}/send`)).statusCode).toBe(403);
    const r = await h.call(s.finance, 'POST', `/api/v1/bills/${bill.id}/send`);
    expect(r.statusCode, r.body).toBe(200);
    expect(await mailOf(bill.id)).toHaveLength(2);
    const [audit] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ action: string }>(tx, sql`select action from audit_log where entity_id = ${bill.id}`),
    );
    expect(audit?.action).toBe('bill.send');
  });
});
