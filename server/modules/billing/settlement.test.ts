import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, maxDate, todayIn } from '../../../common/dates.ts';
import { amountInWords, formatYuan } from '../../../common/money.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { checkIntegrity } from './index.ts';

/*
 * The deposit ledger, final settlement and refund (issue 7, R3.3.3). One lease at a fixed 10,000.00 a
 * month, tax included at 9%, billed monthly, deposit 30,000.00, so every figure can be worked out by hand:
 * a whole month of rent is 1,000,000 fen (net 917,431 = round(1,000,000 / 1.09), tax 82,569).
 */

let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
let units: { id: string }[] = [];

const RENT = 1_000_000;
const DEPOSIT = 3_000_000;

const run = async (asOf: string) => {
  const r = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf });
  expect(r.json().status, r.body).toBe('succeeded');
};
const bills = async (contractId: string) =>
  (await h.call(s.finance, 'GET', `/api/v1/bills?contractId=${contractId}`)).json().items as {
    id: string;
    number: string;
    dueDate: string;
    totalFen: number;
    outstandingFen: number;
    status: string;
  }[];
const bill = async (id: string) => (await h.call(s.finance, 'GET', `/api/v1/bills/${id}`)).json();
const ledger = async (contractId: string) =>
  (await h.call(s.finance, 'GET', `/api/v1/contracts/${contractId}/deposit`)).json();
const balance = async (customerId: string) =>
  (await h.call(s.finance, 'GET', `/api/v1/customers/${customerId}/balance`)).json();
const draft = (contractId: string, body: unknown, who = s.finance) =>
  h.call(who, 'POST', `/api/v1/contracts/${contractId}/settlement`, body);
const settlementAction = (id: string, action: string, body?: unknown, who = s.finance) =>
  h.call(who, 'POST', `/api/v1/settlements/${id}/${action}`, body);

async function signedLease(name: string, unitId: string) {
  const a = await t.admitted(name, [unitId], today, 12);
  const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([unitId], today, 12, {
      rent: { basis: 'fixed_month', price: '10000', taxInclusive: true, vatRate: '0.09' },
      billingCycleMonths: 1,
      rentFree: [],
      escalations: [],
      propertyFee: null,
      otherCharges: [],
      deposit: { amountFen: DEPOSIT },
    }),
  });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  await t.sign(id);
  return { id, customerId: a.customerId };
}

