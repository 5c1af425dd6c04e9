import type { z } from 'zod';
import type { jobRunView } from '../../../common/schemas/jobs.ts';
import { toIso } from '../db/database.ts';
import type { JobRunRow } from './repo.ts';

export const presentRun = (r: JobRunRow): z.infer<typeof jobRunView> => ({
  id: r.id,
  job: r.job,
  businessDate: r.businessDate,
  trigger: r.trigger,
  status: r.status,
  startedAt: toIso(r.startedAt)!,
  finishedAt: toIso(r.finishedAt),
  counts: r.counts,
  error: r.error,
});
