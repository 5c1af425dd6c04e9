import type { z } from 'zod';
import { addDays, minDate } from '../../../common/dates.ts';
import type { terminateBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { notifyUsers } from '../notifications/index.ts';
import { endOccupancyAfter } from '../spaces/index.ts';
import { replanCharges } from './billingPlan.ts';
import { lockOrFail, nextStatus, recordEvent, requireFiles } from './lifecycle.ts';
import { customerMayLeave } from './moveOut.ts';
import { hasLapsedPaymentDemand } from './paymentDemands.ts';
import { updateContractRow } from './repo.ts';

/**
 * R3.3.2: the contract ends before its term, with the reason, the liabilities agreed and the documents.
 * Unpaid rent needs a formal demand whose deadline passed before the termination takes effect (art. 722).
 * A handed-over space comes back at the move-out inspection; one never handed over is free at once. The
 * money is settled by billing.
 */
export async function terminateContract(
  ctx: Ctx,
  id: string,
  body: z.output<typeof terminateBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'terminate');
  const min = c.signedOn ?? c.startDate;
  if (body.effectiveOn < min || body.effectiveOn > c.endDate)
    throw new AppError('CONTRACT_TERMINATION_DATE', { min, max: c.endDate }, 'effectiveOn');
  if (body.forNonPayment) {
    if (body.reason !== 'customer_breach') throw new AppError('CONTRACT_NON_PAYMENT_REASON', {}, 'reason');
    if (!(await hasLapsedPaymentDemand(ctx, c.id, minDate(today, body.effectiveOn))))
      throw new AppError('CONTRACT_DEMAND_REQUIRED', {}, 'forNonPayment');
  }
  await requireFiles(ctx, c.id, body.fileIds, 'termination', 'fileIds');
  const after = await updateContractRow(ctx.tx, id, {
    status,
    terminatedOn: body.effectiveOn,
    termination: body as unknown as Record<string, unknown>,
  });
  // Never handed over: nothing to inspect on the way out, so the units are free after the last day.
  if (!c.handedOverOn) await endOccupancyAfter(ctx, c.id, body.effectiveOn);
  await replanCharges(ctx, c.id, today, 'termination');
  await recordEvent(ctx, c, 'terminated', body.effectiveOn, {
    reason: body.reason,
    forNonPayment: body.forNonPayment,
    liabilities: body.liabilities,
  });
  if (!c.handedOverOn) await customerMayLeave(ctx, c);
  const tell = [c.createdBy].filter((x): x is string => Boolean(x) && x !== ctx.actor.id);
  await notifyUsers(ctx, tell, {
    title: { 'zh-CN': `合同 ${c.number} 已解除`, en: `Contract ${c.number} terminated` },
    body: c.handedOverOn
      ? {
          'zh-CN': `自 ${body.effectiveOn} 起解除，请于 ${addDays(body.effectiveOn, 1)} 前后安排退租验收。`,
          en: `It ends on ${body.effectiveOn}; arrange the move-out inspection around ${addDays(body.effectiveOn, 1)}.`,
        }
      : {
          'zh-CN': `自 ${body.effectiveOn} 起解除；房源未曾交付，已释放。`,
          en: `It ends on ${body.effectiveOn}; the space was never handed over and is released.`,
        },
    link: `/contracts/${c.id}`,
    entityType: 'contract',
    entityId: c.id,
  });
  return after;
}
