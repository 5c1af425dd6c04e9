import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { systemCtx } from '../../platform/context.ts';
import { setCustomerStatus } from './setCustomerStatus.ts';

let h: Harness;
let biz: Session;
let bizId: string;
let seq = 0;
/** A fresh valid USCC for each customer a test creates. */
const uscc = () => completeUscc(`91310115MA1K${String(4000 + seq++).padStart(4, '0')}`);
const body = (name: string, extra: object = {}) => ({ name, uscc: uscc(), industry: 'it', ...extra });

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  bizId = biz.userId;
});
afterAll(() => h?.close());

describe('customer files (issue 4, R2.3.1)', () => {
  it('creates a prospect with its audit row in the same transaction, and reads it back', async () => {
    const r = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('上海翠微数字科技有限公司', {
        legalRepresentative: '周明',
        registeredCapital: 500_000_000,
        establishedOn: '2019-03-12',
        scale: 'small',
        accountManagerId: bizId,
        tags: ['重点客户'],
      }),
    );
    expect(r.statusCode).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({
      name: '上海翠微数字科技有限公司',
      status: 'prospect',
      registeredCapital: 500_000_000,
      establishedOn: '2019-03-12',
      accountManagerId: bizId,
      accountManagerName: expect.any(String),
      tags: ['重点客户'],
      primaryContact: null,
    });
    expect((await h.call(biz, 'GET', `/api/v1/customers/${c.id}`)).json()).toEqual(c);
    const timeline = (await h.call(biz, 'GET', `/api/v1/customers/${c.id}/timeline`)).json();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ action: 'customer.create', actorName: expect.any(String) });
    expect(timeline.items[0].summary).toMatchObject({ name: '上海翠微数字科技有限公司', status: 'prospect' });
  });

  it('refuses a wrong USCC with a code naming USCC, on field uscc, saying which rule failed in each language', async () => {
    const good = uscc();
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const zh = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('校验失败测试有限公司', { uscc: wrongCheck }),
    );
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'CUSTOMER_USCC_INVALID', field: 'uscc' });
    expect(zh.json().error.message).toContain('校验');
    const en = await h.call(biz, 'POST', '/api/v1/customers', body('Short code Ltd', { uscc: '9131' }), {
      'accept-language': 'en',
    });
    expect(en.json().error).toMatchObject({ code: 'CUSTOMER_USCC_INVALID', field: 'uscc' });
    expect(en.json().error.message).toMatch(/18/);
    const lower = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('小写代码测试有限公司', { uscc: uscc().toLowerCase() }),
    );
    expect(lower.statusCode).toBe(201);
    expect(lower.json().uscc).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('names the field of every other validation error', async () => {
    const cases: [object, string][] = [
      [{ name: '甲' }, 'name'],
      [{ industry: 'mining' }, 'industry'],
      [{ registeredCapital: 12.5 }, 'registeredCapital'],
      [{ establishedOn: '2019-02-30' }, 'establishedOn'],
      [{ accountManagerId: 'not-a-uuid' }, 'accountManagerId'],
    ];
    for (const [extra, field] of cases) {
      const r = await h.call(biz, 'POST', '/api/v1/customers', { ...body('字段校验测试有限公司'), ...extra });
      expect(r.statusCode, field).toBe(400);
      expect(r.json().error, field).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const legal = (await h.login('legal')).userId;
    const notBusiness = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('经理校验测试有限公司', { accountManagerId: legal }),
    );
    expect(notBusiness.json().error).toMatchObject({
      code: 'CUSTOMER_ACCOUNT_MANAGER_INVALID',
      field: 'accountManagerId',
    });
    // Nothing of a refused customer is written: no row and no audit record.
    const found = await h.call(biz, 'GET', `/api/v1/customers?q=${encodeURIComponent('经理校验测试')}`);
    expect(found.json().items).toEqual([]);
  });

  it('refuses a second customer with the same USCC with 409 and a link to the first', async () => {
    const code = uscc();
    const first = (
      await h.call(biz, 'POST', '/api/v1/customers', body('重复代码甲有限公司', { uscc: code }))
    ).json();
    const again = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('完全不同的乙有限公司', { uscc: code }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'CUSTOMER_USCC_TAKEN',
      field: 'uscc',
      details: { existingId: first.id, existingName: '重复代码甲有限公司', href: `/customers/${first.id}` },
    });
    const other = (await h.call(biz, 'POST', '/api/v1/customers', body('另一家丙有限公司'))).json();
    const patch = await h.call(biz, 'PATCH', `/api/v1/customers/${other.id}`, { uscc: code });
    expect(patch.json().error).toMatchObject({
      code: 'CUSTOMER_USCC_TAKEN',
      details: { existingId: first.id },
    });
  });

  it('warns about similar names and lets the user go on', async () => {
    const first = (await h.call(biz, 'POST', '/api/v1/customers', body('苏州云杉智能制造有限公司'))).json();
    const similar = await h.call(biz, 'POST', '/api/v1/customers', body('苏州云杉智能制造股份有限公司'));
    expect(similar.statusCode).toBe(409);
    expect(similar.json().error).toMatchObject({ code: 'CUSTOMER_NAME_SIMILAR', field: 'name' });
    expect(similar.json().error.details.similar).toEqual([
      { id: first.id, name: '苏州云杉智能制造有限公司', uscc: first.uscc },
    ]);
    expect(similar.json().error.message).toContain('苏州云杉智能制造有限公司');
    const anyway = await h.call(
      biz,
      'POST',
      '/api/v1/customers',
      body('苏州云杉智能制造股份有限公司', { allowSimilarName: true }),
    );
    expect(anyway.statusCode).toBe(201);
  });

  it('keeps every edit with before and after on the timeline', async () => {
    const c = (await h.call(biz, 'POST', '/api/v1/customers', body('杭州澄湖物流有限公司'))).json();
    const r = await h.call(biz, 'PATCH', `/api/v1/customers/${c.id}`, {
      industry: 'logistics',
      notes: '需要月台',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ industry: 'logistics', notes: '需要月台' });
    const [latest] = (await h.call(biz, 'GET', `/api/v1/customers/${c.id}/timeline`)).json().items;
    expect(latest.action).toBe('customer.update');
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: 'industry', before: 'it', after: 'logistics' },
        { field: 'notes', before: null, after: '需要月台' },
      ]),
    );
    expect(latest.changes).toHaveLength(2);
  });

  it('changes only what an update sends: tags stay when a PATCH leaves them out', async () => {
    const c = (
      await h.call(biz, 'POST', '/api/v1/customers', body('标签保留测试有限公司', { tags: ['重点客户'] }))
    ).json();
    const r = await h.call(biz, 'PATCH', `/api/v1/customers/${c.id}`, { notes: '只改备注' });
    expect(r.json()).toMatchObject({ tags: ['重点客户'], notes: '只改备注' });
  });
});

