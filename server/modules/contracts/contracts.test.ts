import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';
import { chineseDate } from '../../platform/documents/model.ts';

let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);
let units: { id: string; code: string; insideArea: string; type: string }[] = [];

const unitStatus = async (unitId: string, asOf: string) =>
  (await h.call(s.business, 'GET', `/api/v1/units/${unitId}?asOf=${asOf}`)).json().status;
const get = async (id: string) => (await h.call(s.business, 'GET', `/api/v1/contracts/${id}`)).json();

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  units = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=20`)
  ).json().items;
  expect(units.length).toBeGreaterThanOrEqual(10);
});
afterAll(() => h?.close());

describe('from an approved application to an active lease (R3.1.1-R3.1.4, R3.2.1)', () => {
  let id: string;
  let admitted: { customerId: string; applicationId: string };

  it('proposes terms from the application, made exact', async () => {
    admitted = await t.admitted('鼓浪屿合同测试有限公司', [units[0]!.id], today);
    const r = await h.call(
      s.business,
      'GET',
      `/api/v1/contracts/proposal?applicationId=${admitted.applicationId}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({
      customerId: admitted.customerId,
      applicationId: admitted.applicationId,
      template: { kind: 'office', version: 1 },
    });
    expect(p.terms.units).toEqual([{ unitId: units[0]!.id }]);
    expect(p.terms.startDate).toBe(today);
    expect(p.terms.endDate).toBe(addDays(addMonths(today, 24), -1));
    expect(p.terms.rentFree).toEqual([{ from: today, to: addDays(addMonths(today, 1), -1) }]);
    expect(p.terms.escalations).toEqual([{ from: addYears(today, 1), kind: 'percent', value: '0.05' }]);
    expect(p.terms.clauses).toContain('{{承租方}}');
  });

  it('refuses bad terms, each on its field, and writes nothing', async () => {
    const base = { customerId: admitted.customerId, applicationId: admitted.applicationId };
    const bad = async (extra: Record<string, unknown>, code: string, field: string) => {
      const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
        ...base,
        terms: t.terms([units[0]!.id], today, 24, extra),
      });
      expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
      expect(r.json().error, JSON.stringify(extra)).toMatchObject({ code, field });
    };
    await bad({ endDate: addYears(today, 20) }, 'CONTRACT_TERM_TOO_LONG', 'terms.endDate');
    await bad({ endDate: addDays(today, -1) }, 'CONTRACT_END_BEFORE_START', 'terms.endDate');
    await bad({ startDate: addDays(today, -1) }, 'CONTRACT_START_BEFORE_NOTICE', 'terms.startDate');
    await bad(
      { rentFree: [{ from: addDays(today, -3), to: today }] },
      'CONTRACT_RANGE_OUTSIDE_TERM',
      'terms.rentFree.0.from',
    );
    await bad(
      {
        rentFree: [
          { from: today, to: addDays(today, 9) },
          { from: addDays(today, 5), to: addDays(today, 12) },
        ],
      },
      'CONTRACT_RANGE_OVERLAP',
      'terms.rentFree.1.from',
    );
    await bad(
      { escalations: [{ from: addYears(today, 3), kind: 'percent', value: '0.05' }] },
      'CONTRACT_RANGE_OUTSIDE_TERM',
      'terms.escalations.0.from',
    );
    await bad(
      { escalations: [{ from: addYears(today, 1), kind: 'percent', value: '5' }] },
      'CONTRACT_ESCALATION_VALUE',
      'terms.escalations.0.value',
    );
    await bad({ use: 'warehousing' }, 'CONTRACT_USE_MISMATCH', 'terms.use');
    await bad(
      {
        units: [{ unitId: units[0]!.id }, { unitId: units[5]!.id }],
        rent: { basis: 'fixed_month', price: '20000', taxInclusive: true, vatRate: '0.09' },
      },
      'CONTRACT_FIXED_RENT_UNITS',
      'terms.rent.basis',
    );
    await bad(
      { lateFee: { dailyRate: '0.001', graceDays: 3, cap: 'principal' } },
      'CONTRACT_LATE_FEE_ABOVE_LIMIT',
      'terms.lateFee.dailyRate',
    );
    await bad(
      { units: [{ unitId: units[0]!.id }, { unitId: units[0]!.id }] },
      'CONTRACT_UNIT_DUPLICATE',
      'terms.units.1.unitId',
    );
    // A unit another customer holds for overlapping dates.
    const other = await t.admitted('厦门占用测试有限公司', [units[1]!.id], today);
    expect(other.customerId).toBeTruthy();
    await bad(
      { units: [{ unitId: units[0]!.id }, { unitId: units[1]!.id }] },
      'UNIT_NOT_AVAILABLE',
      'terms.units.1.unitId',
    );
    const en = await h.call(
      s.business,
      'POST',
      '/api/v1/contracts',
      { ...base, terms: t.terms([units[0]!.id], today, 24, { endDate: addYears(today, 21) }) },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toContain('twenty years');
    const list = (
      await h.call(s.business, 'GET', `/api/v1/contracts?customerId=${admitted.customerId}`)
    ).json();
    expect(list.items).toEqual([]);
  });

  it('needs an approved application unless an administrator records a reason', async () => {
    const customerId = await t.customer('无申请合同测试有限公司');
    const terms = t.terms([units[2]!.id], today);
    const refused = await h.call(s.business, 'POST', '/api/v1/contracts', {
      customerId,
      noApplicationReason: '存量合同',
      terms,
    });
    expect(refused.json().error).toMatchObject({
      code: 'CONTRACT_APPLICATION_REQUIRED',
      field: 'applicationId',
    });
    const byAdmin = await h.call(s.admin, 'POST', '/api/v1/contracts', {
      customerId,
      noApplicationReason: '系统上线前签订的存量合同',
      terms,
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json()).toMatchObject({
      application: null,
      noApplicationReason: '系统上线前签订的存量合同',
    });
    const wrong = await h.call(s.business, 'POST', '/api/v1/contracts', {
      customerId,
      applicationId: admitted.applicationId,
      terms,
    });
    expect(wrong.json().error).toMatchObject({
      code: 'CONTRACT_APPLICATION_CUSTOMER',
      field: 'applicationId',
    });
    expect(
      (
        await h.call(s.admin, 'POST', `/api/v1/contracts/${byAdmin.json().id}/cancel`, { reason: '录入错误' })
      ).json().status,
    ).toBe('cancelled');
  });

  it('drafts the contract with a gapless number and the billing area on the contract', async () => {
    const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
      customerId: admitted.customerId,
      applicationId: admitted.applicationId,
      terms: t.terms([units[0]!.id], today),
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    id = c.id;
    expect(c.number).toMatch(new RegExp(`^HT-${today.slice(0, 4)}-\\d{6}$`));
    expect(c).toMatchObject({
      status: 'draft',
      application: { id: admitted.applicationId },
      actions: expect.arrayContaining(['edit', 'submit', 'cancel']),
    });
    expect(c.units).toEqual([
      expect.objectContaining({
        unitId: units[0]!.id,
        code: units[0]!.code,
        billingArea: units[0]!.insideArea,
      }),
    ]);
    // 120 元/m²/月 on the inside area, tax included: the first full month (no rent-free day) is month 2.
    const expected = Math.round(Number(units[0]!.insideArea) * 120 * 100);
    expect(c.monthlyRentFen).toBe(expected);
    const again = await h.call(s.business, 'POST', '/api/v1/contracts', {
      customerId: admitted.customerId,
      applicationId: admitted.applicationId,
      terms: t.terms([units[0]!.id], today),
    });
    expect(again.json().error).toMatchObject({ code: 'CONTRACT_APPLICATION_TAKEN', field: 'applicationId' });
  });

  it('edits a draft, then refuses signing before the explanation, and edits after submission', async () => {
    const patched = await h.call(s.business, 'PATCH', `/api/v1/contracts/${id}`, {
      notes: '客户要求季度付款',
    });
    expect(patched.json().notes).toBe('客户要求季度付款');
    expect((await t.post(s.business, id, 'submit-for-signature')).json().status).toBe('pending_signature');
    const edit = await h.call(s.business, 'PATCH', `/api/v1/contracts/${id}`, { notes: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('CONTRACT_TRANSITION_INVALID');
    const fileId = await t.upload(id, 'signed_copy');
    const early = await t.post(s.business, id, 'sign', {
      signedOn: today,
      lessorSignatory: '王经理',
      customerSignatory: '周敏',
      signedCopyFileId: fileId,
      custodianId: s.business.userId,
      archiveLocation: 'A-03',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONTRACT_NOT_EXPLAINED');
    expect((await t.post(s.business, id, 'handover', {})).statusCode).toBe(400);
    expect((await t.post(s.business, id, 'reopen')).json()).toMatchObject({
      status: 'draft',
      explanation: null,
    });
  });

  it('signs: the application is contracted, the units leased for the term, the customer a tenant', async () => {
    const c = await t.sign(id);
    expect(c).toMatchObject({
      status: 'signed',
      signing: {
        signedOn: today,
        customerSignatory: '周敏',
        signedCopy: expect.objectContaining({ purpose: 'signed_copy' }),
      },
      custodian: { id: s.business.userId },
      archiveLocation: '档案室 A-03 柜',
      explanation: {
        explainedTo: '周敏（总经理）',
        highlightedClauses: ['第六条 逾期付款违约责任', '第二条 租赁用途'],
      },
    });
    expect(c.versions[0]).toMatchObject({
      version: 1,
      status: 'in_force',
      snapshot: {
        customer: { name: '鼓浪屿合同测试有限公司' },
        settings: { daysPerYear: 365, leadDays: 15 },
      },
    });
    expect(c.versions[0].snapshot.units[0]).toMatchObject({
      unitId: units[0]!.id,
      billingArea: units[0]!.insideArea,
    });
    const app = (await h.call(s.business, 'GET', `/api/v1/applications/${admitted.applicationId}`)).json();
    expect(app.status).toBe('contracted');
    const cust = (await h.call(s.business, 'GET', `/api/v1/customers/${admitted.customerId}`)).json();
    expect(cust.status).toBe('tenant');
    expect(await unitStatus(units[0]!.id, addMonths(today, 23))).toBe('leased');
    expect(await unitStatus(units[0]!.id, addMonths(today, 25))).toBe('vacant');
  });

  it('keeps the signed billing area when the unit is edited later', async () => {
    const u = (await h.call(s.admin, 'GET', `/api/v1/units/${units[0]!.id}`)).json();
    const r = await h.call(s.admin, 'PATCH', `/api/v1/units/${units[0]!.id}`, {
      insideArea: (Number(u.insideArea) - 1).toFixed(2),
      usableArea: (Number(u.usableArea) - 1).toFixed(2),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await get(id)).units[0].billingArea).toBe(units[0]!.insideArea);
  });

  it('renders the contract PDF with the customer, units, billing area and rent in figures and words', async () => {
    const r = await h.call(s.legal, 'GET', `/api/v1/contracts/${id}/document.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(r.rawPayload)).join('').replace(/\s+/g, '');
    expect(text).toContain('鼓浪屿合同测试有限公司');
    expect(text).toContain(units[0]!.code);
    expect(text).toContain(units[0]!.insideArea);
    const rent = (await get(id)).monthlyRentFen as number;
    const { amountInWords, formatYuan } = await import('../../../common/money.ts');
    expect(text).toContain(formatYuan(rent));
    expect(text).toContain(amountInWords(rent));
    expect(text).toContain('逾期付款违约金');
    expect(text).not.toContain('{{');
    // Both parties' signature blocks carry the signing day, written out in Chinese.
    expect(text).not.toContain('NaN');
    expect(text.split(chineseDate(today)).length - 1).toBeGreaterThanOrEqual(3);
  });

  it('hands over on or after the start date, and the contract becomes active', async () => {
    const body = {
      handedOverOn: today,
      facilities: [
        { item: '空调', ok: true },
        { item: '门禁', ok: false, note: '待更换读卡器' },
      ],
      keys: [{ label: '大门钥匙', count: 2 }],
      meterReadings: [{ meter: '电表 E-0301', kind: 'electricity', reading: '10234.5' }],
      photoFileIds: [await t.upload(id, 'handover')],
      lessorConfirmedBy: '王经理',
      customerConfirmedBy: '周敏',
    };
    const future = await t.post(s.business, id, 'handover', { ...body, handedOverOn: addDays(today, 1) });
    expect(future.json().error).toMatchObject({ code: 'CONTRACT_DATE_IN_FUTURE', field: 'handedOverOn' });
    const wrongFile = await t.post(s.business, id, 'handover', {
      ...body,
      photoFileIds: [await t.upload(id, 'evidence')],
    });
    expect(wrongFile.json().error).toMatchObject({ code: 'CONTRACT_FILE_INVALID', field: 'photoFileIds.0' });
    const r = await t.post(s.business, id, 'handover', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'active',
      handover: {
        handedOverOn: today,
        keys: [{ label: '大门钥匙', count: 2 }],
        photos: [expect.objectContaining({ purpose: 'handover' })],
      },
    });
  });

  it('lists it in the ledger with its events, and exports the ledger to .xlsx', async () => {
    const r = await h.call(s.finance, 'GET', `/api/v1/contract-ledger?customerId=${admitted.customerId}`);
    expect(r.statusCode, r.body).toBe(200);
    const [e] = r.json().items;
    expect(e).toMatchObject({
      id,
      status: 'active',
      handedOverOn: today,
      archiveLocation: '档案室 A-03 柜',
      custodian: { id: s.business.userId },
    });
    expect(e.events.map((x: { kind: string }) => x.kind)).toEqual(['signed', 'handed_over']);
    const x = await h.call(
      s.finance,
      'GET',
      `/api/v1/contract-ledger.xlsx?customerId=${admitted.customerId}`,
    );
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('合同编号');
    expect(ws.getRow(2).getCell(1).value).toBe(e.number);
    expect(String(ws.getRow(2).getCell(15).value)).toContain('交付');
  });

  it('refuses a second signing, a cancel after signing, and other roles’ writes', async () => {
    expect((await t.post(s.business, id, 'cancel', { reason: 'x' })).statusCode).toBe(409);
    expect((await h.call(s.finance, 'POST', '/api/v1/contracts', {})).statusCode).toBe(403);
    expect((await t.post(s.legal, id, 'violations', {})).statusCode).toBe(403);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/contracts/${id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', '/api/v1/contracts')).json().items).toEqual([]);
    expect((await h.call(other, 'GET', `/api/v1/contracts/${id}/document.pdf`)).statusCode).toBe(404);
  });

  it('keeps the ledger append-only', async () => {
    await expect(
      h.db.inOrg(h.orgs.demo, (tx) =>
        rows(tx, sql`update contract_events set kind = 'x' where contract_id = ${id}`),
      ),
    ).rejects.toThrow();
    await expect(
      h.db.inOrg(h.orgs.demo, (tx) =>
        rows(tx, sql`update contract_versions set terms = '{}' where contract_id = ${id}`),
      ),
    ).rejects.toThrow();
  });
});

describe('the charge schedule', () => {
  it('prices the whole term, the worked example exactly, as a draft and once signed', async () => {
    // The second worked example of the billing issue, on a unit free in 2027 (no application: an administrator).
    const [unit] = (
      await h.call(s.business, 'GET', '/api/v1/units?type=office&status=vacant&asOf=2027-03-01&limit=40')
    )
      .json()
      .items.slice(-1);
    const free = await h.call(s.business, 'GET', `/api/v1/units/${unit.id}?asOf=2027-06-30`);
    expect(free.json().status).toBe('vacant');
    const customerId = await t.customer('排期测试有限公司');
    const terms = t.terms([unit.id], '2027-01-01', 6, {
      rent: { basis: 'fixed_month', price: '10000', taxInclusive: false, vatRate: '0.09' },
      billingCycleMonths: 3,
      dueDaysBeforePeriod: 0,
      rentFree: [],
      escalations: [{ from: '2027-05-16', kind: 'percent', value: '0.1' }],
      propertyFee: null,
      otherCharges: [],
    });
    const c = (
      await h.call(s.admin, 'POST', '/api/v1/contracts', {
        customerId,
        noApplicationReason: '排期核对',
        terms,
      })
    ).json();
    const r = await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/schedule`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().lines).toEqual([
      expect.objectContaining({
        chargeType: 'rent',
        unitId: unit.id,
        periodStart: '2027-01-01',
        periodEnd: '2027-03-31',
        dueDate: '2027-01-01',
        issueDate: '2026-12-17',
        netFen: 3000000,
        taxFen: 270000,
        totalFen: 3270000,
        vatRate: '0.09',
      }),
      expect.objectContaining({
        periodStart: '2027-04-01',
        periodEnd: '2027-06-30',
        netFen: 3151613,
        taxFen: 283645,
        totalFen: 3435258,
      }),
    ]);
    // Signed, the same schedule comes from the frozen version.
    await t.sign(c.id);
    expect((await h.call(s.finance, 'GET', `/api/v1/contracts/${c.id}/schedule`)).json()).toEqual(r.json());
    expect(
      (await h.call(s.finance, 'GET', '/api/v1/contracts/01900000-0000-7000-8000-000000000000/schedule'))
        .statusCode,
    ).toBe(404);
  });
});

describe('contract templates (R3.1.2)', () => {
  it('are versioned per kind: new drafts use the latest, earlier contracts keep theirs', async () => {
    const before = (await h.call(s.legal, 'GET', '/api/v1/contract-templates')).json();
    expect(before.map((x: { kind: string; version: number }) => `${x.kind}:${x.version}`)).toEqual([
      'office:1',
      'warehouse:1',
    ]);
    const body = {
      kind: 'office',
      title: '办公用房租赁合同（2027 版）',
      clauses: '第一条 {{承租方}}承租{{租赁房源}}。\n\n第二条 新增条款。',
    };
    expect((await h.call(s.business, 'POST', '/api/v1/contract-templates', body)).statusCode).toBe(403);
    const r = await h.call(s.admin, 'POST', '/api/v1/contract-templates', body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      kind: 'office',
      version: 2,
      title: body.title,
      createdBy: { id: s.admin.userId },
    });
    const p = (await h.call(s.business, 'GET', '/api/v1/contracts/proposal?kind=office')).json();
    expect(p).toMatchObject({ template: { kind: 'office', version: 2 }, terms: { clauses: body.clauses } });
    const earlier = (await h.call(s.business, 'GET', '/api/v1/contracts?limit=50')).json().items;
    for (const c of earlier) expect((await get(c.id)).template.version).toBe(1);
  });
});

describe('an admission notice that lapses (R3.1.1)', () => {
  it('cannot be signed after its deadline', async () => {
    const a = await t.admitted('逾期签约合同测试有限公司', [units[3]!.id], today);
    const c = (
      await h.call(s.business, 'POST', '/api/v1/contracts', { ...a, terms: t.terms([units[3]!.id], today) })
    ).json();
    await h.db.inOrg(h.orgs.demo, (tx) =>
      rows(
        tx,
        sql`update applications set notice_sign_by = ${addDays(today, -1)} where id = ${a.applicationId}`,
      ),
    );
    expect((await t.post(s.business, c.id, 'submit-for-signature')).statusCode).toBe(200);
    await t.post(s.business, c.id, 'explanation', {
      explainedTo: '李总',
      explainedOn: today,
      highlightedClauses: ['第六条'],
      customerAcknowledged: true,
    });
    const r = await t.post(s.business, c.id, 'sign', {
      signedOn: today,
      lessorSignatory: '王经理',
      customerSignatory: '李总',
      signedCopyFileId: await t.upload(c.id, 'signed_copy'),
      custodianId: s.business.userId,
      archiveLocation: 'A-01',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'CONTRACT_NOTICE_EXPIRED', field: 'signedOn' });
    expect((await get(c.id)).status).toBe('pending_signature');
  });
});

describe('who may do what with contracts', () => {
  const ghost = '01900000-0000-7000-8000-000000000000';
  const WRITE = ['admin', 'business'];
  const MATRIX: [method: 'GET' | 'POST' | 'PATCH', path: string, allowed: string[] | 'all'][] = [
    ['GET', '/api/v1/contracts', 'all'],
    ['GET', `/api/v1/contracts/${ghost}`, 'all'],
    ['GET', '/api/v1/contract-ledger', 'all'],
    ['GET', '/api/v1/contracts/overview', 'all'],
    ['GET', '/api/v1/contract-templates', 'all'],
    ['GET', '/api/v1/contracts/proposal', WRITE],
    ['POST', '/api/v1/contracts', WRITE],
    ['PATCH', `/api/v1/contracts/${ghost}`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/submit-for-signature`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/explanation`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/sign`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/handover`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/amendments`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/amendments/2/decision`, ['management']],
    ['POST', `/api/v1/contracts/${ghost}/violations`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/payment-demands`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/terminate`, [...WRITE, 'management']],
    ['POST', `/api/v1/contracts/${ghost}/move-out`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/renew`, WRITE],
    ['POST', `/api/v1/contracts/${ghost}/files`, WRITE],
    ['POST', '/api/v1/contract-templates', ['admin']],
  ];

  it('refuses each role exactly the routes it may not use (403), and lets the others through', async () => {
    const roles = ['admin', 'business', 'legal', 'finance', 'management', 'service'] as const;
    const sessions = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await h.login(r)])));
    for (const [method, path, allowed] of MATRIX) {
      for (const role of roles) {
        const r = await h.call(sessions[role], method, path, method === 'GET' ? undefined : {});
        const may = allowed === 'all' || allowed.includes(role);
        if (may) expect(r.statusCode, `${role} ${method} ${path}`).not.toBe(403);
        else expect(r.statusCode, `${role} ${method} ${path}`).toBe(403);
      }
    }
    expect((await h.call(null, 'GET', '/api/v1/contracts')).statusCode).toBe(401);
  });
});
