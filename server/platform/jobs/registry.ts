import type { Ctx } from '../context.ts';

export interface JobContext {
  orgId: string;
  businessDate: string;
  runId: string;
  /**
   * Opens one transaction in the organization as this job's run. Jobs that touch many rows call it once
   * per chunk, so that PGlite (one session) is never held for long.
   */
  inOrg<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
}

export interface JobDefinition {
  name: string;
  description: { 'zh-CN': string; en: string };
  /** Cron expression evaluated in each organization's time zone. */
  schedule: string;
  /**
   * A frequent job (e.g. mail delivery) runs on every tick, not once per business date; a scheduled run
   * is recorded only when it did something, so the run list is not flooded with empty ticks.
   */
  frequent?: boolean;
  /** Does the work for one organization and business date. Must be idempotent; returns counts for the run record. */
  run(job: JobContext): Promise<Record<string, number>>;
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  constructor(private readonly scheduleOverrides: Record<string, string> = {}) {}

  register(job: JobDefinition): this {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, { ...job, schedule: this.scheduleOverrides[job.name] ?? job.schedule });
    return this;
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  all(): JobDefinition[] {
    return [...this.jobs.values()];
  }
}
