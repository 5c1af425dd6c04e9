import os from 'node:os';
import { notifyRoles } from '../../modules/notifications/index.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { JobContext, JobDefinition } from './registry.ts';
import { claimRun, finishRun, type JobRunRow } from './repo.ts';

export interface RunRequest {
  orgId: string;
  businessDate: string;
  trigger: 'schedule' | 'manual';
  /** The user who asked for a manual run from the app, kept in the run's audit row. */
  requestedBy?: string | null;
}

/**
 * Runs one job for one organization and business date and records the run. Returns null when it did not
 * run: another server holds the job's lock, or a scheduled run for that date already exists.
 * The run writes one audit row; the job stamps the rows it writes with the run id.
 */
export async function runJob(db: Database, job: JobDefinition, req: RunRequest): Promise<JobRunRow | null> {
  const lockName = `job:${job.name}:${req.orgId}`;
  const locked = await db.tryWithLock(lockName, async () => {
    const runId = newId();
    const actor = { kind: 'job' as const, id: null, roles: [] };
    const inOrg: JobContext['inOrg'] = (fn) =>
      db.inOrg(req.orgId, (tx) =>
        fn({ tx, orgId: req.orgId, actor, locale: 'zh-CN', requestId: null, jobRunId: runId }),
      );
    const claim = (trigger: JobRunRow['trigger'], startedAt?: Date) =>
      db.inOrg(req.orgId, (tx) =>
        claimRun(tx, {
          id: runId,
          orgId: req.orgId,
          job: job.name,
          businessDate: req.businessDate,
          trigger,
          host: os.hostname(),
          startedAt,
        }),
      );
    const succeed = (counts: Record<string, number>) =>
      inOrg(async (ctx) => {
        await recordAudit(ctx, {
          entityType: 'job_run',
          entityId: runId,
          action: 'job.run',
          after: {
            job: job.name,
            businessDate: req.businessDate,
            trigger: req.trigger,
            requestedBy: req.requestedBy ?? null,
            counts,
          },
        });
        return finishRun(ctx.tx, runId, { status: 'succeeded', counts });
      });
    // A failed run tells the organization's administrators, in the same transaction as its record.
    const fail = (e: unknown) =>
      inOrg(async (ctx) => {
        const error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
        await notifyRoles(ctx, ['admin'], {
          title: {
            'zh-CN': `定时任务“${job.description['zh-CN']}”运行失败`,
            en: `Job "${job.description.en}" failed`,
          },
          body: {
            'zh-CN': `业务日期 ${req.businessDate}：${error}`,
            en: `Business date ${req.businessDate}: ${error}`,
          },
          link: '/jobs',
          entityType: 'job_run',
          entityId: runId,
        });
        return finishRun(ctx.tx, runId, { status: 'failed', error });
      });
    const ctxFor = { orgId: req.orgId, businessDate: req.businessDate, runId, inOrg };

    if (job.frequent && req.trigger === 'schedule') {
      // A tick of a frequent job leaves a record only when it did something (or failed).
      const startedAt = new Date();
      try {
        const counts = await job.run(ctxFor);
        if (!Object.values(counts).some((n) => n > 0)) return null;
        await claim('tick', startedAt);
        return await succeed(counts);
      } catch (e) {
        await claim('tick', startedAt);
        return fail(e);
      }
    }
    if (!(await claim(req.trigger))) return null;
    try {
      return await succeed(await job.run(ctxFor));
    } catch (e) {
      return fail(e);
    }
  });
  return locked.acquired ? locked.value : null;
}

/** For manual runs (API, CLI): the same, but a job already running is an error the caller sees. */
export async function runJobNow(
  db: Database,
  job: JobDefinition,
  orgId: string,
  businessDate: string,
  requestedBy: string | null,
) {
  const run = await runJob(db, job, { orgId, businessDate, trigger: 'manual', requestedBy });
  if (!run) throw new AppError('JOB_RUNNING', { job: job.name });
  return run;
}
