import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { multipart, TINY_PDF } from '../../../test/multipart.ts';
import { pdfText } from '../../../test/pdf.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';
import { runJob } from '../../platform/jobs/runner.ts';

let h: Harness;
const s: Record<'business' | 'legal' | 'finance' | 'management' | 'admin', Session> = {} as never;
const today = todayIn('Asia/Shanghai');
const start = addDays(today, 40);
let vacant: { id: string; code: string }[] = [];
let serial = 0;

const TERMS = {
  rentBasis: 'per_sqm_month',
  price: '120',
  paymentCycleMonths: 3,
  depositMonths: 2,
  rentFreeMonths: 1,
  yearlyIncrease: '0.05',
  penaltyRatePerDay: '0.0005',
};
const CHECKLISTS = {
  business: { qualificationsVerified: true, needsReasonable: true, unitsSuitable: true },
  legal: { termLawful: true, penaltyWithinLimit: true, useFitsUnits: true },
  finance: { abilityToPay: true, noArrears: true, recommendedDepositMonths: 2 },
  management: { jointReviewComplete: true },
} as const;
type Dept = keyof typeof CHECKLISTS;

async function uploadDoc(customerId: string, kind: string, expiresOn: string) {
  const m = await multipart(
    { kind, expiresOn, issuedOn: addDays(today, -400) },
    { name: `${kind}.pdf`, bytes: TINY_PDF, type: 'application/pdf' },
  );
  const r = await h.call(s.business, 'POST', `/api/v1/customers/${customerId}/documents`, m.payload, {
    'content-type': m.type,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** A customer with a primary contact who has e-mail, and a licence and tax registration valid till `expiresOn`. */
async function customer(name: string, expiresOn = addDays(today, 700)) {
  serial++;
  const r = await h.call(s.business, 'POST', '/api/v1/customers', {
    name,
    uscc: completeUscc(`91350200MA8Q${String(4000 + serial)}`),
    registeredCapital: 500_000_000,
    accountManagerId: s.business.userId,
    allowSimilarName: true,
  });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  await h.call(s.business, 'POST', `/api/v1/customers/${id}/contacts`, {
    name: '周敏',
    mobile: '13906007788',
    email: `zhou.min${serial}@example.cn`,
  });
  await uploadDoc(id, 'business_licence', expiresOn);
  await uploadDoc(id, 'tax_registration', addDays(today, 900));
  return id;
}

const body = (customerId: string, extra: Record<string, unknown> = {}) => ({
  customerId,
  spaceType: 'office',
  areaMin: '100',
  areaMax: '300',
  unitIds: [],
  startDate: start,
  termMonths: 36,
  occupants: 20,
  intendedUse: 'office',
  terms: TERMS,
  ...extra,
});

async function create(customerId: string, extra: Record<string, unknown> = {}) {
  const r = await h.call(s.business, 'POST', '/api/v1/applications', body(customerId, extra));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const get = async (id: string, who: Session = s.business) =>
  (await h.call(who, 'GET', `/api/v1/applications/${id}`)).json();
const submit = (id: string) => h.call(s.business, 'POST', `/api/v1/applications/${id}/submit`);
const decide = (id: string, dept: Dept, decision = 'approve', extra: Record<string, unknown> = {}) =>
  h.call(s[dept], 'POST', `/api/v1/applications/${id}/reviews`, {
    decision,
    checklist: CHECKLISTS[dept],
    ...extra,
  });
/** The Chinese titles of the notifications a user got about an application. */
const notesAbout = (userId: string, applicationId: string) =>
  h.db.inOrg(h.orgs.demo, async (tx) =>
    (
      await rows<{ title: { 'zh-CN': string } }>(
        tx,
        sql`select title from notifications where user_id = ${userId} and entity_id = ${applicationId} order by created_at`,
      )
    ).map((n) => n.title['zh-CN']),
  );
const unitStatus = async (unitId: string) =>
  (await h.call(s.business, 'GET', `/api/v1/units/${unitId}?asOf=${start}`)).json().status;

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  vacant = (
    await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${start}&limit=10`)
  ).json().items;
  expect(vacant.length).toBeGreaterThanOrEqual(6);
});
afterAll(() => h?.close());

describe('an application through the four departments (R2.2.1-R2.2.6)', () => {
  let id: string;
  let customerId: string;

  it('is created as a draft with a number, for an existing customer', async () => {
    customerId = await customer('鹭江远航科技有限公司');
    const a = await create(customerId, { unitIds: [vacant[0]!.id] });
    id = a.id;
    expect(a).toMatchObject({
      status: 'draft',
      customer: { id: customerId },
      actions: ['edit', 'submit', 'withdraw'],
    });
    expect(a.number).toMatch(new RegExp(`^SQ-${today.slice(0, 4)}-\\d{6}$`));
    expect(a.units.map((u: { code: string }) => u.code)).toEqual([vacant[0]!.code]);
    expect(await unitStatus(vacant[0]!.id)).toBe('vacant'); // a draft holds nothing
  });

  it('reserves its units and makes the customer an applicant on submission', async () => {
    const r = await submit(id);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'business_review',
      stageDueOn: addDays(today, 2),
      overdue: false,
    });
    expect(await unitStatus(vacant[0]!.id)).toBe('reserved');
    expect((await h.call(s.business, 'GET', `/api/v1/customers/${customerId}`)).json().status).toBe(
      'applicant',
    );
  });

  it('is decided stage by stage, each only by its own department, and issues the notice', async () => {
    const order: [Dept, string, Dept][] = [
      ['business', 'legal_review', 'legal'],
      ['legal', 'finance_review', 'finance'],
      ['finance', 'management_approval', 'management'],
      ['management', 'approved', 'business'],
    ];
    for (const [dept, next, wrong] of order) {
      const refused = await decide(id, wrong);
      expect(refused.statusCode, `${wrong} at ${dept}'s stage`).toBe(403);
      expect(refused.json().error.code).toBe('APPLICATION_WRONG_STAGE_ROLE');
      expect((await get(id, s[dept])).actions).toContain('review');
      const r = await decide(id, dept, 'approve', { comment: `${dept} 同意` });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status).toBe(next);
    }
    const a = await get(id);
    expect(
      a.reviews.map((r: { stage: string; decision: string; decidedBy: { name: string } }) => [
        r.stage,
        r.decision,
        r.decidedBy.name,
      ]),
    ).toEqual([
      ['business_review', 'approve', '王业务'],
      ['legal_review', 'approve', '李法务'],
      ['finance_review', 'approve', '张财务'],
      ['management_approval', 'approve', '赵总经理'],
    ]);
    expect(a.notice).toMatchObject({
      issuedOn: today,
      signBy: addDays(today, 15),
      href: `/api/v1/applications/${id}/notice.pdf`,
    });
    expect(a.notice.number).toMatch(new RegExp(`^ZR-${today.slice(0, 4)}-\\d{6}$`));
    // Shown on the customer too: the customer's list of applications carries the notice.
    const listed = (await h.call(s.business, 'GET', `/api/v1/applications?customerId=${customerId}`)).json()
      .items;
    expect(listed).toEqual([expect.objectContaining({ id, notice: a.notice })]);
    expect((await h.call(s.business, 'GET', `/api/v1/customers/${customerId}`)).json().status).toBe(
      'admitted',
    );
    expect(await unitStatus(vacant[0]!.id)).toBe('reserved'); // held until the contract
  });

  it('renders the notice as a PDF with the customer, its number and the sign-by date', async () => {
    const a = await get(id);
    const r = await h.call(s.legal, 'GET', a.notice.href);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(r.rawPayload)).join('');
    expect(text).toContain('租赁准入通知书');
    expect(text).toContain('鹭江远航科技有限公司');
    expect(text).toContain(a.notice.number);
    const [y, m, d] = a.notice.signBy.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
    expect(text).not.toContain('NaN'); // the seal's date is written out like the others
    const html = await h.call(s.legal, 'GET', `/api/v1/documents/admission-notice/${id}?format=html`);
    expect(html.body).toContain(a.notice.number);
    expect(html.body).not.toContain('NaN');
  });

  it('mails the notice to the primary contact through the outbox, and tells the account manager', async () => {
    const mail = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ to: string[]; attachments: { kind: string; id: string }[] }>(
        tx,
        sql`select "to", attachments from outbox where entity_type = 'application' and entity_id = ${id}`,
      ),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to[0]).toMatch(/^zhou\.min\d+@example\.cn$/);
    expect(mail[0]!.attachments).toEqual([expect.objectContaining({ kind: 'admission-notice', id })]);
    expect((await notesAbout(s.business.userId, id)).some((t) => t.includes('已批准'))).toBe(true);
  });

  it('refuses what the state table does not allow, with a code', async () => {
    const again = await submit(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPLICATION_TRANSITION_INVALID');
    expect(again.json().error.message).toContain('已批准');
    const edit = await h.call(s.business, 'PATCH', `/api/v1/applications/${id}`, { occupants: 5 });
    expect(edit.json().error.code).toBe('APPLICATION_NOT_EDITABLE');
    expect((await decide(id, 'management')).json().error.code).toBe('APPLICATION_TRANSITION_INVALID');
  });

  it('puts every step on the customer timeline', async () => {
    const t = (await h.call(s.business, 'GET', `/api/v1/customers/${customerId}/timeline?limit=100`)).json();
    const actions = t.items.map((e: { action: string }) => e.action);
    for (const a of ['application.create', 'application.submit', 'application.approve'])
      expect(actions).toContain(a);
  });
});

