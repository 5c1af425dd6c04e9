import { type Ctx, nowOf } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { getCustomer } from '../customers/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { auditApplication, closeApplication, nextStatus } from './lifecycle.ts';
import { takeExpiredNotices, updateApplicationRow } from './repo.ts';

/**
 * R3.1.1: an admission notice not signed by its deadline lapses. The day after the deadline the
 * application becomes `notice_expired`, its units are released and the account manager is told. A re-run
 * for the same date finds nothing left to do.
 */
export const expireNoticesJob: JobDefinition = {
  name: 'expire-admission-notices',
  description: {
    'zh-CN': '将逾期未签约的租赁准入通知书标记为过期并释放预留房源',
    en: 'Expire unsigned admission notices past their deadline and release their units',
  },
  schedule: '10 0 * * *',
  run: (job) => job.inOrg((ctx) => expireNotices(ctx, job.businessDate)),
};

/** The job's work for one organization and business date (the demo seed uses it too). */
export async function expireNotices(ctx: Ctx, businessDate: string) {
  const due = await takeExpiredNotices(ctx.tx, businessDate);
  for (const a of due) {
    const next = nextStatus(ctx, a, 'expire_notice');
    await updateApplicationRow(ctx.tx, a.id, { status: next, closedAt: nowOf(ctx) });
    await closeApplication(ctx, a);
    await auditApplication(ctx, a, {
      action: 'application.notice_expired',
      before: { status: a.status },
      after: { status: next, noticeSignBy: a.noticeSignBy },
    });
    const customer = await getCustomer(ctx, a.customerId);
    const tell = [customer.accountManagerId, a.createdBy].filter((x): x is string => Boolean(x));
    await notifyUsers(ctx, tell, {
      title: {
        'zh-CN': `租赁准入通知书 ${a.noticeNumber} 已过期`,
        en: `Admission notice ${a.noticeNumber} has expired`,
      },
      body: {
        'zh-CN': `客户“${customer.name}”未在 ${a.noticeSignBy} 前签约，申请 ${a.number} 已失效，预留房源已释放。`,
        en: `"${customer.name}" did not sign by ${a.noticeSignBy}; application ${a.number} has lapsed and its units are released.`,
      },
      link: `/applications/${a.id}`,
      entityType: 'application',
      entityId: a.id,
    });
  }
  return { expired: due.length };
}
