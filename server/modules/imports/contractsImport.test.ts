import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, todayIn } from '../../../common/dates.ts';
import { formatError } from '../../../common/errors.ts';
import { mayImport } from '../../../common/schemas/imports.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet, uscc } from '../../../test/sheets.ts';
import { rows } from '../../platform/db/database.ts';
import { latestEnd } from '../contracts/terms.ts';

let h: Harness;
let admin: Session;
let biz: Session;
const today = todayIn('Asia/Shanghai');
const SITE = '存量导入园';
const BUILDING = '1号楼';
/** Customer numbers for uscc(n): A, B and C are imported as prospects first. */
const A = 9100;
const B = 9101;
const C = 9102;
const customerIds: Record<number, string> = {};
const unitIds: Record<string, string> = {};

const HEADERS = [
  '客户统一社会信用代码',
  '园区',
  '楼栋',
  '单元编号',
  '计租面积类型(建筑/套内/使用)',
  '用途',
  '起租日期',
  '结束日期',
  '计租方式',
  '租金单价(元)',
  '含税(是/否)',
  '租金税率',
  '付款周期(月)',
  '提前付款天数',
  '物业费单价(元/㎡/月)',
  '保证金月数',
  '保证金金额(元)',
  '违约金日比例',
  '宽限天数',
  '签约日期',
  '交付日期',
  '保管人用户名',
  '存放位置',
  '已结算至',
  '原合同编号',
];

interface Lease {
  customer: number;
  codes: string;
  start: string;
  end: string;
  signedOn: string;
  billedThrough: string;
  handedOverOn?: string;
  basis?: string;
  price?: string | number;
  depositMonths?: number | string;
  depositAmount?: string;
}

function lease(l: Lease): (string | number | null)[] {
  return [
    uscc(l.customer),
    SITE,
    BUILDING,
    l.codes,
    '建筑',
    '办公',
    l.start,
    l.end,
    l.basis ?? '元/㎡/月',
    l.price ?? 120,
    '是',
    '9%',
    3,
    5,
    8.5,
    l.depositMonths ?? (l.depositAmount ? '' : 2),
    l.depositAmount ?? '',
    '万分之五',
    3,
    l.signedOn,
    l.handedOverOn ?? '',
    'business',
    '档案室 B-01 柜',
    l.billedThrough,
    `ZL-${l.codes}`,
  ];
}

// The three good leases: active (handed over), signed (starts next month), expired (ended last month).
const activeStart = addMonths(today, -6);
const active: Lease = {
  customer: A,
  codes: '101、102',
  start: activeStart,
  end: addDays(addYears(activeStart, 3), -1),
  signedOn: addDays(activeStart, -10),
  handedOverOn: activeStart,
  billedThrough: addDays(addMonths(activeStart, 6), -1),
};
const signedStart = addDays(today, 30);
const signed: Lease = {
  customer: B,
  codes: '103',
  start: signedStart,
  end: addDays(addYears(signedStart, 2), -1),
  signedOn: addDays(today, -5),
  billedThrough: addDays(signedStart, -1),
  basis: '元/月（固定）',
  price: '25000',
  depositAmount: '30,000.00',
};
const expiredStart = addYears(today, -3);
const expired: Lease = {
  customer: C,
  codes: '104',
  start: expiredStart,
  end: addDays(today, -30),
  signedOn: addDays(expiredStart, -1),
  handedOverOn: expiredStart,
  billedThrough: addDays(today, -30),
};

const upload = (s: Session, name: string, bytes: Buffer, kind = 'contracts', lang = 'zh-CN') => {
  const m = multipart({ kind }, { name, bytes });
  return h.call(s, 'POST', '/api/v1/imports', m.payload, { ...m.headers, 'accept-language': lang });
};
const problems = async (id: string, lang = 'zh-CN') =>
  (
    await h.call(admin, 'GET', `/api/v1/imports/${id}/rows?onlyErrors=true`, undefined, {
      'accept-language': lang,
    })
  ).json().items;
const commit = (id: string, mode: string) => h.call(admin, 'POST', `/api/v1/imports/${id}/commit`, { mode });
const stage = async (list: (string | number | null)[][], name = '存量合同.xlsx') => {
  const r = await upload(admin, name, await sheet(HEADERS, list));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};
const contractsOf = async (customer: number) => {
  const list = (await h.call(admin, 'GET', `/api/v1/contracts?customerId=${customerIds[customer]}`)).json()
    .items;
  return Promise.all(
    list.map(async (c: { id: string }) => (await h.call(admin, 'GET', `/api/v1/contracts/${c.id}`)).json()),
  );
};
const customerStatus = async (n: number) =>
  (await h.call(admin, 'GET', `/api/v1/customers/${customerIds[n]}`)).json().status;
