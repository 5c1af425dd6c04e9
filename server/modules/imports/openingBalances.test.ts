import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, todayIn } from '../../../common/dates.ts';
import { formatError } from '../../../common/errors.ts';
import { mayImport } from '../../../common/schemas/imports.ts';
import { contractHelpers } from '../../../test/contracts.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet, uscc } from '../../../test/sheets.ts';
import { rows } from '../../platform/db/database.ts';

/*
 * Opening balances (issue 7): a company starting with Tenantry imports each contract's unpaid bills and the
 * deposits it holds. Two leases are imported first: A, active for six months and billed outside Tenantry
 * through nine months; B, signed and starting next month, its deposit still to be billed by the run.
 */

let h: Harness;
let admin: Session;
let finance: Session;
let biz: Session;
let management: Session;
const today = todayIn('Asia/Shanghai');
const SITE = '期初导入园';
const BUILDING = '2号楼';
const A = 9300;
const B = 9301;
const customerIds: Record<number, string> = {};
const contracts: Record<number, { id: string; number: string }> = {};
let draftNumber = '';

const LEASE_HEADERS = [
  '客户统一社会信用代码',
  '园区',
  '楼栋',
  '单元编号',
  '计租面积类型',
  '用途',
  '起租日期',
  '结束日期',
  '计租方式',
  '租金单价(元)',
  '付款周期(月)',
  '提前付款天数',
  '保证金月数',
  '签约日期',
  '交付日期',
  '保管人用户名',
  '已结算至',
];
const startA = addMonths(today, -6);
const startB = addDays(today, 30);

const HEADERS = [
  '合同编号',
  '费用类型',
  '项目名称',
  '计费期间起',
  '计费期间止',
  '到期日',
  '金额（元，含税）',
  '税率',
  '原账单号',
  '备注',
];
type Cell = string | number | null;
// Lease A's second and third quarters: billed before Tenantry, and still unpaid.
const p1 = { from: addMonths(startA, 3), to: addDays(addMonths(startA, 6), -1) };
const p2 = { from: addMonths(startA, 6), to: addDays(addMonths(startA, 9), -1) };
const due1 = addDays(p1.from, -5);
const due2 = addDays(today, 10);
const overdueRent = (): Cell[] => [
  contracts[A]!.number,
  '租金',
  '',
  p1.from,
  p1.to,
  due1,
  '30,000.00',
  '',
  'ZL-2024-001',
  '',
];
const currentRent = (): Cell[] => [
  contracts[A]!.number,
  '租金',
  '期初余额',
  p2.from,
  p2.to,
  due2,
  12345.67,
  '9%',
  '',
  '部分已付',
];
const depositHeld = (): Cell[] => [contracts[A]!.number, '保证金', '', '', '', '', '20000', '', '', ''];
const feeOfB = (): Cell[] => [
  contracts[B]!.number,
  '物业费',
  '物业费期初',
  p1.from,
  p1.to,
  addDays(today, -40),
  '5,000.00',
  '',
  '',
  '',
];

