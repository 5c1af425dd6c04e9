import type { JobDefinition } from '../jobs/registry.ts';
import { purgeExpiredSessions } from './sessions.ts';

export const purgeExpiredSessionsJob: JobDefinition = {
  name: 'purge-expired-sessions',
  description: { 'zh-CN': '清理已过期的登录会话', en: 'Delete expired sign-in sessions' },
  schedule: '15 3 * * *',
  async run(job) {
    const deleted = await job.inOrg((ctx) => purgeExpiredSessions(ctx.tx));
    return { deleted };
  },
};
