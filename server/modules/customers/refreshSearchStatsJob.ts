import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { refreshNameTrigrams } from './repo.ts';

/**
 * Rebuilds the trigram and customer counts that name search uses to choose how to find a page (see listCustomers).
 * It depends on no date: a re-run for any business date simply counts again.
 */
export const refreshSearchStatsJob: JobDefinition = {
  name: 'refresh-customer-search-stats',
  description: {
    'zh-CN': '重算客户名称搜索统计',
    en: 'Recount the statistics for customer name search',
  },
  schedule: '30 2 * * *',
  async run(job) {
    return job.inOrg(async (ctx) => refreshNameTrigrams(ctx.tx));
  },
};
