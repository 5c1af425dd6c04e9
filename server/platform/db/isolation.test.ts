import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from './database.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
  // Give both organizations sessions, audit rows and job runs.
  const a = await h.login('admin');
  const b = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
  for (const s of [a, b]) {
    expect(
      (await h.call(s, 'POST', '/api/v1/jobs/purge-expired-sessions/runs', { asOf: '2027-01-31' }))
        .statusCode,
    ).toBe(201);
  }
});
afterAll(() => h.close());

const BUSINESS_TABLES = ['users', 'sessions', 'audit_log', 'job_runs'];

describe('organization isolation at the database level (R9.2)', () => {
  it('a query with no org filter inside organization A sees none of B', async () => {
    for (const table of [...BUSINESS_TABLES]) {
      const seen = await h.db.inOrg(h.orgs.demo, (tx) =>
        rows<{ org_id: string }>(tx, sql`select distinct org_id from ${sql.identifier(table)}`),
      );
      expect(
        seen.map((r) => r.org_id),
        table,
      ).toEqual([h.orgs.demo]);
    }
    const orgs = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ id: string }>(tx, sql`select id from organizations`),
    );
    expect(orgs.map((o) => o.id)).toEqual([h.orgs.demo]);
    // and the system role does see both, so the rows are there
    const all = await h.db.asSystem((tx) =>
      rows<{ n: number }>(tx, sql`select count(distinct org_id)::int as n from users`),
    );
    expect(all[0]!.n).toBe(2);
  });

  it("refuses to insert or move a row into organization B from A's transaction", async () => {
    const insert = h.db.inOrg(h.orgs.demo, (tx) =>
      tx.execute(sql`insert into job_runs (id, org_id, job, business_date, trigger, status)
                     values ('01939d4f-0000-7000-8000-0000000000aa', ${h.orgs.other}, 'x', '2027-01-01', 'manual', 'running')`),
    );
    await expect(insert).rejects.toThrow();
    const move = h.db.inOrg(h.orgs.demo, (tx) =>
      tx.execute(sql`update users set org_id = ${h.orgs.other} where username = 'legal'`),
    );
    await expect(move).rejects.toThrow();
    const touchB = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ id: string }>(
        tx,
        sql`update users set display_name = 'hacked' where org_id = ${h.orgs.other} returning id`,
      ),
    );
    expect(touchB).toEqual([]);
  });

  it('with no organization set, the application role sees nothing at all', async () => {
    for (const table of [...BUSINESS_TABLES, 'organizations']) {
      const r = await h.db.beforeOrg((tx) =>
        rows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(r[0]!.n, table).toBe(0);
    }
  });

  it('runs requests as a role that is neither superuser nor exempt from row security', async () => {
    const [r] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }>(
        tx,
        sql`select rolsuper, rolbypassrls, current_user from pg_roles where rolname = current_user`,
      ),
    );
    expect(r).toEqual({ rolsuper: false, rolbypassrls: false, current_user: 'tenantry_app' });
  });

  it('every table with an org_id column has row-level security and a policy', async () => {
    const r = await h.db.asSystem((tx) =>
      rows<{ table: string; rls: boolean; policies: number }>(
        tx,
        sql`select c.relname as table, c.relrowsecurity as rls,
                   (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind = 'r'
               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)`,
      ),
    );
    expect(r.length).toBeGreaterThanOrEqual(BUSINESS_TABLES.length);
    for (const t of r) expect(t, t.table).toMatchObject({ rls: true, policies: 1 });
  });

  it("an admin of B cannot read or change A's users through the API", async () => {
    const b = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const list = await h.call(b, 'GET', '/api/v1/users?limit=200');
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual([OTHER_ADMIN.username]);
    const a = await h.login('admin');
    const legal = (await h.call(a, 'GET', '/api/v1/users?q=legal')).json().items[0];
    const patch = await h.call(b, 'PATCH', `/api/v1/users/${legal.id}`, { displayName: 'x' });
    expect(patch.statusCode).toBe(404);
    const audit = await h.call(b, 'GET', `/api/v1/audit?entityId=${legal.id}`);
    expect(audit.json().items).toEqual([]);
  });
});

describe('audit trail is append-only (R9.3)', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even for the table owner', async () => {
    const [{ n }] = (await h.db.asSystem((tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log`),
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    await expect(h.db.asSystem((tx) => tx.execute(sql`update audit_log set action = 'x'`))).rejects.toThrow();
    await expect(h.db.asSystem((tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
    await expect(h.db.asSystem((tx) => tx.execute(sql`truncate audit_log`))).rejects.toThrow();
    await expect(h.db.inOrg(h.orgs.demo, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
    const [after] = await h.db.asSystem((tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log`),
    );
    expect(after!.n).toBe(n);
  });
});
