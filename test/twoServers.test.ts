import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rows } from '../server/platform/db/database.ts';
import { openTestDb } from './harness.ts';
import { type Spawned, spawnTenantry } from './spawnServer.ts';

// Concurrency can only be shown on PostgreSQL: PGlite is one process and one session.
describe.skipIf(!process.env.DATABASE_URL)('two servers on one PostgreSQL database (issue 2 §10)', () => {
  const servers: Spawned[] = [];
  afterAll(() => {
    for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  });

  it('run a due job exactly once per organization and business date', async () => {
    const db = await openTestDb();
    try {
      const env = {
        DATABASE_URL: db.url!,
        PORT: '0',
        LOG_LEVEL: 'debug',
        TENANTRY_JOB_SCHEDULE_PURGE_EXPIRED_SESSIONS: '* * * * * *', // every second
      };
      servers.push(spawnTenantry(['serve'], env), spawnTenantry(['serve'], env));
      await Promise.all(servers.map((s) => s.ready));
      await new Promise((r) => setTimeout(r, 4000));
      for (const s of servers) s.proc.kill('SIGTERM');
      expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);

      const runs = await db.asSystem((tx) =>
        rows<{ org_id: string; n: number }>(
          tx,
          sql`select org_id, count(*)::int as n from job_runs
               where job = 'purge-expired-sessions' and trigger = 'schedule' group by org_id`,
        ),
      );
      expect(runs).toHaveLength(2);
      for (const r of runs) expect(r.n).toBe(1);
      // Both servers were ticking: between them they skipped many times and ran twice (once per organization).
      const lines = servers
        .map((s) => s.output())
        .join('\n')
        .split('\n')
        .filter((l) => l.includes('"job":"purge-expired-sessions"'));
      expect(lines.filter((l) => l.includes('"job ran"'))).toHaveLength(2);
      expect(lines.filter((l) => l.includes('job skipped')).length).toBeGreaterThanOrEqual(4);
    } finally {
      await db.drop();
    }
  });
});
