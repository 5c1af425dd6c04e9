import { z } from 'zod';

export const jobRunView = z.object({
  id: z.uuid(),
  job: z.string(),
  businessDate: z.iso.date(),
  trigger: z.enum(['schedule', 'tick', 'manual']),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});

export const jobRunsQuery = z.object({
  job: z.string().max(64).optional(),
  status: z.enum(['running', 'succeeded', 'failed']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const runJobBody = z.object({ asOf: z.iso.date().optional() });
