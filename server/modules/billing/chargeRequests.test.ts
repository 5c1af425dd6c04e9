import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';
import { issuedKeys } from './repo.ts';

/**
 * Charges raised by hand (R5.2.1, R5.2.2; issue 7 "issued lines are never edited" and "one-off charges"):
 * one-off charges always wait for finance; corrections wait above the organization's threshold.
 */
let h: Harness;
const s: Staff = {} as never;
let service: Session;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);

let customerId: string;
let contractId: string;
let unitId: string;
/** The first bill's rent line and its total. */
let rentLine: { id: string; billId: string; totalFen: number };
let depositLineId: string;

const raise = (who: Session, body: Record<string, unknown>) =>
  h.call(who, 'POST', '/api/v1/charge-requests', body);
const act = (who: Session, id: string, action: string, body: unknown = {}) =>
  h.call(who, 'POST', `/api/v1/charge-requests/${id}/${action}`, body);
const repair = (extra: Record<string, unknown> = {}) => ({
  kind: 'one_off',
  contractId,
  unitId,
  name: '空调维修',
  periodStart: today,
  periodEnd: today,
  dueDate: addDays(today, 10),
  totalFen: 113_000,
  vatRate: '0.13',
  reason: '客户报修：更换空调压缩机',
  ...extra,
});
const balance = async () =>
  (await h.call(s.finance, 'GET', `/api/v1/customers/${customerId}/balance`)).json() as {
    outstandingFen: number;
    creditFen: number;
  };
const bill = async (id: string) => (await h.call(s.finance, 'GET', `/api/v1/bills/${id}`)).json();

