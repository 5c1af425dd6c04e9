import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/dates.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { rows } from '../db/database.ts';
import { JobRegistry } from './registry.ts';
import { runJob } from './runner.ts';
import { Scheduler } from './scheduler.ts';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await testApp();
  admin = await h.login('admin');
});
afterAll(() => h.close());

describe('jobs (issue 2 §10, R9.6)', () => {
  it('lists the registered jobs', async () => {
    const r = await h.call(admin, 'GET', '/api/v1/jobs', undefined, { 'accept-language': 'en' });
    expect(r.json().items).toContainEqual({
      name: 'purge-expired-sessions',
      schedule: '15 3 * * *',
      description: 'Delete expired sign-in sessions',
    });
  });

  it('purges expired sessions for a business date, records the run and one audit row, and re-runs safely', async () => {
    const old = await h.login('legal');
    await h.db.asSystem((tx) =>
      tx.execute(
        sql`update sessions set idle_expires_at = now() - interval '1 hour' where csrf_token = ${old.csrf}`,
      ),
    );
    const r = await h.call(admin, 'POST', '/api/v1/jobs/purge-expired-sessions/runs', { asOf: '2027-01-31' });
    expect(r.statusCode).toBe(201);
    const run = r.json();
    expect(run).toMatchObject({
      job: 'purge-expired-sessions',
      businessDate: '2027-01-31',
      trigger: 'manual',
      status: 'succeeded',
      counts: { deleted: 1 },
    });
    expect(run.finishedAt).not.toBeNull();
    const again = (
      await h.call(admin, 'POST', '/api/v1/jobs/purge-expired-sessions/runs', { asOf: '2027-01-31' })
    ).json();
    expect(again.counts).toEqual({ deleted: 0 });
    const audit = (await h.call(admin, 'GET', `/api/v1/audit?entityType=job_run&entityId=${run.id}`)).json()
      .items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorKind: 'job',
      jobRunId: run.id,
      action: 'job.run',
      after: { counts: { deleted: 1 } },
    });
    const list = (await h.call(admin, 'GET', '/api/v1/jobs/runs?job=purge-expired-sessions&limit=1')).json();
    expect(list.items[0].id).toBe(again.id);
    expect(list.nextCursor).not.toBeNull();
    const next = (await h.call(admin, 'GET', `/api/v1/jobs/runs?limit=1&cursor=${list.nextCursor}`)).json();
    expect(next.items[0].id).toBe(run.id);
  });

  it('defaults the business date to today in the organization time zone', async () => {
    const r = (await h.call(admin, 'POST', '/api/v1/jobs/purge-expired-sessions/runs', {})).json();
    expect(r.businessDate).toBe(todayIn('Asia/Shanghai'));
  });

  it('answers an unknown job with 404 and a bad date with 400 naming asOf', async () => {
    const r = await h.call(admin, 'POST', '/api/v1/jobs/no-such-job/runs', {});
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('JOB_UNKNOWN');
    const bad = await h.call(admin, 'POST', '/api/v1/jobs/purge-expired-sessions/runs', {
      asOf: '2027-02-30',
    });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'asOf' });
  });

  it('runs a scheduled job once per organization and business date; a failed run may be retried', async () => {
    let calls = 0;
    let fail = true;
    const job = {
      name: 'test-once',
      description: { 'zh-CN': '测试', en: 'test' },
      schedule: '0 0 * * *',
      run: async () => {
        calls++;
        if (fail) throw new Error('boom');
        return { n: 1 };
      },
    };
    const req = { orgId: h.orgs.demo, businessDate: '2027-03-01', trigger: 'schedule' as const };
    const failed = await runJob(h.db, job, req);
    expect(failed).toMatchObject({ status: 'failed', error: 'boom' });
    // the administrators hear of it in the app
    const n = (await h.call(admin, 'GET', '/api/v1/notifications')).json().items[0];
    expect(n).toMatchObject({ title: '定时任务“测试”运行失败', link: '/jobs', entityId: failed!.id });
    expect(n.body).toContain('2027-03-01');
    fail = false;
    expect(await runJob(h.db, job, req)).toMatchObject({ status: 'succeeded', counts: { n: 1 } });
    expect(await runJob(h.db, job, req)).toBeNull();
    expect(await runJob(h.db, job, { ...req, businessDate: '2027-03-02' })).toMatchObject({
      status: 'succeeded',
    });
    expect(calls).toBe(3);
  });

  it('skips a run while the same job holds its lock in this process', async () => {
    let release!: () => void;
    const slow = {
      name: 'test-slow',
      description: { 'zh-CN': '慢', en: 'slow' },
      schedule: '0 0 * * *',
      run: () => new Promise<Record<string, number>>((r) => (release = () => r({ ok: 1 }))),
    };
    const first = runJob(h.db, slow, { orgId: h.orgs.demo, businessDate: '2027-04-01', trigger: 'manual' });
    await new Promise((r) => setTimeout(r, 50));
    expect(
      await runJob(h.db, slow, { orgId: h.orgs.demo, businessDate: '2027-04-01', trigger: 'manual' }),
    ).toBeNull();
    release();
    expect((await first)?.status).toBe('succeeded');
  });

  it('the scheduler ticks in each organization time zone and runs each organization once a day', async () => {
    const seen: string[] = [];
    const registry = new JobRegistry().register({
      name: 'test-tick',
      description: { 'zh-CN': '每秒', en: 'every second' },
      schedule: '* * * * * *',
      run: async (job) => {
        seen.push(`${job.orgId}:${job.businessDate}`);
        return {};
      },
    });
    const log = { info: () => {}, debug: () => {}, error: (o: object) => console.error(o) };
    const scheduler = new Scheduler(h.db, registry, log);
    await scheduler.start();
    await new Promise((r) => setTimeout(r, 2600));
    await scheduler.stop();
    const today = todayIn('Asia/Shanghai');
    expect(seen.sort()).toEqual([`${h.orgs.demo}:${today}`, `${h.orgs.other}:${today}`].sort());
    const runs = await h.db.asSystem((tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from job_runs where job = 'test-tick' and trigger = 'schedule'`,
      ),
    );
    expect(runs[0]!.n).toBe(2);
  });
});