const unitStatus = async (code: string, asOf = today) =>
  (await h.call(admin, 'GET', `/api/v1/units/${unitIds[code]}?asOf=${asOf}`)).json().status;

beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
  biz = await h.login('business');
  // A building of our own, so that the demo data's holds do not get in the way.
  const site = await h.call(admin, 'POST', '/api/v1/sites', {
    name: SITE,
    city: '上海',
    address: '测试路1号',
  });
  expect(site.statusCode, site.body).toBe(201);
  const building = await h.call(admin, 'POST', '/api/v1/buildings', {
    siteId: site.json().id,
    name: BUILDING,
    floorsAbove: 5,
  });
  expect(building.statusCode, building.body).toBe(201);
  for (const code of ['101', '102', '103', '104', '105', '106', '107', '108']) {
    const u = await h.call(admin, 'POST', '/api/v1/units', {
      buildingId: building.json().id,
      code,
      type: 'office',
      floor: 1,
      grossArea: '200.00',
      insideArea: '160.00',
      usableArea: '150.00',
      listPrice: '4.5',
      priceBasis: 'per_sqm_day',
    });
    expect(u.statusCode, u.body).toBe(201);
    unitIds[code] = u.json().id;
  }
  // The customers come first (an import of their own); they start as prospects.
  const m = multipart(
    { kind: 'customers' },
    {
      name: '客户.xlsx',
      bytes: await sheet(
        CUSTOMER_HEADERS,
        [A, B, C].map((n) => customerRow(n)),
      ),
    },
  );
  const staged = await h.call(biz, 'POST', '/api/v1/imports', m.payload, m.headers);
  expect(staged.json().errorRows).toBe(0);
  await h.call(biz, 'POST', `/api/v1/imports/${staged.json().id}/commit`, { mode: 'all_or_nothing' });
  for (const n of [A, B, C]) {
    const found = (await h.call(admin, 'GET', `/api/v1/customers?q=${uscc(n)}`)).json().items;
    expect(found).toHaveLength(1);
    customerIds[n] = found[0].id;
  }
});
afterAll(() => h?.close());