async function handOver(id: string) {
  const r = await t.post(s.business, id, 'handover', {
    handedOverOn: today,
    facilities: [{ item: '空调', ok: true }],
    keys: [{ label: '大门钥匙', count: 2 }],
    meterReadings: [],
    lessorConfirmedBy: '王经理',
    customerConfirmedBy: '周敏',
  });
  expect(r.statusCode, r.body).toBe(200);
}

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  units = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=20`)
  ).json().items;
});
afterAll(() => h?.close());

describe('deposit ledger, settlement and refund (R3.3.3)', () => {
  let c: { id: string; customerId: string };
  let settlementId = '';
  const p2 = addMonths(today, 1);
  const p3 = addMonths(today, 2);
  const end = addDays(p3, -1); // the last day of period 2: all of period 3 was billed beyond it

  it('keeps the deposit in its own ledger: billed at signing, received from the payment', async () => {
    c = await signedLease('结算测试一有限公司', units[0]!.id);
    // Periods 1 to 3 are billed: deposit + rent of period 1 (4,000,000), then 1,000,000 twice.
    await run(maxDate(addDays(p3, -20), today));
    const list = (await bills(c.id)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    expect(list.map((b) => b.totalFen)).toEqual([DEPOSIT + RENT, RENT, RENT]);
    expect(list.map((b) => b.dueDate)).toEqual([addDays(today, 7), addDays(p2, -5), addDays(p3, -5)]);
    // 46,000.00 paid: the first bill in full and 6,000.00 of the second; 4,000.00 and period 3 stay unpaid.
    const paid = await h.call(s.finance, 'POST', '/api/v1/payments', {
      customerId: c.customerId,
      amountFen: 4_600_000,
      receivedOn: today,
      method: 'bank_transfer',
      reference: 'BANK-JS-1',
      idempotencyKey: `settle-${Math.random()}`,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const l = await ledger(c.id);
    expect(l).toMatchObject({
      billedFen: DEPOSIT,
      receivedFen: DEPOSIT,
      deductedFen: 0,
      refundedFen: 0,
      heldFen: DEPOSIT,
      unreceivedFen: 0,
    });
    expect(l.received).toEqual([
      expect.objectContaining({ amountFen: DEPOSIT, postingDate: today, paymentNumber: paid.json().number }),
    ]);
    expect((await h.call(s.legal, 'GET', `/api/v1/contracts/${c.id}/deposit`)).statusCode).toBe(200);
    // Not ended yet: nothing to settle.
    expect((await draft(c.id, {})).json().error.code).toBe('SETTLEMENT_CONTRACT_NOT_ENDED');
    expect((await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/settlement`)).json()).toBeNull();
  });

  it('drafts after termination, but confirms and refunds nothing before the move-out inspection', async () => {
    await handOver(c.id);
    const done = await t.post(s.management, c.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: end,
      liabilities: '乙方提前解除，按约定支付违约金 2,000.00 元',
    });
    expect(done.statusCode, done.body).toBe(200);
    const r = await draft(c.id, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'draft',
      movedOutOn: null,
      moveOutRequired: true,
      liabilities: '乙方提前解除，按约定支付违约金 2,000.00 元',
    });
    settlementId = r.json().id;
    expect(r.json().number).toMatch(/^JS-\d{4}-\d{6}$/);
    const confirm = await settlementAction(settlementId, 'confirm');
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.code).toBe('SETTLEMENT_MOVE_OUT_REQUIRED');
    const refund = await settlementAction(settlementId, 'refund', {
      refundedOn: today,
      method: 'bank_transfer',
      reference: 'TK-1',
    });
    expect(refund.json().error.code).toBe('SETTLEMENT_MOVE_OUT_REQUIRED');
  });

  it('lists every item with the figures worked out by hand, and a recomputed draft replaces the last', async () => {
    const photo = await t.upload(c.id, 'move_out');
    const out = await t.post(s.business, c.id, 'move-out', {
      movedOutOn: today,
      condition: '墙面污损，门锁损坏',
      damages: [
        { item: '墙面污损', amountFen: 150_000 },
        { item: '门锁更换', amountFen: 35_050 },
      ],
      meterReadings: [],
      keysReturned: true,
      photoFileIds: [photo],
    });
    expect(out.statusCode, out.body).toBe(200);
    const penalty = {
      kind: 'penalty',
      name: '提前解除合同违约金',
      amountFen: 200_000,
      reason: '解除协议约定',
    };
    const cleaning = { kind: 'other', name: '保洁费', amountFen: 30_000, reason: '退租保洁' };
    // Validation names the field; finance only; evidence must be this contract's own file.
    const bad = await draft(c.id, { items: [{ ...cleaning, reason: ' ' }] });
    expect(bad.json().error.field, bad.body).toBe('items.0.reason');
    expect((await draft(c.id, { items: [penalty] }, s.business)).statusCode).toBe(403);
    const other = await signedLease('结算测试旁证有限公司', units[2]!.id);
    const foreignFile = await t.upload(other.id, 'evidence');
    const wrong = await draft(c.id, { items: [{ ...penalty, evidenceFileIds: [foreignFile] }] });
    expect(wrong.json().error).toMatchObject({
      code: 'SETTLEMENT_FILE_INVALID',
      field: 'items.0.evidenceFileIds',
    });

    const first = await draft(c.id, { items: [penalty] });
    expect(first.json()).toMatchObject({ id: settlementId, dueFen: 785_050 });
    const r = await draft(c.id, { asOf: today, items: [penalty, cleaning] });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.id).toBe(settlementId);
    const items = (v.items as { kind: string; name: string; amountFen: number; periodStart: string }[]).map(
      (i) => [i.kind, i.name, i.amountFen],
    );
    expect(items).toEqual([
      // Period 3 was billed beyond the end: its rent comes back as a credit, issued at confirmation.
      ['pending', '租金（调整）', -RENT],
      ['unpaid', '租金', 400_000],
      ['unpaid', '租金', RENT],
      ['damage', '墙面污损', 150_000],
      ['damage', '门锁更换', 35_050],
      ['penalty', '提前解除合同违约金', 200_000],
      ['other', '保洁费', 30_000],
    ]);
    // due = -1,000,000 + 400,000 + 1,000,000 + 150,000 + 35,050 + 200,000 + 30,000 = 815,050
    expect(v).toMatchObject({
      depositHeldFen: DEPOSIT,
      customerCreditFen: 0,
      dueFen: 815_050,
      resultFen: DEPOSIT - 815_050,
      movedOutOn: today,
      status: 'draft',
    });
    expect(v.items[0].periodStart).toBe(p3);
    expect(v.files).toEqual([expect.objectContaining({ id: photo })]);
    // Nothing moved yet.
    expect((await ledger(c.id)).heldFen).toBe(DEPOSIT);
    expect((await balance(c.customerId)).outstandingFen).toBe(1_400_000);
  });

  it('confirms once: one settlement bill, the credit applied, the deposit deducting what is still open', async () => {
    expect((await settlementAction(settlementId, 'confirm', undefined, s.business)).statusCode).toBe(403);
    expect((await settlementAction(settlementId, 'confirm', undefined, s.legal)).statusCode).toBe(403);
    const r = await settlementAction(settlementId, 'confirm');
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({ status: 'confirmed', deductedFen: 815_050, resultFen: 2_184_950 });
    expect(v.bill.number).toMatch(/^ZD-\d{6}-\d{6}$/);
    expect(v.items.at(-1)).toMatchObject({ kind: 'deduction', name: '保证金抵扣', amountFen: -815_050 });
    // The settlement bill: the rent credit, the four items and the deduction; its charges settled by credits.
    const b = await bill(v.bill.id);
    const lines = (b.lines as { chargeType: string; name: string; totalFen: number }[]).map((l) => [
      l.chargeType,
      l.name,
      l.totalFen,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['rent', '', -RENT],
        ['one_off', '违约金：提前解除合同违约金', 200_000],
        ['one_off', '损坏赔偿：墙面污损', 150_000],
        ['one_off', '损坏赔偿：门锁更换', 35_050],
        ['one_off', '其他扣款：保洁费', 30_000],
        ['deposit', '保证金抵扣', -815_050],
      ]),
    );
    expect(lines.length).toBe(6);
    expect(b).toMatchObject({ totalFen: -1_400_000, outstandingFen: 0, status: 'credited', issuedOn: today });
    // Every bill of the contract is settled; nothing planned is left.
    for (const x of await bills(c.id)) expect(x.outstandingFen).toBe(0);
    expect(await balance(c.customerId)).toMatchObject({ outstandingFen: 0, creditFen: 0 });
    const l = await ledger(c.id);
    expect(l).toMatchObject({
      billedFen: DEPOSIT,
      receivedFen: DEPOSIT,
      deductedFen: 815_050,
      heldFen: 2_184_950,
      unreceivedFen: 0,
    });
    expect(l.movements).toEqual([
      expect.objectContaining({ kind: 'deducted', amountFen: 815_050, billNumber: v.bill.number }),
    ]);
    expect(l.movements[0].evidence.length).toBe(1);
    // Twice: refused, and no second draft either.
    const twice = await settlementAction(settlementId, 'confirm');
    expect(twice.json().error.code).toBe('SETTLEMENT_ALREADY_CONFIRMED');
    expect((await draft(c.id, {})).json().error.code).toBe('SETTLEMENT_ALREADY_CONFIRMED');
    expect(await h.db.inOrg(h.orgs.demo, (tx) => checkIntegrity({ tx }))).toEqual([]);
  });

  it('refunds the deposit still held, never without the move-out inspection on record', async () => {
    const body = { refundedOn: today, method: 'bank_transfer', reference: 'TK-2026-001' };
    expect((await settlementAction(settlementId, 'refund', body, s.business)).statusCode).toBe(403);
    const future = await settlementAction(settlementId, 'refund', { ...body, refundedOn: addDays(today, 1) });
    expect(future.json().error).toMatchObject({ code: 'BILLING_DATE_IN_FUTURE', field: 'refundedOn' });
    // Even when the data say otherwise, the refund reads the inspection from the contract.
    const setMovedOut = (d: string | null) =>
      h.db.inOrg(h.orgs.demo, (tx) =>
        tx.execute(sql`update contracts set moved_out_on = ${d} where id = ${c.id}`),
      );
    await setMovedOut(null);
    const refused = await settlementAction(settlementId, 'refund', body);
    await setMovedOut(today);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SETTLEMENT_MOVE_OUT_REQUIRED');

    const r = await settlementAction(settlementId, 'refund', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'refunded',
      refundFen: 2_184_950,
      refundedOn: today,
      refundMethod: 'bank_transfer',
      refundReference: 'TK-2026-001',
    });
    expect(await ledger(c.id)).toMatchObject({
      receivedFen: DEPOSIT,
      deductedFen: 815_050,
      refundedFen: 2_184_950,
      heldFen: 0,
    });
    const again = await settlementAction(settlementId, 'refund', body);
    expect(again.json().error.code).toBe('SETTLEMENT_ALREADY_REFUNDED');
    // The payment that paid the deposit can no longer be reversed: the deposit is spent and refunded.
    const payment = (await h.call(s.finance, 'GET', `/api/v1/payments?customerId=${c.customerId}`))
      .json()
      .items.find((p: { reference: string }) => p.reference === 'BANK-JS-1');
    const bounce = await h.call(s.finance, 'POST', `/api/v1/payments/${payment.id}/reverse`, {
      reason: '退票',
      reversedOn: today,
    });
    expect(bounce.statusCode, bounce.body).toBe(409);
    expect(bounce.json().error.code).toBe('PAYMENT_DEPOSIT_SETTLED');
  });

  it('prints the settlement statement: every item, the deposit, the result in figures and words', async () => {
    const v = (await h.call(s.legal, 'GET', `/api/v1/settlements/${settlementId}`)).json();
    const pdf = await h.call(s.finance, 'GET', `/api/v1/documents/settlement-statement/${settlementId}`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).join('').replace(/\s+/g, '');
    for (const part of [
      '租赁合同结算单',
      v.number,
      v.contractNumber,
      '墙面污损',
      '提前解除合同违约金',
      '保洁费',
      '保证金余额',
      formatYuan(DEPOSIT),
      formatYuan(815_050),
      '结算结果：应退还承租方',
      formatYuan(2_184_950),
      amountInWords(2_184_950),
      '承租方（盖章）',
      '出租方（盖章）',
      'TK-2026-001',
    ])
      expect(text, text).toContain(part.replace(/\s+/g, ''));
  });

  it('keeps other organizations out', async () => {
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/settlements/${settlementId}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/contracts/${c.id}/deposit`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/contracts/${c.id}/settlement`)).statusCode).toBe(404);
    expect((await h.call(other, 'POST', `/api/v1/settlements/${settlementId}/confirm`)).statusCode).toBe(404);
    expect((await draft(c.id, {}, other)).statusCode).toBe(404);
    const pdf = await h.call(other, 'GET', `/api/v1/documents/settlement-statement/${settlementId}`);
    expect(pdf.statusCode).toBe(404);
  });
});

