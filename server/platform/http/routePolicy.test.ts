import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles.ts';
import { ROLES } from '../../../common/roles.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { decide } from './policy.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h.close());

const fill = (url: string) =>
  url.replace(/:id\b/g, '01939d4f-0000-7000-8000-000000000000').replace(/:(\w+)/g, 'x');

describe('route policies (issue 2 §5, R9.1)', () => {
  it('every registered route declares a policy', () => {
    expect(h.routes.length).toBeGreaterThan(10);
    const missing = h.routes.filter((r) => r.policy === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    // the API routes we rely on are among them
    const urls = h.routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/v1/users');
    expect(urls).toContain('POST /api/v1/auth/login');
  });

  it('refuses anonymous callers of every non-public route with 401, and role-less callers with 403', async () => {
    const sessions = new Map<Role, Session>();
    for (const role of ['admin', 'business', 'legal', 'finance', 'management', 'service'] as const) {
      sessions.set(role, await h.login(role));
    }
    let checked401 = 0;
    let checked403 = 0;
    for (const r of h.routes) {
      if (r.policy === 'public' || r.method === 'HEAD' || r.method === 'OPTIONS') continue;
      const url = fill(r.url);
      const anon = await h.call(null, r.method as 'GET', url, r.method === 'GET' ? undefined : {});
      expect(anon.statusCode, `${r.method} ${r.url}`).toBe(401);
      checked401++;
      if (Array.isArray(r.policy)) {
        const allowed = r.policy as Role[];
        const outsider = ROLES.find((x) => x !== 'customer' && !allowed.includes(x)) as Role | undefined;
        if (!outsider) continue;
        const res = await h.call(
          sessions.get(outsider)!,
          r.method as 'GET',
          url,
          r.method === 'GET' ? undefined : {},
        );
        expect(res.statusCode, `${r.method} ${r.url} as ${outsider}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
        checked403++;
      }
    }
    expect(checked401).toBeGreaterThan(5);
    expect(checked403).toBeGreaterThan(3);
  });

  it('business gets 403 on GET /api/v1/users', async () => {
    const s = await h.login('business');
    const r = await h.call(s, 'GET', '/api/v1/users');
    expect(r.statusCode).toBe(403);
  });
});

describe('decide()', () => {
  it('allows public, requires a session otherwise, and a role from the list', () => {
    expect(decide('public', null)).toBe('allow');
    expect(decide('authenticated', null)).toBe('unauthenticated');
    expect(decide('authenticated', [])).toBe('allow');
    expect(decide(['admin', 'finance'], ['finance'])).toBe('allow');
    expect(decide(['admin'], ['finance', 'legal'])).toBe('forbidden');
    expect(decide(undefined, ['admin'])).toBe('forbidden');
    expect(decide(undefined, null)).toBe('unauthenticated');
  });
});