beforeAll(async () => {
  h = await testApp({ LOG_LEVEL: 'error' });
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  service = await h.login('service');
  const [unit] = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=1`)
  ).json().items;
  unitId = unit.id;
  const a = await t.admitted('调整测试有限公司', [unit.id], today, 12);
  customerId = a.customerId;
  const c = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId,
    applicationId: a.applicationId,
    terms: t.terms([unit.id], today, 12, {
      billingCycleMonths: 1,
      rentFree: [],
      escalations: [],
      otherCharges: [],
      deposit: { amountFen: 3_000_000 },
    }),
  });
  expect(c.statusCode, c.body).toBe(201);
  contractId = c.json().id;
  await t.sign(contractId);
  const run = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf: today });
  expect(run.json().status, run.body).toBe('succeeded');
  const [first] = (await h.call(s.finance, 'GET', `/api/v1/bills?customerId=${customerId}`)).json().items;
  const lines = (await bill(first.id)).lines as { id: string; chargeType: string; totalFen: number }[];
  const rent = lines.find((l) => l.chargeType === 'rent')!;
  rentLine = { id: rent.id, billId: first.id, totalFen: rent.totalFen };
  depositLineId = lines.find((l) => l.chargeType === 'deposit')!.id;
});
afterAll(() => h?.close());

describe('one-off charges', () => {
  it('waits for finance, then is posted as a bill of its own with net and tax split half up', async () => {
    const r = await raise(service, repair());
    expect(r.statusCode, r.body).toBe(201);
    const req = r.json();
    expect(req).toMatchObject({
      kind: 'one_off',
      status: 'pending',
      needsApproval: true,
      chargeType: 'one_off',
      // 1,130.00 at 13%: net 1,000.00, tax 130.00.
      netFen: 100_000,
      taxFen: 13_000,
      totalFen: 113_000,
      unitCode: expect.any(String),
      billId: null,
    });
    expect(req.number).toMatch(new RegExp(`^TZ-${today.slice(0, 4)}-\\d{6}$`));
    // Nothing billed while it waits; service staff cannot approve.
    expect((await balance()).outstandingFen).toBeGreaterThan(0);
    const before = await balance();
    expect((await act(service, req.id, 'approve')).statusCode).toBe(403);

    const ok = await act(s.finance, req.id, 'approve', { note: '已核实维修单' });
    expect(ok.statusCode, ok.body).toBe(200);
    const posted = ok.json();
    expect(posted).toMatchObject({ status: 'posted', postedOn: today, decisionNote: '已核实维修单' });
    expect(posted.billNumber).toMatch(/^ZD-\d{6}-\d{6}$/);
    const b = await bill(posted.billId);
    expect(b).toMatchObject({
      dueDate: addDays(today, 10),
      issuedOn: today,
      totalFen: 113_000,
      status: 'open',
    });
    expect(b.lines).toEqual([
      expect.objectContaining({
        kind: 'charge',
        chargeType: 'one_off',
        name: '空调维修',
        netFen: 100_000,
        taxFen: 13_000,
        totalFen: 113_000,
        vatRate: '0.1300',
        reason: '客户报修：更换空调压缩机',
      }),
    ]);
    expect((await balance()).outstandingFen).toBe(before.outstandingFen + 113_000);
    // Decided once: a second approval is refused.
    const again = await act(s.admin, req.id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHARGE_REQUEST_TRANSITION_INVALID');
  });

  it('is never approved by whoever raised it', async () => {
    const req = (await raise(s.finance, repair({ name: '加班空调' }))).json();
    const self = await act(s.finance, req.id, 'approve');
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('CHARGE_REQUEST_SELF_APPROVAL');
    expect((await act(s.admin, req.id, 'approve')).json().status).toBe('posted');
  });

  it('is rejected with a reason, or withdrawn by whoever raised it; neither bills anything', async () => {
    const before = await balance();
    const a = (await raise(s.business, repair({ name: '保洁服务' }))).json();
    const noNote = await act(s.finance, a.id, 'reject', {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error).toMatchObject({ code: 'CHARGE_REQUEST_NOTE_REQUIRED', field: 'note' });
    const rejected = await act(s.finance, a.id, 'reject', { note: '合同已含保洁' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '合同已含保洁', billId: null });

    const b = (await raise(s.business, repair({ name: '搬运服务' }))).json();
    const notYours = await act(service, b.id, 'cancel');
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe('CHARGE_REQUEST_NOT_YOURS');
    expect((await act(s.business, b.id, 'cancel')).json().status).toBe('cancelled');
    expect(await balance()).toEqual(before);
  });

  it('refuses what cannot be billed, naming the field, and writes nothing', async () => {
    const count = async () =>
      (
        await h.db.asSystem((tx) =>
          rows<{ n: number }>(tx, sql`select count(*)::int as n from charge_requests`),
        )
      )[0]!.n;
    const n = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueDate: addDays(today, -1) }, 'CHARGE_DUE_IN_PAST', 'dueDate'],
      [{ periodEnd: addDays(today, -1) }, 'CHARGE_PERIOD_INVALID', 'periodEnd'],
      [{ unitId: '00000000-0000-7000-8000-000000000001' }, 'CHARGE_UNIT_NOT_IN_CONTRACT', 'unitId'],
    ];
    for (const [extra, code, field] of cases) {
      const r = await raise(s.business, repair(extra));
      expect(r.statusCode, code).toBe(400);
      expect(r.json().error).toMatchObject({ code, field });
    }
    const zero = await raise(s.business, repair({ totalFen: 0 }));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.field).toBe('totalFen');
    const zh = await raise(s.business, repair({ name: '' }));
    expect(zh.json().error.message).toContain('name');
    expect(await count()).toBe(n);
  });
});

describe('corrections of issued lines', () => {
  it('posts a waiver at or under the threshold at once, as a credit that settles the line it corrects', async () => {
    const before = await balance();
    const r = await raise(s.business, {
      kind: 'correction',
      lineId: rentLine.id,
      totalFen: -50_000,
      reason: '空调故障减免三天租金',
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({
      status: 'posted',
      needsApproval: false,
      chargeType: 'rent',
      totalFen: -50_000,
      corrects: { lineId: rentLine.id, billId: rentLine.billId },
    });
    // Tax-inclusive at the line's 9%: net -45,872 (half up on the magnitude), tax -4,128.
    expect(c).toMatchObject({ netFen: -45_872, taxFen: -4_128, vatRate: '0.0900' });
    const credit = await bill(c.billId);
    expect(credit.status).toBe('credited');
    expect(credit.lines[0]).toMatchObject({
      kind: 'correction',
      totalFen: -50_000,
      reason: '空调故障减免三天租金',
    });
    const corrected = (await bill(rentLine.billId)).lines.find((l: { id: string }) => l.id === rentLine.id);
    expect(corrected.outstandingFen).toBe(rentLine.totalFen - 50_000);
    expect((await balance()).outstandingFen).toBe(before.outstandingFen - 50_000);
  });

  it('waits for finance above the threshold, either way', async () => {
    const big = (
      await raise(s.business, {
        kind: 'correction',
        lineId: rentLine.id,
        totalFen: 100_001,
        reason: '少计面积补收',
      })
    ).json();
    expect(big).toMatchObject({ status: 'pending', needsApproval: true, billId: null });
    const posted = (await act(s.finance, big.id, 'approve')).json();
    expect(posted.status).toBe('posted');
    expect((await bill(posted.billId)).lines[0]).toMatchObject({ kind: 'correction', totalFen: 100_001 });
  });

  it('cannot take an item below zero, nor correct a deposit', async () => {
    const current = rentLine.totalFen - 50_000 + 100_001;
    const over = await raise(s.finance, {
      kind: 'correction',
      lineId: rentLine.id,
      totalFen: -(current + 1),
      reason: '全免',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'CHARGE_CORRECTION_EXCEEDS', field: 'totalFen' });
    expect(over.json().error.message).toContain((current / 100).toFixed(2));
    const deposit = await raise(s.finance, {
      kind: 'correction',
      lineId: depositLineId,
      totalFen: -100,
      reason: '押金减免',
    });
    expect(deposit.statusCode).toBe(409);
    expect(deposit.json().error).toMatchObject({ code: 'CHARGE_LINE_NOT_CORRECTABLE', field: 'lineId' });
  });

  it('stands apart from the schedule: a redrawn plan neither undoes nor repeats a correction', async () => {
    const keys = await h.db.inOrg(h.orgs.demo, (tx) => issuedKeys(tx, contractId));
    const rent = keys.find((k) => k.chargeType === 'rent' && k.periodStart === today)!;
    // The sums the schedule is compared with are the original charge's; the seq counts the corrections.
    expect(rent.totalFen).toBe(rentLine.totalFen);
    expect(rent.maxSeq).toBe(2);
  });
});

describe('lists and isolation', () => {
  it('lists requests by status, newest first, and hides them from another organization', async () => {
    const pending = (await raise(service, repair({ name: '门禁卡补办' }))).json();
    const list = await h.call(
      s.finance,
      'GET',
      `/api/v1/charge-requests?status=pending&customerId=${customerId}`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([pending.id]);
    const all = (
      await h.call(s.finance, 'GET', `/api/v1/charge-requests?contractId=${contractId}&limit=2`)
    ).json();
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/charge-requests/${pending.id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', '/api/v1/charge-requests')).json().items).toEqual([]);
    expect((await act(other, pending.id, 'approve')).statusCode).toBe(404);
  });

  it('keeps an audit trail on the customer’s timeline', async () => {
    const audit = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ action: string }>(
        tx,
        sql`select action from audit_log where entity_type = 'charge_request' and customer_id = ${customerId}`,
      ),
    );
    const actions = audit.map((a) => a.action);
    for (const a of [
      'charge_request.raise_one_off',
      'charge_request.raise_correction',
      'charge_request.post',
      'charge_request.reject',
      'charge_request.cancel',
    ])
      expect(actions).toContain(a);
  });
});
