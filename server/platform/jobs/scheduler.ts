import { Cron } from 'croner';
import { todayIn } from '../../../common/dates.ts';
import type { Database } from '../db/database.ts';
import type { JobRegistry } from './registry.ts';
import { listOrganizations } from './repo.ts';
import { runJob } from './runner.ts';

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Cron schedules are read in each organization's time zone: one Cron per job and zone. On a tick the job
 * runs for every organization in that zone, for the business date of the tick in that zone. Several
 * servers may tick together; the run record makes a scheduled run happen once per organization and date.
 */
export class Scheduler {
  private readonly crons = new Map<string, Cron>();
  private resync: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly jobs: JobRegistry,
    private readonly log: SchedulerLog,
  ) {}

  async start(): Promise<void> {
    await this.sync();
    // New organizations may bring new time zones.
    this.resync = setInterval(
      () => void this.sync().catch((err) => this.log.error({ err }, 'scheduler sync failed')),
      5 * 60_000,
    );
    this.resync.unref();
  }

  private async sync(): Promise<void> {
    const orgs = await this.db.asSystem((tx) => listOrganizations(tx));
    for (const tz of new Set(orgs.map((o) => o.timeZone))) {
      for (const job of this.jobs.all()) {
        const key = `${job.name}@${tz}`;
        if (this.crons.has(key)) continue;
        this.crons.set(
          key,
          new Cron(job.schedule, { timezone: tz, protect: true, name: key }, () =>
            this.track(this.tick(job.name, tz)),
          ),
        );
      }
    }
  }

  private track(p: Promise<unknown>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async tick(jobName: string, tz: string): Promise<void> {
    const job = this.jobs.get(jobName)!;
    const businessDate = todayIn(tz);
    const orgs = (await this.db.asSystem((tx) => listOrganizations(tx))).filter((o) => o.timeZone === tz);
    for (const org of orgs) {
      try {
        const run = await runJob(this.db, job, { orgId: org.id, businessDate, trigger: 'schedule' });
        if (!run)
          this.log.debug(
            { job: jobName, org: org.id, businessDate },
            'job skipped: ran already or running elsewhere',
          );
        else
          this.log.info(
            { job: jobName, org: org.id, businessDate, status: run.status, counts: run.counts },
            'job ran',
          );
      } catch (err) {
        this.log.error({ err, job: jobName, org: org.id }, 'job failed to start');
      }
    }
  }

  /** Stops ticking and waits for runs in progress, so shutdown does not cut a job in half. */
  async stop(): Promise<void> {
    if (this.resync) clearInterval(this.resync);
    for (const c of this.crons.values()) c.stop();
    this.crons.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
