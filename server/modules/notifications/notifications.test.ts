import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, testApp } from '../../../test/harness.ts';
import { systemCtx } from '../../platform/context.ts';
import { notifyRoles, notifyUsers } from './notify.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h.close());

const msg = (n: number) => ({
  title: { 'zh-CN': `待审核申请 ${n}`, en: `Application ${n} awaits review` },
  body: { 'zh-CN': '请在两日内完成审核。', en: 'Please review within two days.' },
  link: `/applications/${n}`,
  entityType: 'application',
  entityId: String(n),
});

describe('in-app notifications (issue 3 §5)', () => {
  it('notifies the active holders of a role, each in their language, with unread counts', async () => {
    const legal = await h.login('legal');
    const finance = await h.login('finance');
    const sent = await h.db.inOrg(h.orgs.demo, (tx) =>
      notifyRoles(systemCtx(tx, h.orgs.demo), ['legal', 'management'], msg(1)),
    );
    expect(sent).toBe(2);
    expect((await h.call(legal, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
    expect((await h.call(finance, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    const zh = (await h.call(legal, 'GET', '/api/v1/notifications')).json();
    expect(zh.unreadCount).toBe(1);
    expect(zh.items[0]).toMatchObject({ title: '待审核申请 1', link: '/applications/1', readAt: null });
    const en = (
      await h.call(legal, 'GET', '/api/v1/notifications', undefined, { 'accept-language': 'en' })
    ).json();
    expect(en.items[0].title).toBe('Application 1 awaits review');
  });

  it('marks one or all read; another user cannot touch mine', async () => {
    const service = await h.login('service');
    await h.db.inOrg(h.orgs.demo, (tx) => notifyUsers(systemCtx(tx, h.orgs.demo), [service.userId], msg(2)));
    await h.db.inOrg(h.orgs.demo, (tx) =>
      notifyUsers(systemCtx(tx, h.orgs.demo), [service.userId, service.userId], msg(3)),
    );
    const items = (await h.call(service, 'GET', '/api/v1/notifications?unread=true')).json().items;
    expect(items.map((n: { entityId: string }) => n.entityId)).toEqual(['3', '2']);
    const other = await h.login('business');
    expect((await h.call(other, 'POST', `/api/v1/notifications/${items[0].id}/read`)).statusCode).toBe(404);
    expect((await h.call(service, 'POST', `/api/v1/notifications/${items[0].id}/read`)).statusCode).toBe(204);
    expect((await h.call(service, 'GET', '/api/v1/notifications/unread-count')).json().count).toBe(1);
    expect((await h.call(service, 'POST', '/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await h.call(service, 'GET', '/api/v1/notifications/unread-count')).json().count).toBe(0);
    const all = (await h.call(service, 'GET', '/api/v1/notifications?limit=1')).json();
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
    expect(all.items[0].readAt).not.toBeNull();
  });

  it('is written in the business transaction: a rollback leaves no notification', async () => {
    const mgmt = await h.login('management');
    const before = (await h.call(mgmt, 'GET', '/api/v1/notifications/unread-count')).json().count;
    await expect(
      h.db.inOrg(h.orgs.demo, async (tx) => {
        await notifyRoles(systemCtx(tx, h.orgs.demo), ['management'], msg(4));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect((await h.call(mgmt, 'GET', '/api/v1/notifications/unread-count')).json().count).toBe(before);
  });
});
