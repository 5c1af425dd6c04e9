import { APPLICATION_STATUS_LABELS } from '../../../common/applications/labels.ts';
import { type ReviewStage, STAGE_ROLE } from '../../../common/applications/machine.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { notifyUsers } from '../notifications/index.ts';
import { activeUserIdsWithRoles } from '../users/index.ts';
import { takeOverdueStages } from './repo.ts';
import { orgFacts } from './settings.ts';

/**
 * Reminds the reviewers of every stage past its due day (calendar days until a holiday calendar exists),
 * once per business date; those who decided an earlier stage of the same application are left out when
 * segregation of duties keeps them from deciding this one.
 */
export const remindOverdueReviewsJob: JobDefinition = {
  name: 'remind-overdue-reviews',
  description: {
    'zh-CN': '提醒审批人处理已超过时限的准入审批',
    en: 'Remind reviewers of admission reviews past their deadline',
  },
  schedule: '0 9 * * *',
  async run(job) {
    return job.inOrg(async (ctx) => {
      const overdue = await takeOverdueStages(ctx.tx, job.businessDate);
      const { admission } = await orgFacts(ctx);
      let reminded = 0;
      for (const o of overdue) {
        const stage = o.status as ReviewStage;
        const label = APPLICATION_STATUS_LABELS[stage];
        const users = (await activeUserIdsWithRoles(ctx.tx, [STAGE_ROLE[stage]])).filter(
          (u) => !(admission.segregationOfDuties && o.excludedUserIds.includes(u)),
        );
        reminded += await notifyUsers(ctx, users, {
          title: {
            'zh-CN': `准入申请 ${o.number} 的${label['zh-CN']}已超时`,
            en: `The ${label.en.toLowerCase()} of application ${o.number} is overdue`,
          },
          body: {
            'zh-CN': `客户“${o.customerName}”的申请应于 ${o.stageDueOn} 前完成${label['zh-CN']}，请尽快处理。`,
            en: `The application of "${o.customerName}" was due for ${label.en.toLowerCase()} by ${o.stageDueOn}; please decide it.`,
          },
          link: `/applications/${o.id}`,
          entityType: 'application',
          entityId: o.id,
        });
      }
      return { overdue: overdue.length, reminded };
    });
  },
};
