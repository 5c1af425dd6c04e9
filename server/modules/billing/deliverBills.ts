import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { JobContext, JobDefinition } from '../../platform/jobs/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { queueUnsentBills } from './deliveryRepo.ts';
import { getBill } from './queries.ts';

const CHUNK = 5000;

/**
 * Sends the bills issued lately and not yet sent (issue 7: "bills are sent to the customer's finance
 * contact through the outbox with the bill PDF"), chunk by chunk, each chunk one transaction. Idempotent:
 * a sent bill is marked, so a re-run for the same date sends nothing twice.
 */
export async function deliverBills(job: Pick<JobContext, 'inOrg' | 'runId' | 'orgId'>, asOf: string) {
  const org = await job.inOrg((ctx) => orgFacts(ctx));
  if (!org.settings.billing.emailBills) return { queued: 0, unaddressed: 0 };
  let queued = 0;
  let unaddressed = 0;
  let after: string | undefined;
  for (;;) {
    const r = await job.inOrg((ctx) =>
      queueUnsentBills(ctx.tx, {
        orgId: job.orgId,
        orgName: org.name,
        asOf,
        limit: CHUNK,
        runId: job.runId,
        after,
      }),
    );
    queued += r.queued;
    unaddressed += r.unaddressed;
    if (!r.last) break;
    after = r.last;
  }
  return { queued, unaddressed };
}

export const billDeliveryJob: JobDefinition = {
  name: 'bill-delivery',
  description: { 'zh-CN': '发送账单：将新出账单发给客户', en: 'Send new bills to customers' },
  // After the billing run (01:00).
  schedule: '0 2 * * *',
  run: (job) => deliverBills(job, job.businessDate),
};

/** Sends one bill now (again, if it was sent before), from the bill's page. */
export async function sendBill(ctx: Ctx, id: string, today: string) {
  const bill = await getBill(ctx, id, today).catch(() => null);
  if (!bill) throw notFound('bill');
  const org = await orgFacts(ctx);
  const r = await queueUnsentBills(ctx.tx, {
    orgId: ctx.orgId,
    orgName: org.name,
    asOf: today,
    limit: 1,
    runId: null,
    billId: id,
  });
  if (!r.queued) throw new AppError('BILL_NO_RECIPIENT');
  await recordAudit(ctx, {
    entityType: 'bill',
    entityId: id,
    action: 'bill.send',
    customerId: bill.customerId,
    before: { sentAt: bill.sentAt ?? null },
  });
}