const upload = (s: Session, bytes: Buffer, kind = 'opening_balances', name = '期初余额.xlsx') => {
  const m = multipart({ kind }, { name, bytes });
  return h.call(s, 'POST', '/api/v1/imports', m.payload, m.headers);
};
const stage = async (list: Cell[][]) => {
  const r = await upload(finance, await sheet(HEADERS, list));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const problems = async (id: string, lang = 'zh-CN') =>
  (
    await h.call(finance, 'GET', `/api/v1/imports/${id}/rows?onlyErrors=true&limit=100`, undefined, {
      'accept-language': lang,
    })
  ).json().items as {
    rowNo: number;
    label: string | null;
    errors: { field: string; code: string; column: string; reason: string; value: string | null }[];
  }[];
const commit = (id: string, mode: string, who = finance) =>
  h.call(who, 'POST', `/api/v1/imports/${id}/commit`, { mode });
const billsOf = async (contractId: string) =>
  (
    (await h.call(finance, 'GET', `/api/v1/bills?contractId=${contractId}`)).json().items as {
      id: string;
      number: string;
      dueDate: string;
      issuedOn: string;
      totalFen: number;
      outstandingFen: number;
      status: string;
    }[]
  ).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
const balance = async (n: number) =>
  (await h.call(finance, 'GET', `/api/v1/customers/${customerIds[n]}/balance`)).json();
const inOrg = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  h.db.inOrg(h.orgs.demo, (tx) => rows<T>(tx, q));

beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
  finance = await h.login('finance');
  biz = await h.login('business');
  management = await h.login('management');
  const site = await h.call(admin, 'POST', '/api/v1/sites', {
    name: SITE,
    city: '上海',
    address: '期初路1号',
  });
  expect(site.statusCode, site.body).toBe(201);
  const building = await h.call(admin, 'POST', '/api/v1/buildings', {
    siteId: site.json().id,
    name: BUILDING,
    floorsAbove: 5,
  });
  expect(building.statusCode, building.body).toBe(201);
  let unit203 = '';
  for (const code of ['201', '202', '203']) {
    const u = await h.call(admin, 'POST', '/api/v1/units', {
      buildingId: building.json().id,
      code,
      type: 'office',
      floor: 2,
      grossArea: '200.00',
      insideArea: '160.00',
      usableArea: '150.00',
      listPrice: '4.5',
      priceBasis: 'per_sqm_day',
    });
    expect(u.statusCode, u.body).toBe(201);
    unit203 = u.json().id;
  }
  const customers = await upload(
    biz,
    await sheet(CUSTOMER_HEADERS, [customerRow(A), customerRow(B)]),
    'customers',
  );
  expect(customers.json().errorRows).toBe(0);
  await commit(customers.json().id, 'all_or_nothing', biz);
  const lease = (
    n: number,
    code: string,
    start: string,
    o: { handedOverOn: string; billedThrough: string; signedOn: string },
  ) => [
    uscc(n),
    SITE,
    BUILDING,
    code,
    '建筑',
    '办公',
    start,
    addDays(addYears(start, 3), -1),
    '元/㎡/月',
    100,
    3,
    5,
    2,
    o.signedOn,
    o.handedOverOn,
    'business',
    o.billedThrough,
  ];
  const leases = await upload(
    admin,
    await sheet(LEASE_HEADERS, [
      lease(A, '201', startA, {
        signedOn: addDays(startA, -10),
        handedOverOn: startA,
        billedThrough: p2.to,
      }),
      lease(B, '202', startB, {
        signedOn: addDays(today, -5),
        handedOverOn: '',
        billedThrough: addDays(startB, -1),
      }),
    ]),
    'contracts',
  );
  expect(leases.json().errorRows, JSON.stringify(await problems(leases.json().id))).toBe(0);
  expect((await commit(leases.json().id, 'all_or_nothing', admin)).statusCode).toBe(200);
  for (const n of [A, B]) {
    customerIds[n] = (await h.call(admin, 'GET', `/api/v1/customers?q=${uscc(n)}`)).json().items[0].id;
    const [c] = (await h.call(admin, 'GET', `/api/v1/contracts?customerId=${customerIds[n]}`)).json().items;
    contracts[n] = { id: c.id, number: c.number };
  }
  // A contract still a draft: nothing can be billed on it.
  const staff = { admin, finance, business: biz, management, legal: await h.login('legal') };
  const t = contractHelpers(() => h, staff, today);
  const a = await t.admitted('期初草稿测试有限公司', [unit203], startB);
  const draft = await h.call(biz, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([unit203], startB),
  });
  expect(draft.statusCode, draft.body).toBe(201);
  draftNumber = draft.json().number;
  // B paid 1,000.00 before anything was billed: credit the import's bills take.
  const paid = await h.call(finance, 'POST', '/api/v1/payments', {
    customerId: customerIds[B],
    amountFen: 100_000,
    receivedOn: today,
    method: 'bank_transfer',
    idempotencyKey: `opening-test-${Math.random()}`,
  });
  expect(paid.statusCode, paid.body).toBe(201);
});
afterAll(() => h?.close());

