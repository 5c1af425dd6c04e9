import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
});
afterAll(() => h.close());

const newUser = (username: string, extra: object = {}) => ({
  username,
  displayName: `用户 ${username}`,
  email: `${username}@example.cn`,
  phone: '13800138000',
  roles: ['business'],
  password: 'a-long-password',
  ...extra,
});

describe('users (issue 2 §6)', () => {
  it('creates a user, who can then sign in; the change is audited without the password', async () => {
    const r = await h.call(
      admin,
      'POST',
      '/api/v1/users',
      newUser('Zhang.San', { roles: ['business', 'finance'] }),
    );
    expect(r.statusCode).toBe(201);
    const u = r.json();
    expect(u).toMatchObject({
      username: 'zhang.san',
      roles: ['business', 'finance'],
      active: true,
      lastLoginAt: null,
    });
    expect(u).not.toHaveProperty('passwordHash');
    const s = await h.login('zhang.san', 'a-long-password');
    expect(s.userId).toBe(u.id);
    const audit = (await h.call(admin, 'GET', `/api/v1/audit?entityType=user&entityId=${u.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'user.create',
      actorId: admin.userId,
      actorName: '系统管理员',
      actorKind: 'user',
    });
    expect(audit.items[0].after).toMatchObject({ username: 'zhang.san', roles: ['business', 'finance'] });
    expect(JSON.stringify(audit.items[0])).not.toContain('argon2');
    // the new user is told by e-mail, in the same transaction, without a password
    const mail = (await h.call(admin, 'GET', '/api/v1/outbox?q=zhang.san@example.cn')).json().items;
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      to: ['Zhang.San@example.cn'],
      status: 'pending',
      entityType: 'user',
      entityId: u.id,
    });
    const body = (await h.call(admin, 'GET', `/api/v1/outbox/${mail[0].id}`)).json().text;
    expect(body).toContain('用户名：zhang.san');
    expect(body).toContain('角色：业务部、财务部');
    expect(body).not.toContain('a-long-password');
  });

  it('tells a user in the app that an admin reset their password', async () => {
    const u = (await h.call(admin, 'POST', '/api/v1/users', newUser('resetee', { email: null }))).json();
    await h.call(admin, 'POST', `/api/v1/users/${u.id}/password`, { newPassword: 'brand-new-password' });
    const s = await h.login('resetee', 'brand-new-password');
    const n = (await h.call(s, 'GET', '/api/v1/notifications')).json();
    expect(n.unreadCount).toBe(1);
    expect(n.items[0].title).toBe('您的密码已被管理员重置');
  });

  it('checks e-mail and phone with the shared validators, normalising what it keeps', async () => {
    const ok = await h.call(
      admin,
      'POST',
      '/api/v1/users',
      newUser('normal', { phone: '+86 138-0013-8000', email: 'Normal@Example.CN' }),
    );
    expect(ok.json()).toMatchObject({ phone: '13800138000', email: 'Normal@example.cn' });
    const phone = await h.call(admin, 'POST', '/api/v1/users', newUser('badphone', { phone: '12345' }));
    expect(phone.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    expect(phone.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const mail = await h.call(admin, 'POST', '/api/v1/users', newUser('badmail', { email: 'a@b' }), {
      'accept-language': 'en',
    });
    expect(mail.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
  });

  it('names the field of bad input, in Chinese by default and in English on request', async () => {
    const zh = await h.call(admin, 'POST', '/api/v1/users', newUser('shorty', { password: 'short' }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect(zh.json().error.message).toContain('password');
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await h.call(admin, 'POST', '/api/v1/users', newUser('bad email', {}), {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(en.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'username' });
    expect(en.json().error.message).toMatch(/^Field "username" is invalid/);
    const roles = await h.call(admin, 'POST', '/api/v1/users', newUser('roles-x', { roles: ['janitor'] }));
    expect(roles.json().error.field).toBe('roles.0');
    const mixed = await h.call(
      admin,
      'POST',
      '/api/v1/users',
      newUser('mixed', { roles: ['customer', 'finance'] }),
    );
    expect(mixed.json().error).toMatchObject({ code: 'USER_CUSTOMER_ROLE_EXCLUSIVE', field: 'roles' });
  });

  it('refuses a username taken in any organization with 409, writing nothing', async () => {
    const dup = await h.call(admin, 'POST', '/api/v1/users', newUser('legal'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'USER_USERNAME_TAKEN', field: 'username' });
    const cross = await h.call(admin, 'POST', '/api/v1/users', newUser(OTHER_ADMIN.username));
    expect(cross.statusCode).toBe(409);
    const audit = (await h.call(admin, 'GET', '/api/v1/audit?entityType=user&limit=200')).json();
    expect(
      audit.items.filter((e: { after: { username?: string } }) => e.after?.username === OTHER_ADMIN.username),
    ).toEqual([]);
  });

  it('edits roles and details, records before/after of the changed fields only', async () => {
    const u = (await h.call(admin, 'POST', '/api/v1/users', newUser('editme'))).json();
    const r = await h.call(admin, 'PATCH', `/api/v1/users/${u.id}`, {
      roles: ['legal'],
      displayName: '李四',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ roles: ['legal'], displayName: '李四', email: 'editme@example.cn' });
    const audit = (await h.call(admin, 'GET', `/api/v1/audit?entityId=${u.id}`)).json().items;
    expect(audit[0]).toMatchObject({
      action: 'user.update',
      before: { roles: ['business'], displayName: '用户 editme' },
      after: { roles: ['legal'], displayName: '李四' },
    });
    expect(audit[0].before).not.toHaveProperty('email');
  });

  it('deactivates and reactivates; a deactivated user cannot sign in', async () => {
    const u = (await h.call(admin, 'POST', '/api/v1/users', newUser('toggler'))).json();
    expect((await h.call(admin, 'PATCH', `/api/v1/users/${u.id}`, { active: false })).json().active).toBe(
      false,
    );
    expect(
      (await h.call(null, 'POST', '/api/v1/auth/login', { username: 'toggler', password: 'a-long-password' }))
        .statusCode,
    ).toBe(401);
    expect((await h.call(admin, 'PATCH', `/api/v1/users/${u.id}`, { active: true })).json().active).toBe(
      true,
    );
    await h.login('toggler', 'a-long-password');
    const actions = (await h.call(admin, 'GET', `/api/v1/audit?entityId=${u.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['user.reactivate', 'user.deactivate', 'user.create']);
  });

  it('keeps at least one active admin and never deactivates oneself', async () => {
    const self = await h.call(admin, 'PATCH', `/api/v1/users/${admin.userId}`, { active: false });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('USER_CANNOT_DEACTIVATE_SELF');
    const demote = await h.call(admin, 'PATCH', `/api/v1/users/${admin.userId}`, { roles: ['business'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: 'USER_LAST_ADMIN', field: 'roles' });
    // with a second admin, demotion is allowed
    const second = (
      await h.call(admin, 'POST', '/api/v1/users', newUser('admin2', { roles: ['admin'] }))
    ).json();
    const s2 = await h.login('admin2', 'a-long-password');
    const ok = await h.call(s2, 'PATCH', `/api/v1/users/${second.id}`, { roles: ['admin', 'business'] });
    expect(ok.statusCode).toBe(200);
  });

  it('lists with filters and keyset paging, in username order', async () => {
    for (const n of ['pg-a', 'pg-b', 'pg-c', 'pg-d', 'pg-e']) {
      await h.call(admin, 'POST', '/api/v1/users', newUser(n, { roles: ['service'] }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/users?q=pg-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await h.call(admin, 'GET', q)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u: { username: string }) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['pg-a', 'pg-b', 'pg-c', 'pg-d', 'pg-e']);
    const byRole = (await h.call(admin, 'GET', '/api/v1/users?role=legal&limit=200')).json().items;
    expect(byRole.every((u: { roles: string[] }) => u.roles.includes('legal'))).toBe(true);
    const bad = await h.call(admin, 'GET', '/api/v1/users?cursor=garbage');
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });

  it('answers 404 for a user that does not exist', async () => {
    const r = await h.call(admin, 'PATCH', '/api/v1/users/01939d4f-0000-7000-8000-000000000000', {
      displayName: 'x',
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'NOT_FOUND', message: '未找到用户' });
    const en = await h.call(
      admin,
      'PATCH',
      '/api/v1/users/01939d4f-0000-7000-8000-000000000000',
      {
        displayName: 'x',
      },
      { 'accept-language': 'en' },
    );
    expect(en.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'User not found' });
  });
});

describe('the staff directory', () => {
  it('lists active staff of the organization by name, for any staff role, without contact details', async () => {
    const legal = await h.login('legal');
    const r = await h.call(legal, 'GET', '/api/v1/staff');
    expect(r.statusCode, r.body).toBe(200);
    const staff = r.json() as { id: string; displayName: string; roles: string[] }[];
    expect(staff.length).toBeGreaterThanOrEqual(6);
    expect(staff.every((u) => !u.roles.includes('customer'))).toBe(true);
    expect(Object.keys(staff[0]!).sort()).toEqual(['displayName', 'id', 'roles']);
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const theirs = (await h.call(other, 'GET', '/api/v1/staff')).json() as { id: string }[];
    expect(theirs.some((u) => staff.some((s) => s.id === u.id))).toBe(false);
  });
});
