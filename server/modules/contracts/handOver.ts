import type { z } from 'zod';
import type { handoverBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent, requireFiles } from './lifecycle.ts';
import { updateContractRow } from './repo.ts';

/**
 * Move-in handover (R3.2.1): the space with its facilities, keys and first meter readings, confirmed by
 * both sides, on or after the start date. The contract becomes active.
 */
export async function handOver(ctx: Ctx, id: string, body: z.output<typeof handoverBody>, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'hand_over');
  notAfter(today, body.handedOverOn, 'handedOverOn');
  if (body.handedOverOn < (c.signedOn ?? c.startDate))
    throw new AppError('DATE_RANGE_INVALID', {}, 'handedOverOn');
  if (body.handedOverOn < c.startDate)
    throw new AppError('CONTRACT_HANDOVER_BEFORE_START', { date: c.startDate }, 'handedOverOn');
  await requireFiles(ctx, c.id, body.photoFileIds, 'handover', 'photoFileIds');
  const after = await updateContractRow(ctx.tx, id, {
    status,
    handedOverOn: body.handedOverOn,
    handover: body as unknown as Record<string, unknown>,
  });
  await recordEvent(ctx, c, 'handed_over', body.handedOverOn, {
    keys: body.keys.reduce((n, k) => n + k.count, 0),
    meterReadings: body.meterReadings,
    facilitiesNotOk: body.facilities.filter((f) => !f.ok).map((f) => f.item),
  });
  return after;
}
