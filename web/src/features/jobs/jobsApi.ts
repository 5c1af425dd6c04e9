import type { z } from 'zod';
import type { jobRunView } from '../../../../common/schemas/jobs.ts';
import { api, type Page } from '../../app/api.ts';

export type JobRun = z.infer<typeof jobRunView>;
export type JobStatus = JobRun['status'];

export interface JobInfo {
  name: string;
  schedule: string;
  description: string;
}

export interface RunFilters {
  job?: string;
  status?: JobStatus;
}

export function listJobs(): Promise<{ items: JobInfo[] }> {
  return api.get<{ items: JobInfo[] }>('/v1/jobs');
}

export function listRuns(filters: RunFilters, cursor: string | undefined): Promise<Page<JobRun>> {
  return api.get<Page<JobRun>>('/v1/jobs/runs', { ...filters, cursor, limit: 50 });
}

export function runJob(name: string, asOf: string | undefined): Promise<JobRun> {
  return api.post<JobRun>(`/v1/jobs/${encodeURIComponent(name)}/runs`, asOf ? { asOf } : {});
}