describe('a lease ended before its handover, the deposit never paid', () => {
  it('cancels the unreceived deposit; the rent still owed is the amount due', async () => {
    const c = await signedLease('结算测试未付有限公司', units[1]!.id);
    await run(today);
    await t.post(s.management, c.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: today,
      liabilities: '未交付，互不追究',
    });
    const schedule = (await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/schedule`)).json().lines as {
      totalFen: number;
    }[];
    const oneDay = schedule.reduce((n, l) => n + l.totalFen, 0);
    expect(oneDay).toBeLessThan(RENT);
    const r = await draft(c.id, {});
    expect(r.statusCode, r.body).toBe(200);
    const kinds = r.json().items.map((i: { kind: string; amountFen: number }) => [i.kind, i.amountFen]);
    expect(kinds).toEqual([
      ['pending', oneDay - RENT],
      ['deposit_unreceived', DEPOSIT],
      ['unpaid', RENT],
    ]);
    expect(r.json()).toMatchObject({
      depositHeldFen: 0,
      dueFen: oneDay,
      resultFen: -oneDay,
      moveOutRequired: false,
    });
    // Never handed over: nothing to inspect, so it may be confirmed.
    const ok = await settlementAction(r.json().id, 'confirm');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().deductedFen).toBe(0);
    expect(await balance(c.customerId)).toMatchObject({ outstandingFen: oneDay, creditFen: 0 });
    expect(await ledger(c.id)).toMatchObject({
      billedFen: DEPOSIT,
      receivedFen: 0,
      heldFen: 0,
      unreceivedFen: 0,
    });
    const refund = await settlementAction(r.json().id, 'refund', {
      refundedOn: today,
      method: 'cash',
      reference: '无',
    });
    expect(refund.json()).toMatchObject({ status: 'refunded', refundFen: 0 });
    expect(await h.db.inOrg(h.orgs.demo, (tx) => checkIntegrity({ tx }))).toEqual([]);
    // The integrity check finds a deposit that went out without having come in.
    const planted = await h.db
      .inOrg(h.orgs.demo, async (tx) => {
        await tx.execute(sql`insert into deposit_movements (id, org_id, contract_id, customer_id, kind, amount_fen,
                               posting_date)
                             values (gen_random_uuid(), ${h.orgs.demo}, ${c.id}, ${c.customerId}, 'refunded', 1,
                                     ${today})`);
        throw Object.assign(new Error('rollback'), { found: await checkIntegrity({ tx }) });
      })
      .catch((e: { found?: { check: string; id: string }[] }) => e.found ?? []);
    expect(planted).toEqual([expect.objectContaining({ check: 'deposit_held', id: c.id })]);
  });
});
