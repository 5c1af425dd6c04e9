import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';
import { runJob } from '../../platform/jobs/runner.ts';

let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
let units: { id: string; code: string }[] = [];

const get = async (id: string) => (await h.call(s.business, 'GET', `/api/v1/contracts/${id}`)).json();
const unitStatus = async (unitId: string, asOf: string) =>
  (await h.call(s.business, 'GET', `/api/v1/units/${unitId}?asOf=${asOf}`)).json().status;
const customerStatus = async (id: string) =>
  (await h.call(s.business, 'GET', `/api/v1/customers/${id}`)).json().status;
/** The dashboard's contract figures, as management sees them. */
const overview = async () => {
  const r = await h.call(s.management, 'GET', '/api/v1/contracts/overview');
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const run = (name: string, date: string) =>
  runJob(h.db, h.deps.jobs.get(name)!, { orgId: h.orgs.demo, businessDate: date, trigger: 'manual' });
const notes = (userId: string, contractId: string) =>
  h.db.inOrg(h.orgs.demo, async (tx) =>
    (
      await rows<{ title: { 'zh-CN': string } }>(
        tx,
        sql`select title from notifications where user_id = ${userId} and entity_id = ${contractId} order by created_at`,
      )
    ).map((n) => n.title['zh-CN']),
  );

/** A signed lease from an approved application, starting today; handed over when asked. */
async function lease(name: string, unit: number, months = 24, handOver = true) {
  const a = await t.admitted(name, [units[unit]!.id], today);
  const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
    ...a,
    terms: t.terms([units[unit]!.id], today, months, months <= 12 ? { escalations: [] } : {}),
  });
  expect(r.statusCode, r.body).toBe(201);
  const c = await t.sign(r.json().id);
  if (handOver) await handOverOn(c.id, today);
  return { ...c, customerId: a.customerId };
}

/** A lease signed months ago (an administrator's contract without an application). */
async function olderLease(name: string, unit: number, startedMonthsAgo: number, handOver = false) {
  const customerId = await t.customer(name);
  const start = addMonths(today, -startedMonthsAgo);
  const r = await h.call(s.admin, 'POST', '/api/v1/contracts', {
    customerId,
    noApplicationReason: '系统上线前签订',
    terms: t.terms([units[unit]!.id], start, 24, { rentFree: [], escalations: [] }),
  });
  expect(r.statusCode, r.body).toBe(201);
  const c = await t.sign(r.json().id, start);
  if (handOver) await handOverOn(c.id, start);
  return { ...c, customerId };
}