describe('permissions and blacklisting', () => {
  it('lets business and admin write, other staff only read', async () => {
    const c = (await h.call(biz, 'POST', '/api/v1/customers', body('权限测试贸易有限公司'))).json();
    const admin = await h.login('admin');
    expect(
      (await h.call(admin, 'PATCH', `/api/v1/customers/${c.id}`, { notes: '管理员改' })).statusCode,
    ).toBe(200);
    for (const role of ['legal', 'finance', 'management', 'service'] as const) {
      const s = await h.login(role);
      expect((await h.call(s, 'GET', `/api/v1/customers/${c.id}`)).statusCode, role).toBe(200);
      expect((await h.call(s, 'GET', '/api/v1/customers')).statusCode, role).toBe(200);
      expect((await h.call(s, 'POST', '/api/v1/customers', body('越权有限公司'))).statusCode, role).toBe(403);
      expect((await h.call(s, 'PATCH', `/api/v1/customers/${c.id}`, { notes: 'x' })).statusCode, role).toBe(
        403,
      );
      const contact = await h.call(s, 'POST', `/api/v1/customers/${c.id}/contacts`, {
        name: '某人',
        mobile: '13800138000',
      });
      expect(contact.statusCode, role).toBe(403);
    }
    expect((await h.call(null, 'GET', '/api/v1/customers')).statusCode).toBe(401);
  });

  it('blacklists only by management with a reason, and lifting restores the status it had', async () => {
    const c = (await h.call(biz, 'POST', '/api/v1/customers', body('黑名单测试有限公司'))).json();
    const mgmt = await h.login('management');
    expect(
      (await h.call(biz, 'POST', `/api/v1/customers/${c.id}/blacklist`, { reason: '恶意拖欠租金' }))
        .statusCode,
    ).toBe(403);
    const noReason = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/blacklist`, { reason: '' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const r = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/blacklist`, { reason: '恶意拖欠租金' });
    expect(r.json()).toMatchObject({ status: 'blacklisted', blacklistReason: '恶意拖欠租金' });
    expect(r.json().blacklistedAt).toEqual(expect.any(String));
    const twice = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/blacklist`, { reason: '再次拉黑' });
    expect(twice.json().error.code).toBe('CUSTOMER_BLACKLISTED');
    const listed = await h.call(biz, 'GET', '/api/v1/customers?status=blacklisted');
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    const lifted = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/unblacklist`, {
      reason: '已结清并道歉',
    });
    expect(lifted.json()).toMatchObject({ status: 'prospect', blacklistReason: null });
    const again = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/unblacklist`, { reason: '重复操作' });
    expect(again.json().error.code).toBe('CUSTOMER_NOT_BLACKLISTED');
    const actions = (await h.call(biz, 'GET', `/api/v1/customers/${c.id}/timeline`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['customer.unblacklist', 'customer.blacklist', 'customer.create']);
  });

  it('never shows another organization its customers', async () => {
    const c = (await h.call(biz, 'POST', '/api/v1/customers', body('隔离测试甲有限公司'))).json();
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const mine = (await h.call(other, 'POST', '/api/v1/customers', body('隔离测试乙有限公司'))).json();
    expect((await h.call(other, 'GET', `/api/v1/customers/${c.id}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/customers/${c.id}/contacts`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/customers/${c.id}/timeline`)).statusCode).toBe(404);
    expect((await h.call(other, 'PATCH', `/api/v1/customers/${c.id}`, { notes: 'x' })).statusCode).toBe(404);
    const list = (await h.call(other, 'GET', `/api/v1/customers?q=${encodeURIComponent('隔离测试')}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    // The same USCC may exist once in each organization.
    const same = await h.call(
      other,
      'POST',
      '/api/v1/customers',
      body('隔离测试丙有限公司', { uscc: c.uscc, allowSimilarName: true }),
    );
    expect(same.statusCode).toBe(201);
  });
});

describe('status life cycle', () => {
  const move = (id: string, status: Parameters<typeof setCustomerStatus>[2]) =>
    h.db.inOrg(h.orgs.demo, (tx) =>
      setCustomerStatus(systemCtx(tx, h.orgs.demo), id, status, { entityType: 'contract', entityId: 'HT-1' }),
    );

  it('follows applications and contracts, and a blacklisted customer stays blacklisted', async () => {
    const c = (await h.call(biz, 'POST', '/api/v1/customers', body('状态流转测试有限公司'))).json();
    await move(c.id, 'applicant');
    await move(c.id, 'tenant');
    expect((await h.call(biz, 'GET', `/api/v1/customers/${c.id}`)).json().status).toBe('tenant');
    const mgmt = await h.login('management');
    await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/blacklist`, { reason: '严重违约，解除合同' });
    await expect(move(c.id, 'tenant')).rejects.toMatchObject({ code: 'CUSTOMER_BLACKLISTED' });
    // The contract ends while blacklisted: lifting the blacklist later returns the customer as former.
    await move(c.id, 'former');
    const lifted = await h.call(mgmt, 'POST', `/api/v1/customers/${c.id}/unblacklist`, {
      reason: '复核后解除',
    });
    expect(lifted.json().status).toBe('former');
    const changes = (await h.call(biz, 'GET', `/api/v1/customers/${c.id}/timeline`)).json().items;
    expect(changes.map((e: { action: string }) => e.action)).toEqual([
      'customer.unblacklist',
      'customer.status',
      'customer.blacklist',
      'customer.status',
      'customer.status',
      'customer.create',
    ]);
    // Even while blacklisted, where the customer will return to is recorded when it changes.
    expect(changes[1].changes).toContainEqual({
      field: 'statusBeforeBlacklist',
      before: 'tenant',
      after: 'former',
    });
    expect(changes[3].changes).toContainEqual({ field: 'status', before: 'applicant', after: 'tenant' });
  });
});
