import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/harness.ts';
import { orgIds } from '../../../test/template.ts';
import { APP_ROLE, plannedRows, rows } from './database.ts';
import { openPostgres } from './postgres.ts';

type TestDb = Awaited<ReturnType<typeof openTestDb>>;
let db: TestDb;
let orgs: { demo: string; other: string };
beforeAll(async () => {
  db = await openTestDb();
  orgs = await orgIds(db);
});
afterAll(() => db.drop());

describe('transactions and their scope', () => {
  it('runs an organization transaction as the application role with that organization, and only then', async () => {
    const [inside] = await db.inOrg(orgs.other, (tx) =>
      rows<{ role: string; org: string }>(
        tx,
        sql`select current_user as role, current_setting('app.org_id', true) as org`,
      ),
    );
    expect(inside).toEqual({ role: APP_ROLE, org: orgs.other });
    // The scope is the transaction's: the next one on any connection starts without it.
    const [system] = await db.asSystem((tx) =>
      rows<{ role: string; org: string | null }>(
        tx,
        sql`select current_user as role, nullif(current_setting('app.org_id', true), '') as org`,
      ),
    );
    expect(system!.role).not.toBe(APP_ROLE);
    expect(system!.org).toBeNull();
  });

  it('rolls the whole transaction back on an error, scope included', async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(
      db.inOrg(orgs.demo, async (tx) => {
        await tx.execute(sql`update users set display_name = ${marker} where username = 'legal'`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const [legal] = await db.inOrg(orgs.demo, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from users where display_name = ${marker}`),
    );
    expect(legal!.n).toBe(0);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'refuses an organization id that is not a UUID before it reaches the database (it is written into the SQL)',
    async () => {
      await expect(db.inOrg("x', true); drop table users; --", async () => 1)).rejects.toThrow(
        /not an organization id/,
      );
      const [users] = await db.asSystem((tx) =>
        rows<{ n: number }>(tx, sql`select count(*)::int as n from users`),
      );
      expect(users!.n).toBeGreaterThan(0);
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'parses a planned query once per connection and runs it again by name',
    async () => {
      const one = await openPostgres(db.url!, 1);
      try {
        const query = (username: string) =>
          sql`select username from users where username = ${username} limit 1`;
        for (const username of ['legal', 'finance', 'business', 'legal', 'finance', 'admin', 'service']) {
          const found = await one.inOrg(orgs.demo, (tx) =>
            plannedRows<{ username: string }>(tx, query(username)),
          );
          expect(found).toEqual([{ username }]);
        }
        const statements = await one.inOrg(orgs.demo, (tx) =>
          rows<{ name: string; runs: number }>(
            tx,
            sql`select name, (generic_plans + custom_plans)::int as runs from pg_prepared_statements`,
          ),
        );
        expect(statements).toEqual([{ name: expect.stringMatching(/^p_/), runs: 7 }]);
      } finally {
        await one.close();
      }
    },
  );
});
