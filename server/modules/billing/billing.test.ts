import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, maxDate, todayIn } from '../../../common/dates.ts';
import { amountInWords, formatYuan } from '../../../common/money.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';
import { checkIntegrity } from './index.ts';

let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
let units: { id: string; code: string; insideArea: string }[] = [];

type Line = {
  chargeType: string;
  periodStart: string;
  periodEnd: string;
  totalFen: number;
  netFen: number;
  taxFen: number;
};
const bills = async (q: string) => (await h.call(s.finance, 'GET', `/api/v1/bills?${q}`)).json().items;
const bill = async (id: string) => (await h.call(s.finance, 'GET', `/api/v1/bills/${id}`)).json();
const run = async (asOf: string) => {
  const r = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().status, r.body).toBe('succeeded');
  return r.json().counts as { bills: number; lines: number; contracts: number };
};
const balance = async (customerId: string) =>
  (await h.call(s.finance, 'GET', `/api/v1/customers/${customerId}/balance`)).json();
let key = 0;
const pay = (customerId: string, amountFen: number, extra: Record<string, unknown> = {}) =>
  h.call(s.finance, 'POST', '/api/v1/payments', {
    customerId,
    amountFen,
    receivedOn: today,
    method: 'bank_transfer',
    reference: `BANK-${++key}`,
    payerName: '付款单位',
    idempotencyKey: `test-key-${key}-${Math.random()}`,
    ...extra,
  });

/** Signs a monthly contract for one unit from `start` with a fixed deposit: simple to reason about. */
async function signed(name: string, unitId: string, start: string, extra: Record<string, unknown> = {}) {
  const a = await t.admitted(name, [unitId], start, 12);
  const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([unitId], start, 12, {
      billingCycleMonths: 1,
      rentFree: [],
      escalations: [],
      deposit: { amountFen: 3_000_000 },
      ...extra,
    }),
  });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  await t.sign(id);
  const schedule = (await h.call(s.finance, 'GET', `/api/v1/contracts/${id}/schedule`)).json()
    .lines as Line[];
  return { id, customerId: a.customerId, schedule };
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

describe('billing runs (R5.1.1)', () => {
  let c: Awaited<ReturnType<typeof signed>>;

  it('issues the deposit and the first period at signing, due after the signing, numbered ZD-yyyymm-n', async () => {
    c = await signed('出账测试一有限公司', units[0]!.id, today);
    const preview = (await h.call(s.finance, 'GET', `/api/v1/billing/preview?asOf=${today}`)).json();
    expect(preview.sample.some((x: { contractId: string }) => x.contractId === c.id)).toBe(true);
    const counts = await run(today);
    expect(counts.bills).toBeGreaterThanOrEqual(1);
    const [b, ...more] = await bills(`contractId=${c.id}`);
    expect(more).toEqual([]);
    // The first period is due 5 days before it starts, i.e. before the signing: it moves to signing + 7.
    expect(b).toMatchObject({ dueDate: addDays(today, 7), issuedOn: today, status: 'open' });
    expect(b.number).toMatch(new RegExp(`^ZD-${today.slice(0, 4)}${today.slice(5, 7)}-\\d{6}$`));
    const detail = await bill(b.id);
    const first = c.schedule.filter((l) => l.periodStart === today);
    expect(first.map((l) => l.chargeType).sort()).toEqual(['other', 'property_fee', 'rent']);
    const lines = detail.lines as Line[];
    expect(lines.filter((l) => l.chargeType === 'deposit').map((l) => l.totalFen)).toEqual([3_000_000]);
    for (const l of first) {
      expect(lines.find((x) => x.chargeType === l.chargeType)).toMatchObject({
        netFen: l.netFen,
        taxFen: l.taxFen,
        totalFen: l.totalFen,
      });
    }
    const sum = 3_000_000 + first.reduce((a, l) => a + l.totalFen, 0);
    expect(b.totalFen).toBe(sum);
    expect(b.outstandingFen).toBe(sum);
  });

  it('is idempotent: a second run for the date issues nothing', async () => {
    const before = (await bills(`contractId=${c.id}`)).length;
    const counts = await run(today);
    expect(counts).toMatchObject({ bills: 0, lines: 0 });
    expect((await bills(`contractId=${c.id}`)).length).toBe(before);
  });

  it('issues each later period on its issue date (due 5 days before, issued 15 days before that)', async () => {
    const second = c.schedule.filter((l) => l.periodStart === addMonths(today, 1));
    const issueOn = addDays(addMonths(today, 1), -20);
    if (issueOn > today) expect((await run(addDays(issueOn, -1))).lines).toBe(0);
    await run(maxDate(issueOn, today));
    const list = await bills(`contractId=${c.id}`);
    const b = list.find((x: { dueDate: string }) => x.dueDate === addDays(addMonths(today, 1), -5));
    expect(b, JSON.stringify(list)).toBeDefined();
    expect(b.totalFen).toBe(second.reduce((a, l) => a + l.totalFen, 0));
  });

  it('refuses people outside finance and hides bills from another organization', async () => {
    const r = await h.call(s.business, 'POST', '/api/v1/billing/runs', { asOf: today });
    expect(r.statusCode).toBe(403);
    expect((await h.call(s.legal, 'GET', `/api/v1/bills?contractId=${c.id}`)).statusCode).toBe(200);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const [b] = await bills(`contractId=${c.id}`);
    expect((await h.call(other, 'GET', `/api/v1/bills/${b.id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/bills?contractId=${c.id}`)).json().items).toEqual([]);
  });
});

