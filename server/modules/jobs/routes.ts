import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { jobRunsQuery, jobRunView, runJobBody } from '../../../common/schemas/jobs.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { presentRun } from '../../platform/jobs/present.ts';
import { listRuns } from '../../platform/jobs/repo.ts';
import { runJobNow } from '../../platform/jobs/runner.ts';

const jobDef = z.object({ name: z.string(), schedule: z.string(), description: z.string() });

export function jobRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/jobs',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Registered jobs',
        response: { 200: z.object({ items: z.array(jobDef) }) },
      },
    },
    async (req) => ({
      items: deps.jobs
        .all()
        .map((j) => ({ name: j.name, schedule: j.schedule, description: j.description[req.locale] })),
    }),
  );

  app.get(
    '/api/v1/jobs/runs',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Job runs, newest first',
        querystring: jobRunsQuery,
        response: { 200: pageOf(jobRunView) },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const after = decodeCursor<[string]>(req.query.cursor, 1);
        const rows = await listRuns(ctx.tx, { ...req.query, after: after?.[0], limit: req.query.limit + 1 });
        return page(rows, req.query.limit, (r) => [r.id], presentRun);
      }),
  );

  app.post(
    '/api/v1/jobs/:name/runs',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Run a job now for a business date (default: today in the organization)',
        params: z.object({ name: z.string().max(64) }),
        body: runJobBody,
        response: { 201: jobRunView },
      },
    },
    async (req, reply) => {
      const job = deps.jobs.get(req.params.name);
      if (!job) throw new AppError('JOB_UNKNOWN', { job: req.params.name });
      const auth = req.auth!;
      const run = await runJobNow(
        deps.db,
        job,
        auth.orgId,
        req.body.asOf ?? todayIn(auth.org.timeZone),
        auth.userId,
      );
      return reply.status(201).send(presentRun(run));
    },
  );
}
