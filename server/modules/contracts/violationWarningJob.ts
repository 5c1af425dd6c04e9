import { addDays } from '../../../common/dates.ts';
import type { Ctx } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { notifyUsers } from '../notifications/index.ts';
import { recordEvent } from './lifecycle.ts';
import { subletsToWarn, updateViolationRow } from './repo.ts';
import { objectionDeadline } from './violations.ts';

/** Days before the art. 718 deadline the warning goes out. */
export const WARN_DAYS = 30;

/**
 * Art. 718: a sublet the lessor knows of and does not object to within six months counts as consented.
 * Thirty days before that, the account manager is warned once per violation that nobody has acted.
 */
export async function warnViolationDeadlines(ctx: Ctx, businessDate: string) {
  const due = await subletsToWarn(ctx.tx, addDays(businessDate, WARN_DAYS));
  for (const v of due) {
    const deadline = objectionDeadline(v)!;
    await updateViolationRow(ctx.tx, v.id, { warnedOn: businessDate });
    const c = { id: v.contractId, number: v.contractNumber, customerId: v.customerId };
    await recordEvent(ctx, c, 'violation_warning', businessDate, { violationId: v.id, deadline });
    const tell = [v.accountManagerId ?? v.recordedBy].filter((x): x is string => Boolean(x));
    await notifyUsers(ctx, tell, {
      title: {
        'zh-CN': `合同 ${v.contractNumber} 的转租异议期将于 ${deadline} 届满`,
        en: `The objection window for the sublet under ${v.contractNumber} closes on ${deadline}`,
      },
      body: {
        'zh-CN': `客户“${v.customerName}”的擅自转租于 ${v.foundOn} 发现，至今未处理。超过六个月未提出异议的，视为同意转租（《民法典》第七百一十八条）。`,
        en: `The sublet by "${v.customerName}" found on ${v.foundOn} has not been acted on. Without an objection within six months, consent is presumed (Civil Code art. 718).`,
      },
      link: `/contracts/${v.contractId}`,
      entityType: 'contract',
      entityId: v.contractId,
    });
  }
  return { warned: due.length };
}

export const violationWarningJob: JobDefinition = {
  name: 'warn-sublet-objection-deadlines',
  description: {
    'zh-CN': '擅自转租未处理且六个月异议期即将届满时提醒客户经理',
    en: 'Warn account managers when an unhandled sublet nears its six-month objection deadline',
  },
  schedule: '25 0 * * *',
  run: (job) => job.inOrg((ctx) => warnViolationDeadlines(ctx, job.businessDate)),
};