describe('opening balances import', () => {
  it('serves its template and is for finance and administrators only', async () => {
    const r = await h.call(finance, 'GET', '/api/v1/imports/templates/opening_balances.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('期初余额导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.name).toBe('期初余额');
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual([
      '合同编号*',
      '费用类型*',
      '项目名称',
      '计费期间起',
      '计费期间止',
      '到期日',
      '金额（元，含税）*',
      '税率',
      '原账单号',
      '备注',
    ]);
    expect((await upload(finance, r.rawPayload)).json().error.code).toBe('IMPORT_EMPTY');

    expect(mayImport('opening_balances', ['finance'])).toBe(true);
    expect(mayImport('opening_balances', ['business'])).toBe(false);
    const bytes = await sheet(HEADERS, [depositHeld()]);
    const refused = await upload(biz, bytes);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    // Finance may import opening balances, not customers.
    expect(
      (await upload(finance, await sheet(CUSTOMER_HEADERS, [customerRow(9399)]), 'customers')).statusCode,
    ).toBe(403);
  });

  let batchId = '';
  it('imports unpaid bills as issued lines, one bill per contract and due date, and deposits as held', async () => {
    const b = await stage([overdueRent(), currentRent(), depositHeld(), feeOfB()]);
    batchId = b.id;
    expect(b).toMatchObject({ kind: 'opening_balances', totalRows: 4, errorRows: 0 });
    const preview = (await h.call(finance, 'GET', `/api/v1/imports/${batchId}/rows`)).json().items;
    expect(preview[0]).toMatchObject({
      label: `${contracts[A]!.number} 测试导入科技有限公司${A} 租金`,
      data: { name: '期初余额', vatRate: '0.09', amountFen: 3_000_000, chargeType: 'rent' },
    });
    expect(preview[2].data).toMatchObject({ name: 'rent', vatRate: '0', periodStart: startA, dueDate: null });
    expect(preview[3].data).toMatchObject({ chargeType: 'property_fee', vatRate: '0.06' });
    expect(preview[0].data.contractId).toBeUndefined();
    // Business users can neither commit it nor discard it.
    expect((await commit(batchId, 'all_or_nothing', biz)).statusCode).toBe(403);
    expect((await h.call(biz, 'POST', `/api/v1/imports/${batchId}/discard`)).statusCode).toBe(403);

    const done = await commit(batchId, 'all_or_nothing');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', importedRows: 4, skippedRows: 0 });

    const bills = await billsOf(contracts[A]!.id);
    expect(bills.map((x) => [x.dueDate, x.issuedOn, x.totalFen, x.outstandingFen, x.status])).toEqual([
      [due1, today, 3_000_000, 3_000_000, 'open'],
      [today, today, 2_000_000, 0, 'paid'],
      [due2, today, 1_234_567, 1_234_567, 'open'],
    ]);
    const overdue = (await h.call(finance, 'GET', `/api/v1/bills/${bills[0]!.id}`)).json();
    expect(overdue.lines).toEqual([
      expect.objectContaining({
        kind: 'charge',
        chargeType: 'rent',
        unitId: null,
        name: '期初余额',
        seq: 0,
        periodStart: p1.from,
        periodEnd: p1.to,
        postingDate: today,
        netFen: 2_752_294,
        taxFen: 247_706,
        totalFen: 3_000_000,
        vatRate: '0.0900',
        reason: '期初导入；原账单号 ZL-2024-001',
      }),
    ]);
    const current = (await h.call(finance, 'GET', `/api/v1/bills/${bills[2]!.id}`)).json();
    expect(current.lines[0]).toMatchObject({
      netFen: 1_132_630,
      taxFen: 101_937,
      reason: '期初导入；部分已付',
    });
    const deposit = (await h.call(finance, 'GET', `/api/v1/bills/${bills[1]!.id}`)).json();
    expect(deposit.lines[0]).toMatchObject({
      chargeType: 'deposit',
      name: 'rent',
      periodStart: startA,
      netFen: 2_000_000,
      taxFen: 0,
      vatRate: '0.0000',
    });

    // The overdue one counts as overdue in the customer's balance.
    expect(await balance(A)).toMatchObject({
      outstandingFen: 4_234_567,
      overdueFen: 3_000_000,
      creditFen: 0,
    });
    // The deposit is held, received by a payment 期初保证金 dated today.
    const ledger = (await h.call(finance, 'GET', `/api/v1/contracts/${contracts[A]!.id}/deposit`)).json();
    expect(ledger).toMatchObject({
      billedFen: 2_000_000,
      receivedFen: 2_000_000,
      heldFen: 2_000_000,
      unreceivedFen: 0,
    });
    const payments = (await h.call(finance, 'GET', `/api/v1/payments?customerId=${customerIds[A]}`)).json()
      .items;
    expect(payments).toEqual([
      expect.objectContaining({
        amountFen: 2_000_000,
        receivedOn: today,
        method: 'other',
        reference: '期初保证金',
        status: 'received',
      }),
    ]);
    expect(ledger.received).toEqual([
      expect.objectContaining({
        amountFen: 2_000_000,
        postingDate: today,
        paymentNumber: payments[0].number,
      }),
    ]);

    // B's credit settled its new bill, as after a billing run.
    const [fee] = await billsOf(contracts[B]!.id);
    expect(fee).toMatchObject({ totalFen: 500_000, outstandingFen: 400_000, status: 'partially_paid' });
    expect(await balance(B)).toMatchObject({ outstandingFen: 400_000, overdueFen: 400_000, creditFen: 0 });

    // Four bills of the batch, numbered without gaps; one audit row per line.
    const issued = await inOrg<{ number: string }>(
      sql`select number from bills where run_id = ${batchId} order by number`,
    );
    const serials = issued.map((x) => Number(x.number.slice(-6)));
    expect(serials).toEqual([0, 1, 2, 3].map((i) => serials[0]! + i));
    expect(issued[0]!.number).toMatch(new RegExp(`^ZD-${today.slice(0, 4)}${today.slice(5, 7)}-\\d{6}$`));
    const audits = await inOrg<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'billing.opening_balance'
          and after->>'importBatchId' = ${batchId}`,
    );
    expect(audits).toEqual([{ n: 4 }]);
  });

  it('refuses a re-import of the same rows: those charges are billed', async () => {
    const b = await stage([overdueRent(), currentRent(), depositHeld(), feeOfB()]);
    expect(b).toMatchObject({ totalRows: 4, errorRows: 4 });
    const p = await problems(b.id);
    expect(p.map((x) => x.errors.map((e) => `${e.field}:${e.code}`))).toEqual(
      [0, 1, 2, 3].map(() => ['contractNumber:OPENING_KEY_ISSUED']),
    );
    const first = (await billsOf(contracts[A]!.id))[0]!;
    expect(p[0]!.errors[0]!.reason).toBe(
      formatError('OPENING_KEY_ISSUED', 'zh-CN', { number: contracts[A]!.number, bill: first.number }),
    );
    expect((await commit(b.id, 'all_or_nothing')).json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await commit(b.id, 'valid_only')).json()).toMatchObject({ importedRows: 0, skippedRows: 4 });
    expect(await billsOf(contracts[A]!.id)).toHaveLength(3);
  });

  it('names the field of every bad row, and imports only the good ones when asked', async () => {
    const a = contracts[A]!.number;
    const rent = (
      name: string,
      o: Partial<Record<'from' | 'to' | 'due' | 'amount' | 'rate', Cell>> = {},
    ): Cell[] => [
      a,
      '租金',
      name,
      o.from ?? p1.from,
      o.to ?? p1.to,
      o.due ?? due1,
      o.amount ?? '100',
      o.rate ?? '',
      '',
      '',
    ];
    const b = await stage([
      rent('补录一'), // 2 good
      ['HT-1999-999999', ...rent('x').slice(1)], // 3
      [draftNumber, ...rent('x').slice(1)], // 4
      [a, '押金费', '', '', '', '', '100', '', '', ''], // 5
      rent('缺起', { from: '' }), // 6
      rent('倒置', { from: p1.to, to: p1.from }), // 7
      rent('缺到期', { due: '' }), // 8
      rent('零', { amount: '0' }), // 9
      rent('三位小数', { amount: '12.345' }), // 10
      rent('税率过大', { rate: '150%' }), // 11
      rent('五位小数', { rate: '0.12345' }), // 12
      [a, '保证金', '物业费保证金', '', '', '', '100', '9%', '', ''], // 13
      [a, '押金', '装修押金', '', '', '', '100', '', '', ''], // 14
      rent('补录一'), // 15 same as row 2
      [contracts[B]!.number, '保证金', '', '', '', '', '100', '', '', ''], // 16 planned by B's lease
      ['', '租金', '', p1.from, p1.to, due1, '100', '', '', ''], // 17
      rent('坏日期', { from: '2025-13-01' }), // 18
    ]);
    expect(b).toMatchObject({ totalRows: 17, errorRows: 16 });
    const p = await problems(b.id);
    expect(p.map((x) => [x.rowNo, x.errors.map((e) => `${e.field}:${e.code}`).join(',')])).toEqual([
      [3, 'contractNumber:OPENING_CONTRACT_NOT_FOUND'],
      [4, 'contractNumber:CHARGE_CONTRACT_NOT_BILLED'],
      [5, 'chargeType:choice'],
      [6, 'periodStart:OPENING_VALUE_REQUIRED'],
      [7, 'periodEnd:OPENING_PERIOD_INVALID'],
      [8, 'dueDate:OPENING_VALUE_REQUIRED'],
      [9, 'amount:OPENING_AMOUNT_RANGE'],
      [10, 'amount:amount_format'],
      [11, 'vatRate:fraction_format'],
      [12, 'vatRate:OPENING_VAT_RATE'],
      [13, 'vatRate:OPENING_DEPOSIT_VAT'],
      [14, 'name:choice'],
      [15, 'contractNumber:OPENING_KEY_REPEATED'],
      [16, 'contractNumber:OPENING_KEY_PLANNED'],
      [17, 'contractNumber:required'],
      [18, 'periodStart:date_format'],
    ]);
    const row = (n: number) => p.find((x) => x.rowNo === n)!.errors[0]!;
    expect(row(3)).toMatchObject({
      column: '合同编号',
      value: 'HT-1999-999999',
      reason: '未找到合同编号为 HT-1999-999999 的合同',
    });
    expect(row(5)).toMatchObject({ column: '费用类型', value: '押金费' });
    expect(row(5).reason).toContain('逾期付款违约金');
    expect(row(9)).toMatchObject({ column: '金额（元，含税）', value: '0.00 元' });
    expect(row(14).reason).toBe('应为以下之一：租金保证金、物业费保证金');
    expect(row(15).reason).toBe(formatError('OPENING_KEY_REPEATED', 'zh-CN', { row: 2 }));
    const en = await problems(b.id, 'en');
    expect(en[0]!.errors[0]).toMatchObject({
      column: 'Contract number',
      reason: 'There is no contract numbered HT-1999-999999',
    });
    expect(en.find((x) => x.rowNo === 8)!.errors[0]).toMatchObject({
      column: 'Due date',
      reason: 'Required for every charge type but deposits',
    });

    expect((await commit(b.id, 'all_or_nothing')).json().error.code).toBe('IMPORT_HAS_ERRORS');
    const done = await commit(b.id, 'valid_only');
    expect(done.json()).toMatchObject({ importedRows: 1, skippedRows: 16 });
    // Due the same day as the first import's overdue bill, issued the same day: the next free due date.
    const bills = await billsOf(contracts[A]!.id);
    expect(bills.map((x) => [x.dueDate, x.totalFen])).toEqual([
      [due1, 3_000_000],
      [addDays(due1, 1), 10_000],
      [today, 2_000_000],
      [due2, 1_234_567],
    ]);
    expect(await balance(A)).toMatchObject({ outstandingFen: 4_244_567, overdueFen: 3_010_000 });
  });

  it('leaves opening lines alone when the contract is redrawn (a termination)', async () => {
    const r = await h.call(management, 'POST', `/api/v1/contracts/${contracts[A]!.id}/terminate`, {
      reason: 'mutual',
      forNonPayment: false,
      effectiveOn: today,
      liabilities: '协商解除，期初欠款另行结算',
    });
    expect(r.statusCode, r.body).toBe(200);
    // Everything up to `billedThrough` was billed outside Tenantry: nothing to plan, nothing to credit back.
    const plan = await inOrg<{ name: string; kind: string; totalFen: number }>(
      sql`select name, kind, total_fen::int8 as "totalFen" from charge_plan where contract_id = ${contracts[A]!.id}`,
    );
    expect(plan).toEqual([]);
    expect(await balance(A)).toMatchObject({ outstandingFen: 4_244_567 });
    const ledger = (await h.call(finance, 'GET', `/api/v1/contracts/${contracts[A]!.id}/deposit`)).json();
    expect(ledger).toMatchObject({ heldFen: 2_000_000, unreceivedFen: 0 });
  });
});
