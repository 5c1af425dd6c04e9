import os from 'node:os';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { JobDefinition } from './registry.ts';
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
    const claimed = await db.inOrg(req.orgId, (tx) =>
      claimRun(tx, {
        id: runId,
        orgId: req.orgId,
        job: job.name,
        businessDate: req.businessDate,
        trigger: req.trigger,
        host: os.hostname(),
      }),
    );
    if (!claimed) return null;
    const inOrg: Parameters<JobDefinition['run']>[0]['inOrg'] = (fn) =>
      db.inOrg(req.orgId, (tx) =>
        fn({ tx, orgId: req.orgId, actor, locale: 'zh-CN', requestId: null, jobRunId: runId }),
      );
    try {
      const counts = await job.run({ orgId: req.orgId, businessDate: req.businessDate, runId, inOrg });
      return await inOrg(async (ctx) => {
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
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      return db.inOrg(req.orgId, (tx) =>
        finishRun(tx, runId, { status: 'failed', error: error.slice(0, 2000) }),
      );
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
