import type { Config } from './config.ts';
import { purgeExpiredSessionsJob } from './platform/auth/purgeExpiredSessionsJob.ts';
import { JobRegistry } from './platform/jobs/registry.ts';

/** Every scheduled job of the application; modules add theirs here. */
export function buildJobRegistry(config: Config): JobRegistry {
  return new JobRegistry(config.jobSchedules).register(purgeExpiredSessionsJob);
}