describe('review rules', () => {
  it('keeps one person from deciding two stages of the same application', async () => {
    const created = await h.call(s.admin, 'POST', '/api/v1/users', {
      username: 'fa.cai',
      displayName: '法财兼任',
      roles: ['legal', 'finance'],
      password: 'dual-role-password-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const dual = await h.login('fa.cai', 'dual-role-password-1');
    const a = await create(await customer('海沧兼审物流有限公司'), { spaceType: 'office' });
    await submit(a.id);
    await decide(a.id, 'business');
    const legal = await h.call(dual, 'POST', `/api/v1/applications/${a.id}/reviews`, {
      decision: 'approve',
      checklist: CHECKLISTS.legal,
    });
    expect(legal.json().status).toBe('finance_review');
    // Told about the finance stage: finance, not the dual-role user who decided the legal one.
    const waiting = `准入申请 ${a.number} 待财务评估`;
    expect(await notesAbout(s.finance.userId, a.id)).toContain(waiting);
    expect(await notesAbout(dual.userId, a.id)).not.toContain(waiting);
    expect((await get(a.id, dual)).actions).not.toContain('review');
    const finance = await h.call(dual, 'POST', `/api/v1/applications/${a.id}/reviews`, {
      decision: 'approve',
      checklist: CHECKLISTS.finance,
    });
    expect(finance.statusCode).toBe(409);
    expect(finance.json().error).toMatchObject({ code: 'APPLICATION_SAME_REVIEWER' });
    expect(finance.json().error.message).toContain('法务审核');
    expect((await get(a.id)).reviews).toHaveLength(2); // nothing written by the refusal
    // The inbox leaves out what segregation keeps from the user.
    const mine = (await h.call(dual, 'GET', '/api/v1/applications?mine=true')).json().items;
    expect(mine.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect(
      (await h.call(s.finance, 'GET', '/api/v1/applications?mine=true'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(a.id);
  });

  it('needs a comment to return or reject, a reason to reject and a whole checklist to approve', async () => {
    const a = await create(await customer('同安规则测试贸易有限公司'));
    await submit(a.id);
    expect((await decide(a.id, 'business', 'return')).json().error).toMatchObject({
      code: 'APPLICATION_COMMENT_REQUIRED',
      field: 'comment',
    });
    expect((await decide(a.id, 'business', 'reject', { comment: '资质不全' })).json().error).toMatchObject({
      code: 'APPLICATION_REJECT_REASON_REQUIRED',
      field: 'rejectReason',
    });
    const partial = await decide(a.id, 'business', 'approve', {
      checklist: { qualificationsVerified: true },
    });
    expect(partial.json().error).toMatchObject({ code: 'APPLICATION_CHECKLIST_INVALID', field: 'checklist' });
    const unticked = await decide(a.id, 'business', 'approve', {
      checklist: { ...CHECKLISTS.business, unitsSuitable: false },
    });
    expect(unticked.json().error.code).toBe('APPLICATION_COMMENT_REQUIRED');
    expect((await get(a.id)).reviews).toEqual([]);
  });

  it('goes back to the stage that returned it when resubmitted', async () => {
    const a = await create(await customer('翔安回炉咨询有限公司'), { unitIds: [vacant[1]!.id] });
    await submit(a.id);
    await decide(a.id, 'business');
    const returned = await decide(a.id, 'legal', 'return', { comment: '违约金条款请调整为万分之五以内' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnedFrom: 'legal_review', actions: [] });
    expect((await get(a.id)).actions).toEqual(['edit', 'submit', 'withdraw']); // the applicant side's turn
    expect(await unitStatus(vacant[1]!.id)).toBe('reserved'); // still held while it is changed
    const edited = await h.call(s.business, 'PATCH', `/api/v1/applications/${a.id}`, {
      unitIds: [vacant[2]!.id],
      terms: { ...TERMS, penaltyRatePerDay: '0.0003' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await unitStatus(vacant[1]!.id)).toBe('vacant');
    expect(await unitStatus(vacant[2]!.id)).toBe('reserved');
    const again = await submit(a.id);
    expect(again.json()).toMatchObject({ status: 'legal_review', returnedFrom: null });
    // The legal reviewer who returned it decides it again: it is back in their inbox.
    const inbox = (await h.call(s.legal, 'GET', '/api/v1/applications?mine=true&limit=200')).json().items;
    expect(inbox.map((x: { id: string }) => x.id)).toContain(a.id);
    expect((await decide(a.id, 'legal')).json().status).toBe('finance_review');
    expect((await get(a.id)).reviews.map((r: { decision: string }) => r.decision)).toEqual([
      'approve',
      'return',
      'approve',
    ]);
  });

  it('releases the units and returns the customer to prospect on rejection and on withdrawal', async () => {
    const c = await customer('集美终止贸易有限公司');
    const a = await create(c, { unitIds: [vacant[3]!.id] });
    await submit(a.id);
    const rejected = await decide(a.id, 'business', 'reject', {
      comment: '需求与面积不符',
      rejectReason: 'needs',
    });
    expect(rejected.json().status).toBe('rejected');
    expect(await unitStatus(vacant[3]!.id)).toBe('vacant');
    expect((await h.call(s.business, 'GET', `/api/v1/customers/${c}`)).json().status).toBe('prospect');

    const b = await create(c, { unitIds: [vacant[3]!.id] });
    await submit(b.id);
    const noReason = await h.call(s.business, 'POST', `/api/v1/applications/${b.id}/withdraw`, {});
    expect(noReason.json().error.field).toBe('reason');
    const w = await h.call(s.business, 'POST', `/api/v1/applications/${b.id}/withdraw`, {
      reason: '客户另选园区',
    });
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '客户另选园区', actions: [] });
    expect(await unitStatus(vacant[3]!.id)).toBe('vacant');
  });

  it('lets only one of two decisions sent at the same moment count', async () => {
    const a = await create(await customer('同时审批并发测试有限公司'));
    await submit(a.id);
    const both = await Promise.all([decide(a.id, 'business'), decide(a.id, 'business')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 403]);
    expect(both.find((r) => r.statusCode === 403)!.json().error.code).toBe('APPLICATION_WRONG_STAGE_ROLE');
    expect((await get(a.id)).reviews).toHaveLength(1);
  });

  it('keeps the customer status right across two applications, and the rate exact on the notice', async () => {
    const c = await customer('两单并行咨询有限公司');
    const status = async () => (await h.call(s.business, 'GET', `/api/v1/customers/${c}`)).json().status;
    const a = await create(c);
    const b = await create(c, { terms: { ...TERMS, penaltyRatePerDay: '0.00035' } });
    await submit(a.id);
    await submit(b.id);
    for (const d of ['business', 'legal', 'finance', 'management'] as const) await decide(b.id, d);
    expect(await status()).toBe('admitted');
    const pdf = await h.call(s.business, 'GET', `/api/v1/applications/${b.id}/notice.pdf`);
    expect((await pdfText(pdf.rawPayload)).join('')).toContain('逾期金额的每日0.035%');
    await h.call(s.business, 'POST', `/api/v1/applications/${b.id}/withdraw`, { reason: '改签另一单元' });
    expect(await status()).toBe('applicant'); // the first is still under review
    await h.call(s.business, 'POST', `/api/v1/applications/${a.id}/withdraw`, { reason: '暂不租赁' });
    expect(await status()).toBe('prospect');
  });

  it('approves nothing for a customer blacklisted during the review, but may still reject', async () => {
    const c = await customer('审批中拉黑贸易有限公司');
    const a = await create(c);
    await submit(a.id);
    const black = await h.call(s.management, 'POST', `/api/v1/customers/${c}/blacklist`, {
      reason: '提供虚假资料',
    });
    expect(black.statusCode, black.body).toBe(200);
    const refused = await decide(a.id, 'business');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CUSTOMER_BLACKLISTED');
    const rejected = await decide(a.id, 'business', 'reject', {
      comment: '客户已列入黑名单',
      rejectReason: 'credit',
    });
    expect(rejected.json().status).toBe('rejected');
    // Lifting the blacklist returns the customer to prospect: nothing of theirs is open any more.
    await h.call(s.management, 'POST', `/api/v1/customers/${c}/unblacklist`, { reason: '核实后解除' });
    expect((await h.call(s.business, 'GET', `/api/v1/customers/${c}`)).json().status).toBe('prospect');
  });

  it('keeps decisions as made: the application role can neither change nor remove one', async () => {
    const code = (q: ReturnType<typeof sql>) =>
      h.db
        .inOrg(h.orgs.demo, (tx) => tx.execute(q))
        .then(() => 'ok')
        .catch((e: { cause?: { code?: string } }) => e.cause?.code);
    expect(await code(sql`update application_reviews set comment = 'changed'`)).toBe('42501');
    expect(await code(sql`delete from application_reviews`)).toBe('42501');
  });

  it('refuses a unit another application holds, writing nothing', async () => {
    const first = await create(await customer('湖里先占科技有限公司'), { unitIds: [vacant[4]!.id] });
    await submit(first.id);
    const second = await create(await customer('湖里后到科技有限公司'), { unitIds: [vacant[4]!.id] });
    const r = await submit(second.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'UNIT_NOT_AVAILABLE', field: 'unitIds' });
    expect((await get(second.id)).status).toBe('draft');
  });
});

describe('application rules at creation and submission', () => {
  it('blocks submission with an expired licence, with the date, and with one missing', async () => {
    const c = await customer('思明过期资质有限公司', addDays(today, -3));
    const a = await create(c);
    const r = await submit(a.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'APPLICATION_DOCUMENT_EXPIRED', field: 'documents' });
    expect(r.json().error.message).toContain('营业执照');
    expect(r.json().error.message).toContain(addDays(today, -3));
    expect((await get(a.id)).status).toBe('draft');
    expect((await h.call(s.business, 'GET', `/api/v1/customers/${c}`)).json().status).toBe('prospect');

    const bare = await h.call(s.business, 'POST', '/api/v1/customers', {
      name: '思明无证商贸有限公司',
      uscc: completeUscc('91350203MA8R5001'),
    });
    const b = await create(bare.json().id);
    expect((await submit(b.id)).json().error.code).toBe('APPLICATION_DOCUMENT_MISSING');
  });

  it('creates a new customer as a prospect in the same step, or nothing at all', async () => {
    const fresh = {
      name: '海沧新客供应链管理有限公司',
      uscc: completeUscc('91350205MA8T6001'),
    };
    const bad = await h.call(s.business, 'POST', '/api/v1/applications', {
      ...body(undefined as never),
      customerId: undefined,
      newCustomer: fresh,
      areaMin: '500',
      areaMax: '100',
    });
    expect(bad.json().error).toMatchObject({ code: 'APPLICATION_AREA_RANGE', field: 'areaMax' });
    expect((await h.call(s.business, 'GET', `/api/v1/customers?q=${fresh.uscc}`)).json().items).toEqual([]);
    const ok = await h.call(s.business, 'POST', '/api/v1/applications', {
      ...body(undefined as never),
      customerId: undefined,
      newCustomer: fresh,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().customer).toMatchObject({ name: fresh.name, status: 'prospect' });
    const neither = await h.call(s.business, 'POST', '/api/v1/applications', {
      ...body(undefined as never),
      customerId: undefined,
    });
    expect(neither.json().error).toMatchObject({
      code: 'APPLICATION_CUSTOMER_REQUIRED',
      field: 'customerId',
    });
  });

  it('takes a site, building and units of this organization only, each in the one named', async () => {
    const c = await customer('园区校验科技有限公司');
    const sites = (await h.call(s.business, 'GET', '/api/v1/sites')).json().items;
    const buildings = (await h.call(s.business, 'GET', '/api/v1/buildings?limit=50')).json().items;
    const otherSite = buildings.find((b: { siteId: string }) => b.siteId !== sites[0].id);
    const refuse = async (extra: Record<string, unknown>, field: string, code: string) => {
      const r = await h.call(s.business, 'POST', '/api/v1/applications', body(c, extra));
      expect(r.json().error, JSON.stringify(extra)).toMatchObject({ code, field });
    };
    await refuse({ siteId: '01900000-0000-7000-8000-000000000000' }, 'siteId', 'NOT_FOUND');
    await refuse({ buildingId: '01900000-0000-7000-8000-000000000000' }, 'buildingId', 'NOT_FOUND');
    await refuse(
      { siteId: sites[0].id, buildingId: otherSite.id },
      'buildingId',
      'APPLICATION_PLACE_MISMATCH',
    );
    await refuse({ customerId: '01900000-0000-7000-8000-000000000000' }, 'customerId', 'NOT_FOUND');
    await refuse({ unitIds: ['01900000-0000-7000-8000-000000000000'] }, 'unitIds', 'NOT_FOUND');
    await refuse({ areaMax: '999999999' }, 'areaMax', 'VALIDATION_FAILED');
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const theirs = await h.call(other, 'POST', '/api/v1/sites', {
      name: '别家园区',
      city: '深圳',
      address: '南山区',
    });
    await refuse({ siteId: theirs.json().id }, 'siteId', 'NOT_FOUND');
  });

  it('flags what the legal and finance reviews should look at', async () => {
    const a = await create(await customer('鼓浪屿长租文化传媒有限公司'), {
      termMonths: 300,
      intendedUse: 'warehousing',
      terms: { ...TERMS, penaltyRatePerDay: '0.003' },
    });
    expect(a.checks).toMatchObject({
      termWithinLimit: false,
      penaltyWithinLimit: false,
      maxPenaltyRatePerDay: '0.0005',
      useFitsUnits: false,
      documents: { licenceValid: true, taxRegistrationValid: true, allVerified: false },
      customerStatus: 'prospect',
      registeredCapitalFen: 500_000_000,
    });
    // No units proposed: the largest wanted area, 300 m² x 120 yuan x 12 months, in fen.
    const expected = 300 * 120 * 12 * 100;
    expect(a.checks.annualRentFen).toBe(expected);
    expect(a.checks.recommendedDepositMonths).toBe(expected <= 500_000_000 ? 2 : 3);
    // Legal may approve what the system flags, but must say why.
    await submit(a.id);
    await decide(a.id, 'business');
    expect((await decide(a.id, 'legal')).json().error).toMatchObject({
      code: 'APPLICATION_COMMENT_REQUIRED',
      field: 'comment',
    });
    expect(
      (await decide(a.id, 'legal', 'approve', { comment: '合同按20年签订，超出部分另行续签' })).statusCode,
    ).toBe(200);
  });

  it('lets only business and admin file applications, and never shows another organization’s', async () => {
    const refused = await h.call(
      s.legal,
      'POST',
      '/api/v1/applications',
      body(await customer('法务越权测试有限公司')),
    );
    expect(refused.statusCode).toBe(403);
    const mine = (await h.call(s.business, 'GET', '/api/v1/applications?limit=1')).json().items[0];
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', '/api/v1/applications')).json().items).toEqual([]);
    expect((await h.call(other, 'GET', `/api/v1/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/applications/${mine.id}/notice.pdf`)).statusCode).toBe(404);
  });
});

describe('daily jobs, inbox and statistics', () => {
  const run = (name: string, date: string) =>
    runJob(h.db, h.deps.jobs.get(name)!, { orgId: h.orgs.demo, businessDate: date, trigger: 'manual' });

  it('expires an unsigned notice after its deadline, releases the units, and is safe to re-run', async () => {
    const a = await create(await customer('五缘湾逾期签约有限公司'), { unitIds: [vacant[5]!.id] });
    await submit(a.id);
    for (const d of ['business', 'legal', 'finance', 'management'] as const) await decide(a.id, d);
    const signBy = (await get(a.id)).notice.signBy;
    expect((await run('expire-admission-notices', signBy))?.counts).toEqual({ expired: 0 }); // the last day is still good
    // This one, and the first application above, approved the same day.
    expect(
      (await run('expire-admission-notices', addDays(signBy, 1)))?.counts.expired,
    ).toBeGreaterThanOrEqual(1);
    expect((await run('expire-admission-notices', addDays(signBy, 1)))?.counts).toEqual({ expired: 0 });
    expect((await get(a.id)).status).toBe('notice_expired');
    expect(await unitStatus(vacant[5]!.id)).toBe('vacant');
    expect((await notesAbout(s.business.userId, a.id)).some((t) => t.includes('已过期'))).toBe(true);
  });

  it('reminds the reviewers of an overdue stage once a day, and counts it in their inbox', async () => {
    const dual = await h.login('fa.cai', 'dual-role-password-1'); // legal and finance, made above
    const a = await create(await customer('软件园超时审批有限公司'));
    await submit(a.id);
    await decide(a.id, 'business');
    await h.call(dual, 'POST', `/api/v1/applications/${a.id}/reviews`, {
      decision: 'approve',
      checklist: CHECKLISTS.legal,
    });
    const due = (await get(a.id)).stageDueOn;
    const inbox = (await h.call(s.finance, 'GET', '/api/v1/applications/inbox')).json();
    expect(inbox.waiting).toBeGreaterThanOrEqual(1);
    const later = addDays(due, 1);
    const first = await run('remind-overdue-reviews', later);
    expect(first?.counts.overdue).toBeGreaterThanOrEqual(1);
    expect((await run('remind-overdue-reviews', later))?.counts).toEqual({ overdue: 0, reminded: 0 });
    const overdueNotes = async (userId: string) =>
      (await notesAbout(userId, a.id)).filter((t) => t.includes('已超时'));
    expect(await overdueNotes(s.finance.userId)).toEqual([`准入申请 ${a.number} 的财务评估已超时`]);
    // The dual-role user decided the legal stage, so segregation keeps them off this one.
    expect(await overdueNotes(dual.userId)).toEqual([]);
  });

  it('reports time per stage, approval and rejection rates and rejection reasons by month', async () => {
    const r = await h.call(
      s.management,
      'GET',
      `/api/v1/applications/stats?from=${addDays(today, -1)}&to=${addDays(today, 1)}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const st = r.json();
    expect(st.stages.map((x: { stage: string }) => x.stage)).toEqual([
      'business_review',
      'legal_review',
      'finance_review',
      'management_approval',
    ]);
    expect(st.stages[0].decided).toBeGreaterThanOrEqual(6);
    expect(st.stages[0].averageHours).toBeGreaterThanOrEqual(0);
    expect(st.outcomes.approved).toBeGreaterThanOrEqual(2);
    expect(st.outcomes.rejected).toBeGreaterThanOrEqual(1);
    expect(st.outcomes.withdrawn).toBeGreaterThanOrEqual(1);
    expect(st.outcomes.approvalRate).toBeCloseTo(st.outcomes.approved / st.outcomes.decided, 3);
    expect(st.rejectionsByMonth).toContainEqual({
      month: today.slice(0, 7),
      reason: 'needs',
      count: expect.any(Number),
    });
  });
});
