import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
  // Two entries either side of midnight in Shanghai (UTC+8) on 2027-02-01.
  await h.db.asSystem((tx) =>
    tx.execute(sql`insert into audit_log (id, org_id, at, actor_kind, entity_type, entity_id, action)
      values ('01939d4f-0000-7000-8000-0000000000a1', ${h.orgs.demo}, '2027-01-31T15:30:00Z', 'system', 'probe', 'late-jan-31', 'probe'),
             ('01939d4f-0000-7000-8000-0000000000a2', ${h.orgs.demo}, '2027-01-31T16:30:00Z', 'system', 'probe', 'early-feb-1', 'probe')`),
  );
});
afterAll(() => h.close());

const ids = (r: { json(): { items: { entityId: string }[] } }) => r.json().items.map((e) => e.entityId);

describe('GET /api/v1/audit (R9.3)', () => {
  it('reads dates as whole days in the organization time zone', async () => {
    expect(
      ids(await h.call(admin, 'GET', '/api/v1/audit?entityType=probe&from=2027-02-01&to=2027-02-01')),
    ).toEqual(['early-feb-1']);
    expect(ids(await h.call(admin, 'GET', '/api/v1/audit?entityType=probe&to=2027-01-31'))).toEqual([
      'late-jan-31',
    ]);
    expect(
      ids(await h.call(admin, 'GET', '/api/v1/audit?entityType=probe&from=2027-01-31T16:00:00Z')),
    ).toEqual(['early-feb-1']);
  });

  it('filters by actor and pages newest first', async () => {
    const mgmt = await h.login('management');
    for (const n of ['aud-1', 'aud-2', 'aud-3']) {
      await h.call(admin, 'POST', '/api/v1/users', {
        username: n,
        displayName: n,
        roles: ['service'],
        password: 'long-enough-pw',
      });
    }
    const mine = (await h.call(mgmt, 'GET', `/api/v1/audit?actor=${admin.userId}&entityType=user`)).json()
      .items;
    expect(mine.map((e: { after: { username: string } }) => e.after.username)).toEqual([
      'aud-3',
      'aud-2',
      'aud-1',
    ]);
    const first = (
      await h.call(mgmt, 'GET', `/api/v1/audit?actor=${admin.userId}&entityType=user&limit=2`)
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await h.call(
        mgmt,
        'GET',
        `/api/v1/audit?actor=${admin.userId}&entityType=user&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((e: { after: { username: string } }) => e.after.username)).toEqual(['aud-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('records sign-in and sign-out with the request id', async () => {
    const s = await h.login('finance');
    await h.call(s, 'POST', '/api/v1/auth/logout');
    const r = (await h.call(admin, 'GET', `/api/v1/audit?actor=${s.userId}`)).json().items;
    expect(r.map((e: { action: string }) => e.action)).toEqual(['auth.logout', 'auth.login']);
    expect(r[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
