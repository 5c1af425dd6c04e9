import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { occupancyOfUnit, releaseOccupancy } from './repo.ts';

/** Ends a period staff set unavailable; reservations and leases end only with their application or contract. */
export async function releaseManual(ctx: Ctx, unitId: string, occupancyId: string) {
  const row = (await occupancyOfUnit(ctx.tx, unitId)).find((r) => r.id === occupancyId && !r.releasedAt);
  if (!row) throw notFound('occupancy');
  if (row.sourceType !== 'manual') throw new AppError('OCCUPANCY_NOT_MANUAL');
  await releaseOccupancy(ctx.tx, { id: row.id }, ctx.actor.id);
  await recordAudit(ctx, {
    entityType: 'unit',
    entityId: unitId,
    action: 'unit.release',
    before: { kind: row.kind, from: row.fromDate, to: row.toDate, reason: row.reason },
  });
}
