import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { jobRuns, organizations } from '../../db/schema/index.ts';
import type { Tx } from '../db/database.ts';
import { rows } from '../db/database.ts';

export type JobRunRow = typeof jobRuns.$inferSelect;

/**
 * Claims a run. A scheduled run is unique per organization, job and business date (a partial unique
 * index), so when several servers tick together only one insert succeeds; the others get null.
 */
export async function claimRun(
  tx: Tx,
  v: {
    id: string;
    orgId: string;
    job: string;
    businessDate: string;
    trigger: JobRunRow['trigger'];
    host: string;
    startedAt?: Date;
  },
): Promise<JobRunRow | null> {
  const r = await tx
    .insert(jobRuns)
    .values({ ...v, status: 'running' })
    .onConflictDoNothing({
      target: [jobRuns.orgId, jobRuns.job, jobRuns.businessDate],
      where: sql`trigger = 'schedule' and status <> 'failed'`,
    })
    .returning();
  return r[0] ?? null;
}

export async function finishRun(
  tx: Tx,
  id: string,
  result: { status: 'succeeded' | 'failed'; counts?: Record<string, number>; error?: string },
): Promise<JobRunRow> {
  const r = await tx
    .update(jobRuns)
    .set({
      status: result.status,
      counts: result.counts ?? {},
      error: result.error ?? null,
      finishedAt: sql`now()`,
      durationMs: sql`(extract(epoch from now() - ${jobRuns.startedAt}) * 1000)::bigint`,
    })
    .where(eq(jobRuns.id, id))
    .returning();
  return r[0]!;
}

export interface RunsFilter {
  job?: string;
  status?: 'running' | 'succeeded' | 'failed';
  /** Id of the last row of the previous page; ids are UUIDv7, so id order is start order. */
  after?: string;
  limit: number;
}

/** Newest first, keyset-paged on id. */
export async function listRuns(tx: Tx, f: RunsFilter): Promise<JobRunRow[]> {
  return tx
    .select()
    .from(jobRuns)
    .where(
      and(
        f.job ? eq(jobRuns.job, f.job) : undefined,
        f.status ? eq(jobRuns.status, f.status) : undefined,
        f.after ? lt(jobRuns.id, f.after) : undefined,
      ),
    )
    .orderBy(desc(jobRuns.id))
    .limit(f.limit);
}

/** System read for the scheduler: which organizations exist and in which time zones. */
export async function listOrganizations(tx: Tx): Promise<{ id: string; timeZone: string }[]> {
  return rows<{ id: string; timeZone: string }>(
    tx,
    sql`select id, time_zone as "timeZone" from ${organizations} order by created_at`,
  );
}
