import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';

/** Invoice records (发票) and the invoicing export (issue 7 "Payments"; DOMAIN.md "Tax and invoices"). */
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);

interface Line {
  lineId: string;
  billId: string;
  billNumber: string;
  chargeType: string;
  name: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  vatRate: string;
  propertyAddress: string | null;
  certificateNo: string | null;
  areaSqm: string | null;
  leaseStart: string | null;
  leaseEnd: string | null;
  buyerName: string;
  buyerTaxId: string;
  invoiceNumber: string | null;
}

let customerId: string;
let otherCustomerId: string;
let unit: { id: string; code: string; insideArea: string; certificateNo: string | null };
let lines: Line[];
let n = 0;
const number = () => `2611${String(Date.now()).slice(-8)}${String(++n).padStart(4, '0')}`;
const pending = async (customer = customerId) =>
  (await h.call(s.finance, 'GET', `/api/v1/invoicing/lines?customerId=${customer}&invoiced=false`)).json()
    .items as Line[];
const record = (body: Record<string, unknown>) =>
  h.call(s.finance, 'POST', '/api/v1/invoices', {
    customerId,
    type: 'special',
    number: number(),
    issuedOn: today,
    ...body,
  });

async function leased(name: string) {
  const [u] = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=1`)
  ).json().items;
  const a = await t.admitted(name, [u.id], today, 12);
  const c = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([u.id], today, 12, { billingCycleMonths: 1, rentFree: [], escalations: [] }),
  });
  expect(c.statusCode, c.body).toBe(201);
  await t.sign(c.json().id);
  return { customerId: a.customerId as string, unit: u };
}

beforeAll(async () => {
  h = await testApp({ LOG_LEVEL: 'error' });
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  const a = await leased('开票测试有限公司');
  customerId = a.customerId;
  unit = a.unit;
  otherCustomerId = (await leased('另一家开票测试有限公司')).customerId;
  const run = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf: today });
  expect(run.json().status, run.body).toBe('succeeded');
  lines = await pending();
});
afterAll(() => h?.close());

describe('what the invoicing tool needs', () => {
  it('lists each issued line with the buyer, the property as signed, the lease period, amounts and rate', async () => {
    const rent = lines.find((l) => l.chargeType === 'rent')!;
    expect(rent).toMatchObject({
      buyerName: '开票测试有限公司',
      buyerTaxId: expect.stringMatching(/^[0-9A-Z]{18}$/),
      // The contract bills on the inside area (test/contracts.ts terms), as the signed snapshot froze it.
      areaSqm: unit.insideArea,
      certificateNo: unit.certificateNo,
      leaseStart: today,
      leaseEnd: addDays(addMonths(today, 12), -1),
      vatRate: '0.0900',
    });
    expect(rent.propertyAddress).toContain(unit.code);
    expect(rent.netFen + rent.taxFen).toBe(rent.totalFen);
    // The deposit has no unit of its own: it names the lease's unit.
    const deposit = lines.find((l) => l.chargeType === 'deposit')!;
    expect(deposit.propertyAddress).toContain(unit.code);
  });

  it('exports them as .xlsx with Chinese headers and amounts in yuan', async () => {
    const r = await h.call(s.finance, 'GET', `/api/v1/invoicing/lines.xlsx?customerId=${customerId}`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        '购买方名称',
        '纳税人识别号',
        '不动产地址',
        '产权证书号',
        '面积（㎡）',
        '租赁期',
        '税率',
        '税额',
        '价税合计',
      ]),
    );
    expect(ws.rowCount).toBe(lines.length + 1);
    const rent = lines.find((l) => l.chargeType === 'rent')!;
    const row = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1).values as unknown[])
      .find((v) => v.includes('租金'))!;
    expect(row).toContain(rent.totalFen / 100);
    expect(row).toContain('9%');
  });
});

describe('invoice records', () => {
  it('records a special invoice for chosen lines; they leave the list still to invoice', async () => {
    const chosen = lines.filter((l) => l.chargeType !== 'deposit');
    const r = await record({ lineIds: chosen.map((l) => l.lineId), note: '首期租金及物业费' });
    expect(r.statusCode, r.body).toBe(201);
    const inv = r.json();
    expect(inv).toMatchObject({
      type: 'special',
      status: 'issued',
      buyerName: '开票测试有限公司',
      netFen: chosen.reduce((x, l) => x + l.netFen, 0),
      taxFen: chosen.reduce((x, l) => x + l.taxFen, 0),
      totalFen: chosen.reduce((x, l) => x + l.totalFen, 0),
      lineCount: chosen.length,
    });
    expect(inv.lines.map((l: Line) => l.invoiceNumber)).toEqual(chosen.map(() => inv.number));
    expect((await pending()).map((l) => l.chargeType)).toEqual(['deposit']);
    const ofBill = await h.call(
      s.finance,
      'GET',
      `/api/v1/invoicing/lines?billId=${chosen[0]!.billId}&invoiced=true`,
    );
    expect(ofBill.json().items.map((l: Line) => l.lineId)).toEqual(
      chosen.filter((l) => l.billId === chosen[0]!.billId).map((l) => l.lineId),
    );

    // A line is on one invoice at most; a number is recorded once.
    const again = await record({ lineIds: [chosen[0]!.lineId] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVOICE_LINE_TAKEN', field: 'lineIds' });
    expect(again.json().error.message).toContain(inv.number);
    const deposit = lines.find((l) => l.chargeType === 'deposit')!;
    const sameNumber = await record({ number: inv.number, lineIds: [deposit.lineId] });
    expect(sameNumber.json().error).toMatchObject({ code: 'INVOICE_NUMBER_TAKEN', field: 'number' });

    // Voided, its lines are free again.
    const voided = await h.call(s.finance, 'POST', `/api/v1/invoices/${inv.id}/void`, {
      reason: '开票信息有误，已红冲',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: '开票信息有误，已红冲' });
    expect((await pending()).length).toBe(lines.length);
    const twice = await h.call(s.finance, 'POST', `/api/v1/invoices/${inv.id}/void`, { reason: '再次作废' });
    expect(twice.json().error.code).toBe('INVOICE_ALREADY_VOID');
    expect((await record({ lineIds: [chosen[0]!.lineId], type: 'ordinary' })).statusCode).toBe(201);
  });

  it('refuses another customer’s lines, a future date and a bad number, naming the field', async () => {
    const theirs = (await pending(otherCustomerId))[0]!;
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ lineIds: [theirs.lineId] }, 400, 'INVOICE_LINE_NOT_CUSTOMERS', 'lineIds'],
      [
        { lineIds: [lines[0]!.lineId], issuedOn: addDays(today, 1) },
        400,
        'BILLING_DATE_IN_FUTURE',
        'issuedOn',
      ],
      [{ lineIds: [lines[0]!.lineId], number: 'FP-001' }, 400, 'VALIDATION_FAILED', 'number'],
    ];
    for (const [body, status, code, field] of cases) {
      const r = await record(body);
      expect(r.statusCode, code).toBe(status);
      expect(r.json().error).toMatchObject({ code, field });
    }
  });

  it('lists invoices newest first, and only finance records them; another organization sees none', async () => {
    const list = (await h.call(s.business, 'GET', `/api/v1/invoices?customerId=${customerId}`)).json();
    expect(list.items.map((i: { status: string }) => i.status)).toEqual(['issued', 'void']);
    const business = await h.call(s.business, 'POST', '/api/v1/invoices', {
      customerId,
      type: 'ordinary',
      number: number(),
      issuedOn: today,
      lineIds: [lines[0]!.lineId],
    });
    expect(business.statusCode).toBe(403);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', '/api/v1/invoices')).json().items).toEqual([]);
    expect((await h.call(other, 'GET', `/api/v1/invoices/${list.items[0].id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', '/api/v1/invoicing/lines')).json().items).toEqual([]);
  });
});
