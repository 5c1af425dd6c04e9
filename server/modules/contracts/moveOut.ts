import type { z } from 'zod';
import { CONTRACT_ACTION_LABELS } from '../../../common/contracts/labels.ts';
import type { moveOutBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { setCustomerStatus } from '../customers/index.ts';
import { endOccupancyAfter } from '../spaces/index.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent, requireFiles, statusLabel } from './lifecycle.ts';
import { customerHasOtherLease, updateContractRow } from './repo.ts';

/**
 * The move-out inspection (R3.3.3): condition, damages with amounts, final meter readings, keys. The
 * units are free from the next day; a customer with no other lease becomes a former customer. Settlement
 * and the deposit refund are billing's.
 */
export async function moveOut(ctx: Ctx, id: string, body: z.output<typeof moveOutBody>, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'move_out');
  if (c.movedOutOn || !c.handedOverOn) {
    throw new AppError('CONTRACT_TRANSITION_INVALID', {
      status: statusLabel(ctx, c.status),
      action: CONTRACT_ACTION_LABELS.move_out[ctx.locale],
    });
  }
  notAfter(today, body.movedOutOn, 'movedOutOn');
  if (c.status === 'active' && body.movedOutOn < c.endDate)
    throw new AppError('CONTRACT_MOVE_OUT_EARLY', { date: c.endDate }, 'movedOutOn');
  if (body.movedOutOn < (c.handedOverOn ?? c.startDate))
    throw new AppError('DATE_RANGE_INVALID', {}, 'movedOutOn');
  await requireFiles(ctx, c.id, body.photoFileIds, 'move_out', 'photoFileIds');
  await endOccupancyAfter(ctx, c.id, body.movedOutOn);
  const after = await updateContractRow(ctx.tx, id, {
    status,
    movedOutOn: body.movedOutOn,
    moveOut: body as unknown as Record<string, unknown>,
    holdingOver: false,
  });
  await recordEvent(ctx, c, 'moved_out', body.movedOutOn, {
    damagesFen: body.damages.reduce((n, d) => n + d.amountFen, 0),
    keysReturned: body.keysReturned,
    meterReadings: body.meterReadings,
  });
  await customerMayLeave(ctx, c);
  return after;
}

/** A customer whose last lease has given its space back is a former customer. */
export async function customerMayLeave(ctx: Ctx, c: { id: string; customerId: string }) {
  if (!(await customerHasOtherLease(ctx.tx, c.customerId, c.id)))
    await setCustomerStatus(ctx, c.customerId, 'former', { entityType: 'contract', entityId: c.id });
}