describe('payments (R5.1.2)', () => {
  let c: Awaited<ReturnType<typeof signed>>;
  let first: { id: string; totalFen: number };
  let second: { id: string; totalFen: number };

  beforeAll(async () => {
    c = await signed('收款测试有限公司', units[1]!.id, today);
    await run(maxDate(addDays(addMonths(today, 1), -20), today));
    const list = (await bills(`contractId=${c.id}`)).sort((a: { dueDate: string }, b: { dueDate: string }) =>
      a.dueDate.localeCompare(b.dueDate),
    );
    expect(list.length).toBe(2);
    [first, second] = list;
  });

  it('refuses bad input on its field and writes nothing', async () => {
    const bad = async (extra: Record<string, unknown>, field: string) => {
      const r = await pay(c.customerId, 100, extra);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.field).toBe(field);
    };
    await bad({ receivedOn: addDays(today, 1) }, 'receivedOn');
    await bad({ amountFen: 0 }, 'amountFen');
    await bad({ amountFen: 12.5 }, 'amountFen');
    await bad({ method: 'barter' }, 'method');
    expect((await balance(c.customerId)).creditFen).toBe(0);
    expect((await h.call(s.business, 'POST', '/api/v1/payments', {})).statusCode).toBe(403);
  });

  it('previews and then allocates to the oldest due date first; the rest becomes credit', async () => {
    const amount = first.totalFen + 1000;
    const preview = (
      await h.call(
        s.finance,
        'GET',
        `/api/v1/payments/allocation-preview?customerId=${c.customerId}&amountFen=${amount}`,
      )
    ).json();
    const toFirst = preview.items
      .filter((i: { billId: string }) => i.billId === first.id)
      .reduce((a: number, i: { amountFen: number }) => a + i.amountFen, 0);
    expect(toFirst).toBe(first.totalFen);
    expect(preview.toCreditFen).toBe(0);
    const r = await pay(c.customerId, amount);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ amountFen: amount, allocatedFen: amount, status: 'received' });
    expect(await bill(first.id)).toMatchObject({
      status: 'paid',
      outstandingFen: 0,
      paidFen: first.totalFen,
    });
    expect(await bill(second.id)).toMatchObject({
      status: 'partially_paid',
      outstandingFen: second.totalFen - 1000,
    });
    expect(await balance(c.customerId)).toMatchObject({
      outstandingFen: second.totalFen - 1000,
      creditFen: 0,
    });
  });

  it('keeps an overpayment as credit, and one key records one payment', async () => {
    const idempotencyKey = `same-key-${Math.random()}`;
    const over = second.totalFen - 1000 + 5000;
    const a = await pay(c.customerId, over, { idempotencyKey });
    expect(a.statusCode, a.body).toBe(201);
    const again = await pay(c.customerId, over, { idempotencyKey });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(a.json().id);
    const reused = await pay(c.customerId, over + 1, { idempotencyKey });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error).toMatchObject({ code: 'PAYMENT_KEY_REUSED', field: 'idempotencyKey' });
    expect(await bill(second.id)).toMatchObject({ status: 'paid', outstandingFen: 0 });
    expect(await balance(c.customerId)).toMatchObject({ outstandingFen: 0, creditFen: 5000 });
    // The receipt: number, amount in figures and words, the bills it settled, the credit left.
    const pdf = await h.call(s.finance, 'GET', `/api/v1/documents/payment-receipt/${a.json().id}`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).join('').replace(/\s+/g, '');
    expect(text).toContain(a.json().number);
    expect(text).toContain(amountInWords(over));
    expect(text, text).toContain('余额¥50.00转为预收款');
    const billPdf = await h.call(s.finance, 'GET', `/api/v1/documents/bill/${second.id}?format=html`);
    expect(billPdf.body).toContain('租赁费用账单');
    expect(billPdf.body).toContain(formatYuan(second.totalFen));
  });

  it('reverses a payment with a reason: what it paid is open again', async () => {
    const [p] = (await h.call(s.finance, 'GET', `/api/v1/payments?customerId=${c.customerId}`)).json().items;
    const bad = await h.call(s.finance, 'POST', `/api/v1/payments/${p.id}/reverse`, {
      reason: '银行退票',
      reversedOn: addDays(today, -1),
    });
    expect(bad.json().error?.field, bad.body).toBe('reversedOn');
    const r = await h.call(s.finance, 'POST', `/api/v1/payments/${p.id}/reverse`, {
      reason: '银行退票',
      reversedOn: today,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'reversed', allocatedFen: 0, reversalReason: '银行退票' });
    expect(await bill(second.id)).toMatchObject({
      status: 'partially_paid',
      outstandingFen: second.totalFen - 1000,
    });
    expect(await balance(c.customerId)).toMatchObject({
      outstandingFen: second.totalFen - 1000,
      creditFen: 0,
    });
    const twice = await h.call(s.finance, 'POST', `/api/v1/payments/${p.id}/reverse`, {
      reason: '重复',
      reversedOn: today,
    });
    expect(twice.json().error.code).toBe('PAYMENT_ALREADY_REVERSED');
  });

  it('settles chosen lines only, the rest of the money kept as credit', async () => {
    const detail = await bill(second.id);
    const rent = detail.lines.find((l: Line) => l.chargeType === 'rent');
    const r = await pay(c.customerId, 20_000, {
      allocation: { mode: 'lines', lines: [{ lineId: rent.id, amountFen: 15_000 }] },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().allocations.map((a: { amountFen: number }) => a.amountFen)).toEqual([15_000]);
    expect((await balance(c.customerId)).creditFen).toBe(5000);
    const notOpen = await pay(c.customerId, 100, {
      allocation: { mode: 'lines', lines: [{ lineId: first.id }] },
    });
    expect(notOpen.json().error).toMatchObject({
      code: 'PAYMENT_LINE_NOT_OPEN',
      field: 'allocation.lines.0.lineId',
    });
  });
});