async function handOverOn(id: string, day: string) {
  const x = await t.post(s.business, id, 'handover', {
    handedOverOn: day,
    facilities: [],
    keys: [{ label: '钥匙', count: 1 }],
    meterReadings: [],
    lessorConfirmedBy: '王经理',
    customerConfirmedBy: '客户',
  });
  expect(x.statusCode, x.body).toBe(200);
}

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  units = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=30`)
  ).json().items;
  expect(units.length).toBeGreaterThanOrEqual(12);
});
afterAll(() => h?.close());

describe('amendments (R3.3.1)', () => {
  let c: { id: string; terms: Record<string, unknown>; endDate: string };
  const later = () => addMonths(today, 3);

  it('are proposed with the signed agreement and keep the original start date', async () => {
    c = await lease('思明变更测试有限公司', 0);
    const agreementFileId = await t.upload(c.id, 'amendment');
    const moved = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: later(),
      reason: '延长租期',
      terms: { ...c.terms, startDate: addDays(today, 1) },
      agreementFileId,
    });
    expect(moved.json().error).toMatchObject({
      code: 'CONTRACT_AMENDMENT_START_FIXED',
      field: 'terms.startDate',
    });
    const offCycle = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: addDays(addMonths(today, 1), 1),
      reason: '改为月付',
      terms: { ...c.terms, billingCycleMonths: 1 },
      agreementFileId,
    });
    expect(offCycle.json().error).toMatchObject({
      code: 'CONTRACT_CYCLE_CHANGE_BOUNDARY',
      field: 'effectiveFrom',
      message: expect.stringContaining(addMonths(today, 3)),
    });
    const taken = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: later(),
      reason: '增租',
      terms: { ...c.terms, units: [{ unitId: units[0]!.id }, { unitId: units[1]!.id }] },
      agreementFileId,
    });
    expect(taken.statusCode, taken.body).toBe(200); // units[1] is free: proposing is fine
    expect((await get(c.id)).versions.map((v: { status: string }) => v.status)).toEqual([
      'in_force',
      'pending',
    ]);
    expect((await overview()).pendingAmendments).toBe(1);
    const second = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: later(),
      reason: 'x',
      terms: c.terms,
      agreementFileId,
    });
    expect(second.json().error.code).toBe('CONTRACT_AMENDMENT_PENDING');
    // Management turns it down: nothing changes.
    expect(
      (await t.post(s.business, c.id, 'amendments/2/decision', { decision: 'approve' })).statusCode,
    ).toBe(403);
    const rejected = await t.post(s.management, c.id, 'amendments/2/decision', {
      decision: 'reject',
      comment: '增租需重新审批',
    });
    expect(rejected.json().versions[1]).toMatchObject({
      status: 'rejected',
      decisionComment: '增租需重新审批',
    });
    expect(await unitStatus(units[1]!.id, later())).toBe('vacant');
  });

  it('take effect on management’s approval: a new version, the old one kept, the lease redrawn', async () => {
    const agreementFileId = await t.upload(c.id, 'amendment');
    const backwards = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: later(),
      reason: 'x',
      terms: { ...c.terms, endDate: addDays(later(), -1) },
      agreementFileId,
    });
    expect(backwards.json().error).toMatchObject({
      code: 'CONTRACT_AMENDMENT_EFFECTIVE',
      field: 'terms.endDate',
    });
    const frozen = (await get(c.id)).versions[0].snapshot.units[0].billingArea as string;
    const unit = (await h.call(s.admin, 'GET', `/api/v1/units/${units[0]!.id}`)).json();
    const smaller = (n: string) => (Number(n) - 2).toFixed(2);
    const remeasured = await h.call(s.admin, 'PATCH', `/api/v1/units/${units[0]!.id}`, {
      insideArea: smaller(unit.insideArea),
      usableArea: smaller(unit.usableArea),
    });
    expect(remeasured.statusCode, remeasured.body).toBe(200);
    const newEnd = addDays(addMonths(today, 36), -1);
    const r = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: later(),
      reason: '延长租期一年并调整租金',
      terms: {
        ...c.terms,
        endDate: newEnd,
        rent: { basis: 'per_sqm_month', price: '130', taxInclusive: true, vatRate: '0.09' },
      },
      agreementFileId,
    });
    expect(r.statusCode, r.body).toBe(200);
    const ok = await t.post(s.management, c.id, 'amendments/3/decision', {
      decision: 'approve',
      comment: '同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = ok.json();
    expect(v.endDate).toBe(newEnd);
    expect(v.versions.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([
      [1, 'in_force'],
      [2, 'rejected'],
      [3, 'in_force'],
    ]);
    expect(v.versions[0].terms.rent.price).toBe('120');
    expect(v.versions[0].terms.endDate).toBe(c.endDate);
    expect(v.versions[2].snapshot.units[0]).toMatchObject({ unitId: units[0]!.id, billingArea: frozen });
    expect(await unitStatus(units[0]!.id, addMonths(today, 30))).toBe('leased');
    expect(v.events.map((e: { kind: string }) => e.kind)).toContain('amended');
  });
});

describe('violations and the art. 718 window (R3.2.2)', () => {
  it('records a sublet with evidence, warns once as six months run out, and stops once acted on', async () => {
    const c = await olderLease('湖里转租测试有限公司', 2, 7);
    const found = addDays(addMonths(today, -6), 20); // the window closes in about 20 days
    const evidence = await t.upload(c.id, 'evidence');
    const early = await t.post(s.business, c.id, 'violations', {
      kind: 'sublet',
      foundOn: addMonths(today, -8),
      description: 'x',
      evidenceFileIds: [evidence],
    });
    expect(early.json().error).toMatchObject({ code: 'DATE_RANGE_INVALID', field: 'foundOn' });
    const r = await t.post(s.business, c.id, 'violations', {
      kind: 'sublet',
      foundOn: found,
      description: '3 层部分区域转租给第三方',
      evidenceFileIds: [evidence],
    });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json().violations[0];
    expect(v).toMatchObject({
      kind: 'sublet',
      objectionDeadline: addMonths(found, 6),
      evidence: [expect.objectContaining({ id: evidence })],
    });
    expect(v.daysToDeadline).toBeLessThanOrEqual(30);
    expect(await overview()).toMatchObject({ openSublets: 1, subletsNearDeadline: 1 });
    expect((await run('warn-sublet-objection-deadlines', today))?.counts.warned).toBeGreaterThanOrEqual(1);
    expect((await run('warn-sublet-objection-deadlines', today))?.counts).toEqual({ warned: 0 });
    expect((await notes(s.business.userId, c.id)).some((n) => n.includes('转租异议期'))).toBe(true);
    const acted = await t.post(s.business, c.id, `violations/${v.id}/action`, {
      action: 'notice',
      actionOn: today,
      note: '已发整改通知',
    });
    expect(acted.json().violations[0]).toMatchObject({ action: 'notice', objectionDeadline: null });
    expect(await overview()).toMatchObject({ openSublets: 0, subletsNearDeadline: 0 });
    const twice = await t.post(s.business, c.id, `violations/${v.id}/action`, {
      action: 'consent',
      actionOn: today,
      note: 'x',
    });
    expect(twice.json().error.code).toBe('CONTRACT_VIOLATION_ACTED');
  });
});

describe('termination (R3.3.2, art. 722) and move-out (R3.3.3)', () => {
  it('refuses a termination for unpaid rent without a formal demand whose deadline has passed', async () => {
    const c = await olderLease('集美欠租测试有限公司', 3, 3);
    const body = {
      reason: 'customer_breach',
      forNonPayment: true,
      effectiveOn: today,
      liabilities: '乙方承担欠付租金及违约金',
    };
    expect((await t.post(s.business, c.id, 'terminate', body)).json().error).toMatchObject({
      code: 'CONTRACT_DEMAND_REQUIRED',
      field: 'forNonPayment',
    });
    const proof = await t.upload(c.id, 'demand_proof');
    const demand = {
      demandedOn: addDays(today, -3),
      deadline: today,
      method: 'registered_mail',
      proofFileId: proof,
      amountFen: 3_600_000,
    };
    expect((await t.post(s.business, c.id, 'payment-demands', demand)).statusCode).toBe(200);
    expect((await t.post(s.business, c.id, 'terminate', body)).json().error.code).toBe(
      'CONTRACT_DEMAND_REQUIRED',
    );
    const bad = await t.post(s.business, c.id, 'payment-demands', {
      ...demand,
      deadline: addDays(today, -5),
    });
    expect(bad.json().error).toMatchObject({ code: 'CONTRACT_DEADLINE_BEFORE_DEMAND', field: 'deadline' });
    const lapsed = await t.post(s.business, c.id, 'payment-demands', {
      ...demand,
      demandedOn: addDays(today, -20),
      deadline: addDays(today, -5),
    });
    expect(
      lapsed
        .json()
        .demands.map((d: { lapsed: boolean }) => d.lapsed)
        .sort(),
    ).toEqual([false, true]);
    expect(
      (await t.post(s.business, c.id, 'terminate', { ...body, reason: 'mutual' })).json().error.code,
    ).toBe('CONTRACT_NON_PAYMENT_REASON');
    expect((await t.post(s.finance, c.id, 'terminate', body)).statusCode).toBe(403);
    const done = await t.post(s.management, c.id, 'terminate', body);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'terminated',
      termination: { reason: 'customer_breach', effectiveOn: today },
    });
  });

  it('refuses a termination for unpaid rent dated before the demand’s deadline ran out', async () => {
    const c = await olderLease('同安倒签测试有限公司', 6, 3);
    const proof = await t.upload(c.id, 'demand_proof');
    const demand = {
      demandedOn: addDays(today, -20),
      deadline: addDays(today, -5),
      method: 'courier',
      proofFileId: proof,
    };
    expect((await t.post(s.business, c.id, 'payment-demands', demand)).statusCode).toBe(200);
    const body = { reason: 'customer_breach', forNonPayment: true, liabilities: '乙方承担违约责任' };
    const early = await t.post(s.business, c.id, 'terminate', { ...body, effectiveOn: addDays(today, -15) });
    expect(early.json().error).toMatchObject({ code: 'CONTRACT_DEMAND_REQUIRED' });
    expect(
      (await t.post(s.business, c.id, 'terminate', { ...body, effectiveOn: addDays(today, -4) })).statusCode,
    ).toBe(200);
  });

  it('frees a lease terminated before its handover at once, without an inspection', async () => {
    const c = await lease('同安未交付测试有限公司', 7, 24, false);
    const r = await t.post(s.business, c.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: today,
      liabilities: '客户放弃承租，保证金按约定处理',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().actions).not.toContain('move_out');
    expect(await unitStatus(units[7]!.id, addDays(today, 1))).toBe('vacant');
    expect(await customerStatus(c.customerId)).toBe('former');
  });

  it('frees the units after the move-out inspection and makes the customer a former one', async () => {
    const c = await lease('海沧退租测试有限公司', 4);
    const inspection = {
      movedOutOn: today,
      condition: '墙面轻微污损',
      damages: [{ item: '门禁读卡器', amountFen: 35_000 }],
      meterReadings: [],
      keysReturned: true,
    };
    expect((await t.post(s.business, c.id, 'move-out', inspection)).json().error).toMatchObject({
      code: 'CONTRACT_MOVE_OUT_EARLY',
      field: 'movedOutOn',
    });
    const ended = await t.post(s.business, c.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: today,
      liabilities: '双方协商一致，互不追究',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await unitStatus(units[4]!.id, addDays(today, 1))).toBe('leased'); // still theirs until the inspection
    const r = await t.post(s.business, c.id, 'move-out', inspection);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().moveOut).toMatchObject({
      movedOutOn: today,
      damages: [{ item: '门禁读卡器', amountFen: 35_000 }],
    });
    expect(await unitStatus(units[4]!.id, today)).toBe('leased');
    expect(await unitStatus(units[4]!.id, addDays(today, 1))).toBe('vacant');
    expect(await customerStatus(c.customerId)).toBe('former');
    expect((await t.post(s.business, c.id, 'move-out', inspection)).statusCode).toBe(409);
  });
});

describe('expiry, holding over (art. 734) and renewal', () => {
  it('reminds 90/60/30 days ahead once each, expires the contract and flags a customer who stays', async () => {
    const c = await lease('翔安到期测试有限公司', 5, 2);
    const end = c.endDate as string;
    const soon = await overview();
    expect(soon.expiring90).toBeGreaterThanOrEqual(1);
    expect(soon.expiring30).toBe(0);
    const first = await run('contract-expiry', addDays(end, -59));
    expect(first?.counts.reminded).toBeGreaterThanOrEqual(1);
    const again = await run('contract-expiry', addDays(end, -59));
    expect(again?.counts.reminded).toBe(0);
    await run('contract-expiry', addDays(end, -29));
    const titles = (await notes(s.business.userId, c.id)).filter((n) => n.includes('天后到期'));
    expect(titles).toEqual([`合同 ${c.number} 将于 59 天后到期`, `合同 ${c.number} 将于 29 天后到期`]);
    const expired = await run('contract-expiry', addDays(end, 1));
    expect(expired?.counts.holdingOver).toBeGreaterThanOrEqual(1);
    expect(await get(c.id)).toMatchObject({ status: 'expired', holdingOver: true });
    expect((await overview()).holdingOver).toBe(1);
    // The customer is still in: nobody else is promised the unit while they stay.
    expect(await unitStatus(units[5]!.id, addDays(end, 10))).toBe('leased');
    expect((await run('contract-expiry', addDays(end, 1)))?.counts).toMatchObject({
      expired: 0,
      holdingOver: 0,
    });
    const list = (await h.call(s.business, 'GET', '/api/v1/contracts?holdingOver=true')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toContain(c.id);

    // A renewal signed later ends the holding over.
    const renewal = await t.post(s.business, c.id, 'renew');
    expect(renewal.statusCode, renewal.body).toBe(201);
    const r = renewal.json();
    expect(r).toMatchObject({ status: 'draft', renewalOf: { id: c.id }, startDate: addDays(end, 1) });
    expect(r.terms.rentFree).toEqual([]);
    expect((await t.post(s.business, c.id, 'renew')).json().error.code).toBe('CONTRACT_RENEWAL_EXISTS');
    await t.sign(r.id);
    expect(await get(c.id)).toMatchObject({ holdingOver: false, renewedBy: { id: r.id, status: 'signed' } });
    expect((await get(c.id)).events.map((e: { kind: string }) => e.kind)).toContain('renewed');
  });

  it('lets a renewed customer leave: the renewed original does not keep them a tenant', async () => {
    const c = await olderLease('翔安续签退租测试有限公司', 8, 30, true);
    const renewal = (await t.post(s.business, c.id, 'renew')).json();
    await t.sign(renewal.id);
    expect((await run('contract-expiry', today))?.counts.expired).toBeGreaterThanOrEqual(1);
    expect(await get(c.id)).toMatchObject({ status: 'expired', holdingOver: false });
    await handOverOn(renewal.id, today);
    await t.post(s.business, renewal.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: today,
      liabilities: '协商解除',
    });
    const out = await t.post(s.business, renewal.id, 'move-out', {
      movedOutOn: today,
      condition: '完好',
      meterReadings: [],
      keysReturned: true,
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(await customerStatus(c.customerId)).toBe('former');
  });

  it('lists contracts expiring before a day', async () => {
    const r = await h.call(s.business, 'GET', `/api/v1/contracts?expiringBefore=${addMonths(today, 3)}`);
    expect(r.statusCode).toBe(200);
    for (const c of r.json().items) {
      expect(['signed', 'active']).toContain(c.status);
      expect(c.endDate <= addMonths(today, 3)).toBe(true);
    }
  });
});
