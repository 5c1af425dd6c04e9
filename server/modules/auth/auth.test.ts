import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, testApp } from '../../../test/harness.ts';
import { rows } from '../../platform/db/database.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h.close());

describe('sign-in (issue 2 §4)', () => {
  it('signs in admin with the demo password and sets a safe cookie', async () => {
    const r = await h.call(null, 'POST', '/api/v1/auth/login', {
      username: 'admin',
      password: 'tenantry-demo',
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.user).toMatchObject({
      username: 'admin',
      roles: ['admin'],
      org: { name: '演示租赁有限公司', timeZone: 'Asia/Shanghai' },
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('stores only a hash of the session token', async () => {
    const s = await h.login('legal');
    const token = s.cookie.split('=')[1]!;
    const found = await h.db.asSystem((tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from sessions where token_hash = ${token}`),
    );
    expect(found[0]!.n).toBe(0);
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secure = await testApp({ TENANTRY_COOKIE_SECURE: 'true' });
    try {
      const r = await secure.call(null, 'POST', '/api/v1/auth/login', {
        username: 'admin',
        password: 'tenantry-demo',
      });
      expect(String(r.headers['set-cookie'])).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('answers wrong password, unknown user and deactivated user with the same generic 401', async () => {
    const admin = await h.login('admin');
    const created = await h.call(admin, 'POST', '/api/v1/users', {
      username: 'gone',
      displayName: 'Gone',
      roles: ['service'],
      password: 'gone-password-1',
    });
    expect(created.statusCode).toBe(201);
    await h.call(admin, 'PATCH', `/api/v1/users/${created.json().id}`, { active: false });
    const answers = await Promise.all([
      h.call(null, 'POST', '/api/v1/auth/login', { username: 'finance', password: 'wrong-password' }),
      h.call(null, 'POST', '/api/v1/auth/login', { username: 'nobody-here', password: 'tenantry-demo' }),
      h.call(null, 'POST', '/api/v1/auth/login', { username: 'gone', password: 'gone-password-1' }),
    ]);
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect(new Set(answers.map((a) => a.json().error.message)).size).toBe(1);
  });

  it('throttles repeated failures for a username with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.call(null, 'POST', '/api/v1/auth/login', {
        username: 'service',
        password: `bad-${i}-password`,
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await h.call(null, 'POST', '/api/v1/auth/login', {
      username: 'service',
      password: 'tenantry-demo',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('AUTH_THROTTLED');
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    // Another username from the same address is not blocked by this one.
    expect(
      (await h.call(null, 'POST', '/api/v1/auth/login', { username: 'legal', password: 'tenantry-demo' }))
        .statusCode,
    ).toBe(200);
  });

  it('throttles an address that tries many usernames', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 30; i++) {
      await h.call(
        null,
        'POST',
        '/api/v1/auth/login',
        { username: `guess-${i}`, password: 'whatever-pw' },
        {},
        ip,
      );
    }
    const r = await h.call(
      null,
      'POST',
      '/api/v1/auth/login',
      { username: 'business', password: 'tenantry-demo' },
      {},
      ip,
    );
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    // Spoofing X-Forwarded-For does not dodge it unless the server is told it sits behind a proxy.
    const spoofed = await h.call(
      null,
      'POST',
      '/api/v1/auth/login',
      { username: 'business', password: 'tenantry-demo' },
      { 'x-forwarded-for': '198.51.100.1' },
      ip,
    );
    expect(spoofed.statusCode).toBe(429);
  });

  it('returns the user and CSRF token from /me, and 401 without a session', async () => {
    const s = await h.login('finance');
    const me = await h.call(s, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'finance', roles: ['finance'] }, csrfToken: s.csrf });
    const anon = await h.call(null, 'GET', '/api/v1/auth/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('refuses a mutating request without the right x-csrf-token with 403', async () => {
    const s = await h.login('admin');
    const body = { username: 'csrf-test', displayName: 'X', roles: ['service'], password: 'long-enough-pw' };
    const none = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: body,
      headers: { cookie: s.cookie },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('CSRF_INVALID');
    const wrong = await h.call(s, 'POST', '/api/v1/users', body, { 'x-csrf-token': 'nope' });
    expect(wrong.statusCode).toBe(403);
    const logout = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(logout.statusCode).toBe(403);
    // nothing was written
    const users = await h.call(s, 'GET', '/api/v1/users?q=csrf-test');
    expect(users.json().items).toHaveLength(0);
  });

  it('logs out: the session stops working', async () => {
    const s = await h.login('management');
    expect((await h.call(s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await h.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions on idle and on absolute age', async () => {
    const idle = await h.login('business');
    const abs = await h.login('business');
    await h.db.asSystem(async (tx) => {
      await tx.execute(
        sql`update sessions set idle_expires_at = now() - interval '1 second' where user_id = ${idle.userId} and csrf_token = ${idle.csrf}`,
      );
      await tx.execute(
        sql`update sessions set absolute_expires_at = now() - interval '1 second' where csrf_token = ${abs.csrf}`,
      );
    });
    expect((await h.call(idle, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await h.call(abs, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('slides the idle expiry on use, never past the absolute expiry', async () => {
    const s = await h.login('legal');
    await h.db.asSystem((tx) =>
      tx.execute(
        sql`update sessions set last_seen_at = now() - interval '10 minutes', idle_expires_at = now() + interval '1 minute' where csrf_token = ${s.csrf}`,
      ),
    );
    expect((await h.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const [row] = await h.db.asSystem((tx) =>
      rows<{ idle_left: number; capped: boolean }>(
        tx,
        sql`select extract(epoch from idle_expires_at - now())::int as idle_left, idle_expires_at <= absolute_expires_at as capped from sessions where csrf_token = ${s.csrf}`,
      ),
    );
    expect(row!.idle_left).toBeGreaterThan(200 * 60);
    expect(row!.capped).toBe(true);
  });

  it('changes my password: old sessions end, this one stays, the new password works', async () => {
    const admin = await h.login('admin');
    await h.call(admin, 'POST', '/api/v1/users', {
      username: 'changer',
      displayName: 'C',
      roles: ['legal'],
      password: 'first-password',
    });
    const a = await h.login('changer', 'first-password');
    const b = await h.login('changer', 'first-password');
    const short = await h.call(a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'first-password',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    const wrong = await h.call(a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'second-password',
    });
    expect(wrong.json().error).toMatchObject({ code: 'USER_WRONG_PASSWORD', field: 'currentPassword' });
    const ok = await h.call(a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'first-password',
      newPassword: 'second-password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await h.call(a, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await h.call(b, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      (await h.call(null, 'POST', '/api/v1/auth/login', { username: 'changer', password: 'first-password' }))
        .statusCode,
    ).toBe(401);
    await h.login('changer', 'second-password');
  });

  it('revokes every session of a user an admin deactivates or resets', async () => {
    const admin = await h.login('admin');
    const created = await h.call(admin, 'POST', '/api/v1/users', {
      username: 'revokee',
      displayName: 'R',
      roles: ['finance'],
      password: 'revokee-pass',
    });
    const id = created.json().id;
    const s1 = await h.login('revokee', 'revokee-pass');
    expect(
      (await h.call(admin, 'POST', `/api/v1/users/${id}/password`, { newPassword: 'revokee-pass-2' }))
        .statusCode,
    ).toBe(204);
    expect((await h.call(s1, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const s2 = await h.login('revokee', 'revokee-pass-2');
    expect((await h.call(admin, 'PATCH', `/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await h.call(s2, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('hashes passwords with argon2id', async () => {
    const [u] = await h.db.asSystem((tx) =>
      rows<{ password_hash: string }>(tx, sql`select password_hash from users where username = 'admin'`),
    );
    expect(u!.password_hash).toMatch(/^\$argon2id\$/);
  });
});