describe('import of existing leases (contracts)', () => {
  it('serves a template with the Chinese headers and lets only an administrator import leases', async () => {
    const r = await h.call(biz, 'GET', '/api/v1/imports/templates/contracts.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('存量合同导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const headers = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 5)).toEqual([
      '客户统一社会信用代码*',
      '园区*',
      '楼栋*',
      '单元编号*',
      '计租面积类型(建筑/套内/使用)*',
    ]);
    expect(headers).toEqual(
      expect.arrayContaining(['含税(是/否)', '保证金金额(元)', '已结算至*', '保管人用户名']),
    );
    // The template as it comes has nothing to import (its example row is skipped).
    expect((await upload(admin, '模板.xlsx', r.rawPayload)).json().error.code).toBe('IMPORT_EMPTY');

    const bytes = await sheet(HEADERS, [lease(active)]);
    const refused = await upload(biz, 'a.xlsx', bytes);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect(mayImport('contracts', ['business'])).toBe(false);
    expect(mayImport('contracts', ['admin'])).toBe(true);
    expect(mayImport('units', ['business'])).toBe(true);
  });

  let batchId: string;
  const tooLongStart = today;
  const clashStart = addMonths(today, 1);

  it('previews every bad row with its row, column and reason, in both languages', async () => {
    const b = await stage([
      lease(active), // 2
      lease(signed), // 3
      lease(expired), // 4
      lease({ ...active, customer: 9199, codes: '105' }), // 5 no such customer
      lease({ ...active, codes: '105、199' }), // 6 no such unit
      lease({
        ...signed,
        codes: '105',
        start: tooLongStart,
        end: addYears(tooLongStart, 20),
        billedThrough: addDays(tooLongStart, -1),
      }), // 7 more than twenty years
      lease({
        ...signed,
        basis: '元/㎡/月',
        price: 100,
        codes: '106、102',
        start: clashStart,
        end: addYears(clashStart, 1),
        billedThrough: addDays(clashStart, -1),
      }), // 8 102 is row 2's for the same months
      lease({ ...expired, codes: '107', billedThrough: addDays(expired.end, 1) }), // 9 billed past the end
      lease({ ...signed, codes: '108', depositMonths: 2, depositAmount: '1000', price: '12.34567' }), // 10
    ]);
    batchId = b.id;
    expect(b).toMatchObject({ kind: 'contracts', status: 'previewed', totalRows: 9, errorRows: 6 });
    const zh = await problems(batchId);
    const seen = zh.map((x: { rowNo: number; errors: { field: string; code: string }[] }) => [
      x.rowNo,
      x.errors.map((e) => `${e.field}:${e.code}`).join(','),
    ]);
    expect(seen).toEqual([
      [5, 'uscc:CONTRACT_IMPORT_NOT_FOUND'],
      [6, 'unitCodes:CONTRACT_IMPORT_NOT_FOUND'],
      [7, 'endDate:CONTRACT_TERM_TOO_LONG'],
      [8, 'unitCodes:lease_overlap_in_file'],
      [9, 'billedThrough:CONTRACT_BILLED_THROUGH_OUTSIDE_TERM'],
      [10, 'rentPrice:price_format,depositAmount:deposit_both'],
    ]);
    expect(zh[0].errors[0]).toMatchObject({
      column: '客户统一社会信用代码',
      value: uscc(9199),
      reason: `未找到统一社会信用代码为 ${uscc(9199)} 的客户`,
    });
    expect(zh[1]).toMatchObject({
      label: `测试导入科技有限公司${A} ${BUILDING}105、199`,
      errors: [{ column: '单元编号', reason: `未找到楼栋“${BUILDING}”中的单元“199”`, value: '105、199' }],
    });
    // checkTerms' own message, on the column of its field.
    expect(zh[2].errors[0]).toMatchObject({
      column: '结束日期',
      value: addYears(tooLongStart, 20),
      reason: formatError('CONTRACT_TERM_TOO_LONG', 'zh-CN', { max: latestEnd(tooLongStart) }),
    });
    expect(zh[3].errors[0]).toMatchObject({
      column: '单元编号',
      reason: `单元 102 与第 2 行的租期（${active.start} 至 ${active.end}）重叠`,
    });
    expect(zh[4].errors[0].column).toBe('已结算至');
    expect(zh[4].errors[0].reason).toContain(`${addDays(expired.start, -1)}`);
    expect(zh[4].errors[0].reason).toContain(expired.end);

    const en = await problems(batchId, 'en');
    expect(en[2].errors[0]).toMatchObject({
      column: 'End date',
      reason: formatError('CONTRACT_TERM_TOO_LONG', 'en', { max: latestEnd(tooLongStart) }),
    });
    expect(en[3].errors[0].reason).toBe(
      `Unit 102 is leased by row 2 for overlapping dates (${active.start} to ${active.end})`,
    );

    // The staged values are exact: a deposit in yuan is fen, rates are decimal fractions.
    const all = (await h.call(admin, 'GET', `/api/v1/imports/${batchId}/rows?limit=3`)).json().items;
    expect(all[0].data).toMatchObject({
      unitCodes: ['101', '102'],
      areaBasis: 'gross',
      rentBasis: 'per_sqm_month',
      vatRate: '0.09',
      lateFeeRate: '0.0005',
      depositMonths: 2,
      depositFen: null,
    });
    expect(all[1].data).toMatchObject({ rentBasis: 'fixed_month', depositFen: 3_000_000 });
    expect(all[0].data.unitIds).toBeUndefined();
  });

  it('imports only the valid rows: signed, active or expired as the dates say, units leased, customers tenants', async () => {
    const refused = await commit(batchId, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await contractsOf(A)).toEqual([]);

    const done = await commit(batchId, 'valid_only');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', importedRows: 3, skippedRows: 6 });

    const [a] = await contractsOf(A);
    expect(a).toMatchObject({
      status: 'active',
      startDate: active.start,
      endDate: active.end,
      billedThrough: active.billedThrough,
      signedOn: active.signedOn,
      holdingOver: false,
      unitCodes: ['101', '102'],
      noApplicationReason: `存量合同导入（批次 ${batchId}）`,
      application: null,
      archiveLocation: '档案室 B-01 柜',
      custodian: { id: biz.userId },
      signing: { signedOn: active.signedOn },
      handover: { handedOverOn: active.handedOverOn },
      customer: { status: 'tenant' },
    });
    expect(a.number).toBe(`HT-${active.signedOn.slice(0, 4)}-${a.number.slice(-6)}`);
    expect(a.notes).toBe('原合同编号：ZL-101、102');
    expect(a.terms).toMatchObject({
      areaBasis: 'gross',
      use: 'office',
      rent: { basis: 'per_sqm_month', price: '120', taxInclusive: true, vatRate: '0.09' },
      billingCycleMonths: 3,
      dueDaysBeforePeriod: 5,
      propertyFee: { pricePerSqmMonth: '8.5', taxInclusive: true, vatRate: '0.06' },
      deposit: { months: 2 },
      lateFee: { dailyRate: '0.0005', graceDays: 3, cap: 'principal' },
    });
    expect(a.terms.clauses).toContain('{{承租方}}');
    expect(a.versions).toMatchObject([{ version: 1, status: 'in_force', effectiveFrom: active.start }]);
    expect(a.versions[0].snapshot.customer).toEqual({ name: `测试导入科技有限公司${A}`, uscc: uscc(A) });
    expect(a.versions[0].snapshot.units.map((u: { billingArea: string }) => u.billingArea)).toEqual([
      '200.00',
      '200.00',
    ]);
    expect(a.events.map((e: { kind: string; onDate: string }) => [e.kind, e.onDate])).toEqual([
      ['signed', active.signedOn],
      ['handed_over', active.handedOverOn],
    ]);

    const [s] = await contractsOf(B);
    expect(s).toMatchObject({
      status: 'signed',
      billedThrough: signed.billedThrough,
      handover: null,
      terms: { rent: { basis: 'fixed_month', price: '25000' }, deposit: { amountFen: 3_000_000 } },
      customer: { status: 'tenant' },
    });
    expect(s.events.map((e: { kind: string }) => e.kind)).toEqual(['signed']);

    const [x] = await contractsOf(C);
    expect(x).toMatchObject({ status: 'expired', holdingOver: false, billedThrough: expired.billedThrough });
    expect(x.events.map((e: { kind: string }) => e.kind)).toEqual(['signed', 'handed_over', 'expired']);
    // A lease that is over does not make its customer a tenant.
    expect(await customerStatus(C)).toBe('prospect');

    expect(await unitStatus('101')).toBe('leased');
    expect(await unitStatus('102', active.end)).toBe('leased');
    expect(await unitStatus('102', addDays(active.end, 1))).toBe('vacant');
    expect(await unitStatus('103')).toBe('vacant');
    expect(await unitStatus('103', signed.start)).toBe('leased');
    expect(await unitStatus('104')).toBe('vacant');
    expect(await unitStatus('104', expired.start)).toBe('leased');
    expect(await unitStatus('105')).toBe('vacant');

    const stored = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ import_id: string; n: number; audits: number }>(
        tx,
        sql`select c.import_id, count(*)::int as n,
                   (select count(*)::int from audit_log where action = 'contract.import') as audits
              from contracts c where c.import_id = ${batchId} group by c.import_id`,
      ),
    );
    expect(stored).toEqual([{ import_id: batchId, n: 3, audits: 3 }]);
  });

  it('refuses a re-import of the same leases: their units are leased', async () => {
    const b = await stage([lease(active), lease(signed), lease(expired)], '再次导入.xlsx');
    expect(b).toMatchObject({ totalRows: 3, errorRows: 3 });
    const p = await problems(b.id);
    expect(p.map((x: { rowNo: number; errors: { field: string; code: string }[] }) => x.errors)).toEqual(
      [2, 3, 4].map(() => [expect.objectContaining({ field: 'unitCodes', code: 'UNIT_NOT_AVAILABLE' })]),
    );
    expect(
      ['101', '102'].map((code) =>
        formatError('UNIT_NOT_AVAILABLE', 'zh-CN', { code, from: active.start, to: active.end }),
      ),
    ).toContain(p[0].errors[0].reason);
    expect((await commit(b.id, 'all_or_nothing')).json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await commit(b.id, 'valid_only')).json()).toMatchObject({ importedRows: 0, skippedRows: 3 });
    expect(await contractsOf(A)).toHaveLength(1);
  });

  it('finds at commit a unit leased since the preview: all or nothing undoes the batch, valid-only skips the row', async () => {
    const start = addDays(today, 60);
    const row = (codes: string) =>
      lease({
        ...signed,
        customer: A,
        codes,
        start,
        end: addYears(start, 1),
        billedThrough: addDays(start, -1),
      });
    const first = await stage([row('105'), row('106')], '先预览.xlsx');
    expect(first.errorRows).toBe(0);
    // Another batch takes 106 first.
    const other = await stage([row('106')], '抢先.xlsx');
    expect((await commit(other.id, 'all_or_nothing')).json()).toMatchObject({ importedRows: 1 });

    const refused = await commit(first.id, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await unitStatus('105', start)).toBe('vacant');
    expect(await problems(first.id)).toMatchObject([
      { rowNo: 3, errors: [{ field: 'unitCodes', code: 'UNIT_NOT_AVAILABLE', column: '单元编号' }] },
    ]);
    const done = await commit(first.id, 'valid_only');
    expect(done.json()).toMatchObject({ importedRows: 1, skippedRows: 1, errorRows: 1 });
    expect(await unitStatus('105', start)).toBe('leased');
    expect(await contractsOf(A)).toHaveLength(3);
  });
});
