import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { amountInWords } from '../../../common/money.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';

/** Customer statements (对账单, R5.2.3): figures, the issued copy, PDF and .xlsx, sending, the answer. */
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
let key = 0;
const pay = (customerId: string, amountFen: number) =>
  h.call(s.finance, 'POST', '/api/v1/payments', {
    customerId,
    amountFen,
    receivedOn: today,
    method: 'bank_transfer',
    reference: `STMT-${++key}`,
    idempotencyKey: `statement-${key}-${Math.random()}`,
  });
const figures = async (customerId: string, from: string, to: string) => {
  const r = await h.call(s.finance, 'GET', `/api/v1/customers/${customerId}/statement?from=${from}&to=${to}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

let customerId: string;
let billed: { number: string; totalFen: number }[];
let billedFen: number;

beforeAll(async () => {
  h = await testApp({ LOG_LEVEL: 'error' });
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  const [unit] = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=1`)
  ).json().items;
  const a = await t.admitted('对账测试有限公司', [unit.id], today, 12);
  customerId = a.customerId;
  const c = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId,
    applicationId: a.applicationId,
    terms: t.terms([unit.id], today, 12, {
      billingCycleMonths: 1,
      rentFree: [],
      escalations: [],
      deposit: { amountFen: 3_000_000 },
    }),
  });
  expect(c.statusCode, c.body).toBe(201);
  await t.sign(c.json().id);
  const run = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf: today });
  expect(run.json().status, run.body).toBe('succeeded');
  billed = (await h.call(s.finance, 'GET', `/api/v1/bills?customerId=${customerId}`)).json().items;
  billedFen = billed.reduce((n, b) => n + b.totalFen, 0);
  // The deposit and the first month, due on the same day after the signing: one bill.
  expect(billedFen).toBeGreaterThan(3_000_000);
});
afterAll(() => h?.close());

describe('statement figures', () => {
  it('lists every line issued and payment received with the running balance; reversals count back', async () => {
    expect((await pay(customerId, 1_000_000)).statusCode).toBe(201);
    const bounced = (await pay(customerId, 200_000)).json();
    const rev = await h.call(s.finance, 'POST', `/api/v1/payments/${bounced.id}/reverse`, {
      reason: '退票',
      reversedOn: today,
    });
    expect(rev.statusCode, rev.body).toBe(200);

    const f = await figures(customerId, addDays(today, -30), today);
    expect(f.openingFen).toBe(0);
    expect(f.chargesFen).toBe(billedFen);
    expect(f.receivedFen).toBe(1_000_000);
    expect(f.closingFen).toBe(billedFen - 1_000_000);
    const kinds = f.entries.map((e: { kind: string }) => e.kind);
    // Lines first, then the payments of the day, then the reversal.
    expect(kinds.slice(-3)).toEqual(['payment', 'payment', 'reversal']);
    expect(f.entries.filter((e: { chargeType: string }) => e.chargeType === 'deposit')).toEqual([
      expect.objectContaining({ debitFen: 3_000_000, creditFen: 0, date: today }),
    ]);
    const reversal = f.entries.at(-1);
    expect(reversal).toMatchObject({ document: bounced.number, debitFen: 200_000, reference: '退票' });
    // Each running balance is the one before plus this entry.
    let b = f.openingFen;
    for (const e of f.entries) {
      b += e.debitFen - e.creditFen;
      expect(e.balanceFen).toBe(b);
    }
    expect(b).toBe(f.closingFen);
    // It agrees with the balance the bills give.
    const bal = (await h.call(s.finance, 'GET', `/api/v1/customers/${customerId}/balance`)).json();
    expect(bal.outstandingFen - bal.creditFen).toBe(f.closingFen);
  });

  it('brings the balance forward: a later period opens where this one closed, an earlier one at zero', async () => {
    const now = await figures(customerId, addDays(today, -30), today);
    const later = await figures(customerId, addDays(today, 1), addDays(today, 31));
    expect(later).toMatchObject({ openingFen: now.closingFen, closingFen: now.closingFen, entries: [] });
    const earlier = await figures(customerId, addDays(today, -60), addDays(today, -31));
    expect(earlier).toMatchObject({ openingFen: 0, closingFen: 0, entries: [] });
  });

  it('refuses an end before the start, naming the field, in the user’s language', async () => {
    const r = await h.call(
      s.finance,
      'GET',
      `/api/v1/customers/${customerId}/statement?from=${today}&to=${addDays(today, -1)}`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'DATE_RANGE_INVALID', field: 'to' });
    expect(r.json().error.message).toMatch(/end date/);
  });
});