describe('integrity check (R5.2.3)', () => {
  it('passes over the data, and finds a planted difference', async () => {
    const org = h.orgs.demo;
    expect(await h.db.inOrg(org, (tx) => checkIntegrity({ tx }))).toEqual([]);
    const planted = await h.db
      .inOrg(org, async (tx) => {
        await tx.execute(sql`update bills set paid_fen = paid_fen + 1
                             where id = (select id from bills order by id limit 1)`);
        const found = await checkIntegrity({ tx });
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((e: { found?: unknown[] }) => e.found ?? []);
    expect(planted.map((p) => (p as { check: string }).check)).toEqual(
      expect.arrayContaining(['customer_balance', 'bill_settled']),
    );
    const [n] = await h.db.inOrg(org, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from bills`),
    );
    expect(Number(n!.n)).toBeGreaterThan(0);
  });
});

describe('amendments and termination after billing (issue 7: adjustments, never edits)', () => {
  it('posts the difference for an issued period on the next bill, and credits what a termination cuts', async () => {
    const c = await signed('变更出账测试有限公司', units[2]!.id, today);
    const p2 = addMonths(today, 1);
    const p3 = addMonths(today, 2);
    const issue = (periodStart: string) => maxDate(addDays(periodStart, -20), today);
    await run(issue(p2));
    const issuedBefore = (await bills(`contractId=${c.id}`)).length;
    expect(issuedBefore).toBe(2);
    // From the 11th day of period 2 (already billed) the rent goes from 120 to 150 a m² a month.
    const contract = (await h.call(s.business, 'GET', `/api/v1/contracts/${c.id}`)).json();
    const terms = contract.versions[0].terms;
    const agreementFileId = await t.upload(c.id, 'amendment');
    const proposed = await t.post(s.business, c.id, 'amendments', {
      effectiveFrom: addDays(p2, 10),
      reason: '调整租金单价',
      terms: { ...terms, rent: { ...terms.rent, price: '150' } },
      agreementFileId,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const approved = await t.post(s.management, c.id, 'amendments/2/decision', { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const now = (await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/schedule`)).json().lines as Line[];
    const rentOf = (ls: Line[], start: string) =>
      ls.find((l) => l.chargeType === 'rent' && l.periodStart === start)!;
    const diff = rentOf(now, p2).totalFen - rentOf(c.schedule, p2).totalFen;
    expect(diff).toBeGreaterThan(0);

    await run(issue(p3));
    const third = (await bills(`contractId=${c.id}`)).find(
      (b: { dueDate: string }) => b.dueDate === addDays(p3, -5),
    );
    const lines = (await bill(third.id)).lines as (Line & { kind: string; seq: number; reason: string })[];
    expect(lines.find((l) => l.kind === 'adjustment')).toMatchObject({
      chargeType: 'rent',
      periodStart: p2,
      seq: 1,
      totalFen: diff,
      netFen: rentOf(now, p2).netFen - rentOf(c.schedule, p2).netFen,
      reason: 'amendment 2',
    });
    expect(rentOf(lines, p3).totalFen).toBe(rentOf(now, p3).totalFen);
    // The issued line of period 2 is as it was.
    const second = (await bills(`contractId=${c.id}`)).find(
      (b: { dueDate: string }) => b.dueDate === addDays(p2, -5),
    );
    expect(rentOf((await bill(second.id)).lines, p2).totalFen).toBe(rentOf(c.schedule, p2).totalFen);

    // Terminated on the 10th day of period 3: the rest of period 3 is credited, nothing later is billed.
    const end = addDays(p3, 9);
    const done = await t.post(s.management, c.id, 'terminate', {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: end,
      liabilities: '双方协商一致解除，互不追究。',
    });
    expect(done.statusCode, done.body).toBe(200);
    const cut = (await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/schedule`)).json().lines as Line[];
    await run(maxDate(end, today) === today ? today : issue(p3));
    const all = (await bills(`contractId=${c.id}`)) as { id: string }[];
    const credits: (Line & { kind: string })[] = [];
    for (const b of all)
      credits.push(
        ...(await bill(b.id)).lines.filter(
          (l: Line & { kind: string }) => l.kind === 'adjustment' && l.periodStart === p3,
        ),
      );
    const rentCredit = credits.find((l) => l.chargeType === 'rent')!;
    expect(rentCredit.totalFen).toBe(rentOf(cut, p3).totalFen - rentOf(now, p3).totalFen);
    expect(cut.at(-1)!.periodEnd).toBe(end);
    expect(rentCredit.totalFen).toBeLessThan(0);
    // Nothing after the end is planned or billed.
    await run(maxDate(addMonths(today, 11), today));
    const after = (await bills(`contractId=${c.id}`)) as { dueDate: string }[];
    expect(after.every((b) => b.dueDate <= addDays(p3, -5) || b.dueDate <= addDays(end, 7))).toBe(true);
  });
});
