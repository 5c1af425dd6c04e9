import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ORG } from '../../../test/template.ts';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
});
afterAll(() => h.close());

describe('organization settings (issue 3 §6)', () => {
  it('shows the organization with default settings to any signed-in user', async () => {
    const s = await h.login('business');
    const r = (await h.call(s, 'GET', '/api/v1/organization')).json();
    expect(r).toMatchObject({
      name: '演示租赁有限公司',
      uscc: '91350100M000100Y43',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      settings: {
        vatRates: { rent: '0.09', propertyFee: '0.06', water: '0.09', electricity: '0.13' },
        documentFooter: null,
      },
    });
  });

  it('lets an admin edit name, address, time zone, VAT defaults and footer, audited', async () => {
    const r = await h.call(admin, 'PATCH', '/api/v1/organization', {
      name: '演示租赁（上海）有限公司',
      uscc: ' 9144030071526726xg ',
      timeZone: 'Asia/Hong_Kong',
      settings: { vatRates: { rent: '0.05' }, documentFooter: '地址：上海市浦东新区 电话：021-12345678' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      name: '演示租赁（上海）有限公司',
      uscc: '9144030071526726XG',
      timeZone: 'Asia/Hong_Kong',
      settings: {
        vatRates: { rent: '0.05', propertyFee: '0.06' },
        documentFooter: '地址：上海市浦东新区 电话：021-12345678',
      },
    });
    const audit = (await h.call(admin, 'GET', '/api/v1/audit?entityType=organization&limit=1')).json()
      .items[0];
    expect(audit).toMatchObject({
      action: 'organization.update',
      before: { name: '演示租赁有限公司' },
      after: { name: '演示租赁（上海）有限公司' },
    });
    // the new time zone is what sessions now carry
    expect((await h.call(admin, 'GET', '/api/v1/auth/me')).json().user.org.timeZone).toBe('Asia/Hong_Kong');
  });

  it('names the rule a bad USCC breaks, in the caller language, and refuses one taken by another organization', async () => {
    const zh = await h.call(admin, 'PATCH', '/api/v1/organization', { uscc: '91350100M000100Y44' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'ORG_USCC_INVALID', field: 'uscc' });
    expect(zh.json().error.message).toContain('校验');
    const en = await h.call(
      admin,
      'PATCH',
      '/api/v1/organization',
      { uscc: '123' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toMatch(/18/);
    const taken = await h.call(admin, 'PATCH', '/api/v1/organization', { uscc: OTHER_ORG.uscc });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'ORG_USCC_TAKEN', field: 'uscc' });
    const tz = await h.call(admin, 'PATCH', '/api/v1/organization', { timeZone: 'Mars/Base' });
    expect(tz.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'timeZone' });
    const rate = await h.call(admin, 'PATCH', '/api/v1/organization', {
      settings: { vatRates: { rent: '9%' } },
    });
    expect(rate.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'settings.vatRates.rent' });
  });
});