describe('issued statements', () => {
  let id: string;
  let number: string;

  it('keeps the figures as issued, numbered DZ-, even when more is posted later', async () => {
    const r = await h.call(s.finance, 'POST', `/api/v1/customers/${customerId}/statements`, {
      from: addDays(today, -30),
      to: today,
    });
    expect(r.statusCode, r.body).toBe(201);
    const st = r.json();
    ({ id, number } = st);
    expect(number).toMatch(/^DZ-/);
    expect(st).toMatchObject({ status: 'issued', closingFen: billedFen - 1_000_000, sentAt: null });
    expect((await pay(customerId, 50_000)).statusCode).toBe(201);
    const again = (await h.call(s.finance, 'GET', `/api/v1/statements/${id}`)).json();
    expect(again.closingFen).toBe(billedFen - 1_000_000);
    expect(again.entries).toEqual(st.entries);
    const live = await figures(customerId, addDays(today, -30), today);
    expect(live.closingFen).toBe(billedFen - 1_050_000);
    const [audit] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ action: string }>(tx, sql`select action from audit_log where entity_id = ${id}`),
    );
    expect(audit?.action).toBe('statement.issue');
  });

  it('prints the statement as a PDF with every bill and the closing balance in words', async () => {
    const pdf = await h.call(s.finance, 'GET', `/api/v1/documents/statement/${id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).join('').replace(/\s+/g, '');
    expect(text).toContain('客户对账单');
    expect(text).toContain(number);
    for (const b of billed) expect(text).toContain(b.number);
    expect(text).toContain(amountInWords(billedFen - 1_000_000));
    expect(text).toContain('客户确认');
  });

  it('exports the same rows as .xlsx, amounts in yuan that add up', async () => {
    const r = await h.call(s.finance, 'GET', `/api/v1/statements/${id}/xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent(`对账单-${number}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('对账单')!;
    const values = ws.getSheetValues().filter(Boolean) as unknown[][];
    const total = values.find((v) => v[3] === '本期合计')!;
    expect(Math.round((total[4] as number) * 100)).toBe(billedFen + 200_000);
    expect(Math.round((total[5] as number) * 100)).toBe(1_200_000);
    expect(Math.round((total[6] as number) * 100)).toBe(billedFen - 1_000_000);
  });

  it('is e-mailed with its PDF to the finance contact, or refused when there is none', async () => {
    const none = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/send`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('STATEMENT_NO_RECIPIENT');
    const c = await h.call(s.business, 'POST', `/api/v1/customers/${customerId}/contacts`, {
      name: '财务王敏',
      mobile: '13800138123',
      email: 'finance@duizhang.example.cn',
      roles: ['finance'],
    });
    expect(c.statusCode, c.body).toBe(201);
    const sent = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ sentTo: 'finance@duizhang.example.cn' });
    const mail = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ to: string[]; subject: string; attachments: { kind: string; id: string }[] }>(
        tx,
        sql`select "to", subject, attachments from outbox where entity_type = 'statement' and entity_id = ${id}`,
      ),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['finance@duizhang.example.cn']);
    expect(mail[0]!.subject).toContain(number);
    expect(mail[0]!.attachments).toEqual([expect.objectContaining({ kind: 'statement', id })]);
  });

  it('records the customer’s dispute with what is wrong, once', async () => {
    const noNote = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/response`, {
      response: 'disputed',
      respondedOn: today,
      respondent: '财务王敏',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error).toMatchObject({ code: 'STATEMENT_DISPUTE_NOTE_REQUIRED', field: 'note' });
    const early = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/response`, {
      response: 'confirmed',
      respondedOn: addDays(today, -40),
      respondent: '财务王敏',
    });
    expect(early.json().error?.field, early.body).toBe('respondedOn');
    const r = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/response`, {
      response: 'disputed',
      respondedOn: today,
      respondent: '财务王敏',
      note: '押金已于上月支付',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'disputed',
      respondent: '财务王敏',
      responseNote: '押金已于上月支付',
    });
    const twice = await h.call(s.finance, 'POST', `/api/v1/statements/${id}/response`, {
      response: 'confirmed',
      respondedOn: today,
      respondent: '财务王敏',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('STATEMENT_ALREADY_ANSWERED');
  });

  it('lists statements by customer and status, newest first', async () => {
    const second = await h.call(s.finance, 'POST', `/api/v1/customers/${customerId}/statements`, {
      from: addDays(today, -30),
      to: today,
    });
    await h.call(s.finance, 'POST', `/api/v1/statements/${second.json().id}/response`, {
      response: 'confirmed',
      respondedOn: today,
      respondent: '财务王敏',
    });
    const all = (await h.call(s.finance, 'GET', `/api/v1/statements?customerId=${customerId}`)).json();
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([second.json().id, id]);
    const page1 = (
      await h.call(s.finance, 'GET', `/api/v1/statements?customerId=${customerId}&limit=1`)
    ).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (
      await h.call(
        s.finance,
        'GET',
        `/api/v1/statements?customerId=${customerId}&limit=1&cursor=${page1.nextCursor}`,
      )
    ).json();
    expect(page2.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const confirmed = (await h.call(s.finance, 'GET', `/api/v1/statements?status=confirmed`)).json();
    expect(confirmed.items.map((x: { id: string }) => x.id)).toContain(second.json().id);
    expect(confirmed.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('lets staff read but only finance issue and answer; another organization sees nothing', async () => {
    const issue = await h.call(s.business, 'POST', `/api/v1/customers/${customerId}/statements`, {
      from: today,
      to: today,
    });
    expect(issue.statusCode).toBe(403);
    expect((await h.call(s.business, 'GET', `/api/v1/statements/${id}`)).statusCode).toBe(200);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/statements/${id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/documents/statement/${id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/statements/${id}/xlsx`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/statements?customerId=${customerId}`)).json().items).toEqual(
      [],
    );
    const live = await h.call(
      other,
      'GET',
      `/api/v1/customers/${customerId}/statement?from=${today}&to=${today}`,
    );
    expect(live.statusCode).toBe(404);
  });
});
