import type { JobContext, JobDefinition } from '../../platform/jobs/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { assertOpen } from './periodLock.ts';
import { customersWithCreditIn, dueRanges, issueDue } from './repo.ts';
import { applyCredit } from './settle.ts';

/**
 * Contracts per transaction: short enough for PGlite's one session, large enough for set-based SQL
 * (TENANTRY_BILLING_CHUNK changes it, for the crash test).
 */
export const BILLING_CHUNK = Number(process.env.TENANTRY_BILLING_CHUNK) || 5000;

/**
 * The billing run (R5.1.1) for one business date: every planned charge whose issue date has come becomes a
 * bill line, one bill per contract and due date. Each chunk of contracts is one transaction that moves its
 * charges out of the plan, so a run killed half-way leaves whole chunks done and the rest still planned,
 * and a re-run (or a second run for the same date) finds nothing left to issue. Credit the customers hold
 * then settles the new bills (setting `billing.autoApplyCredit`).
 */
export async function runBilling(job: Pick<JobContext, 'inOrg' | 'runId' | 'orgId'>, asOf: string) {
  // Ranges of contract ids: the plan's (contract, issue date) index reads just those rows. Bills issued
  // on a closed day would post into it: the run for such a day is refused whole.
  const ranges = await job.inOrg(async (ctx) => {
    await assertOpen(ctx, asOf, 'asOf');
    return dueRanges(ctx.tx, asOf, BILLING_CHUNK);
  });
  let bills = 0;
  let lines = 0;
  for (const { from, to } of ranges) {
    const r = await job.inOrg(async (ctx) => {
      await assertOpen(ctx, asOf, 'asOf');
      return issueDue(ctx.tx, { orgId: job.orgId, asOf, runId: job.runId, from, to });
    });
    bills += r.bills;
    lines += r.lines;
  }
  let credited = 0;
  const { settings } = await job.inOrg((ctx) => orgFacts(ctx));
  if (settings.billing.autoApplyCredit && bills) {
    for (const customerId of await job.inOrg((ctx) => customersWithCreditIn(ctx.tx, job.runId))) {
      const made = await job.inOrg(async (ctx) => {
        await assertOpen(ctx, asOf, 'asOf');
        return applyCredit(ctx, customerId, asOf);
      });
      credited += made.length;
    }
  }
  return { contracts: ranges.reduce((n, r) => n + r.contracts, 0), bills, lines, credited };
}

export const billingJob: JobDefinition = {
  name: 'billing',
  description: { 'zh-CN': '出账：生成到期应收账单', en: 'Billing run: issue the bills that have come due' },
  schedule: '0 1 * * *',
  run: (job) => runBilling(job, job.businessDate),
};
