import type { z } from 'zod';
import type { paymentDemandBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent, requireFiles } from './lifecycle.ts';
import { insertDemand, lapsedDemandExists } from './repo.ts';

/**
 * A formal demand for payment (催告, art. 722), recorded by hand with its proof of delivery until the
 * collections module keeps its own.
 */
export async function recordPaymentDemand(
  ctx: Ctx,
  id: string,
  body: z.output<typeof paymentDemandBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'record_demand');
  notAfter(today, body.demandedOn, 'demandedOn');
  if (body.deadline <= body.demandedOn) throw new AppError('CONTRACT_DEADLINE_BEFORE_DEMAND', {}, 'deadline');
  if (body.demandedOn < (c.signedOn ?? c.startDate))
    throw new AppError('DATE_RANGE_INVALID', {}, 'demandedOn');
  await requireFiles(ctx, c.id, [body.proofFileId], 'demand_proof', 'proofFileId');
  const d = await insertDemand(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: c.id,
    demandedOn: body.demandedOn,
    deadline: body.deadline,
    method: body.method,
    proofFileId: body.proofFileId,
    amountFen: body.amountFen ?? null,
    note: body.note ?? null,
    recordedBy: ctx.actor.id,
  });
  await recordEvent(ctx, c, 'payment_demand', body.demandedOn, {
    demandId: d.id,
    deadline: body.deadline,
    method: body.method,
    amountFen: body.amountFen ?? null,
  });
  return d;
}

/**
 * Art. 722's condition for terminating over unpaid rent: a formal demand whose deadline has passed by
 * `day`. The one question the termination guard asks; collections will answer it from its own records.
 */
export function hasLapsedPaymentDemand(ctx: Ctx, contractId: string, day: string): Promise<boolean> {
  return lapsedDemandExists(ctx.tx, contractId, day);
}
