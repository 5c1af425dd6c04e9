import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { cutOccupancy, findUnitRow, insertOccupancy, releaseOccupancy } from './repo.ts';

export interface OccupyInput {
  unitIds: string[];
  kind: 'reserved' | 'leased' | 'unavailable';
  from: string;
  to: string;
  sourceType: 'application' | 'contract' | 'manual';
  sourceId?: string | null;
  customerId?: string | null;
  reason?: string | null;
}

/**
 * Takes units for an inclusive date range. The database refuses a range that overlaps another active one
 * of the same unit (exclusion constraint), so two applications or contracts can never hold one unit at once,
 * even when written at the same moment by two servers.
 */
export async function occupyUnits(ctx: Ctx, input: OccupyInput) {
  if (input.from > input.to) throw new AppError('DATE_RANGE_INVALID', {}, 'to');
  const created = [];
  for (const unitId of input.unitIds) {
    const unit = await findUnitRow(ctx.tx, unitId);
    if (!unit || unit.retiredAt) throw notFound('unit');
    const row = await guardConflict(
      ctx.tx,
      (sp) =>
        insertOccupancy(sp, {
          id: newId(),
          orgId: ctx.orgId,
          unitId,
          kind: input.kind,
          fromDate: input.from,
          toDate: input.to,
          sourceType: input.sourceType,
          sourceId: input.sourceId ?? null,
          customerId: input.customerId ?? null,
          reason: input.reason ?? null,
          createdBy: ctx.actor.id,
        }),
      () =>
        new AppError('UNIT_NOT_AVAILABLE', { code: unit.code, from: input.from, to: input.to }, 'unitIds'),
    );
    await recordAudit(ctx, {
      entityType: 'unit',
      entityId: unitId,
      action: `unit.${input.kind}`,
      after: {
        from: input.from,
        to: input.to,
        sourceType: input.sourceType,
        sourceId: input.sourceId ?? null,
        reason: input.reason ?? null,
      },
    });
    created.push(row);
  }
  return created;
}

/** Ends what an application or contract holds (rejection, withdrawal, expiry, termination). */
export async function releaseUnits(ctx: Ctx, sourceType: 'application' | 'contract', sourceId: string) {
  const released = await releaseOccupancy(ctx.tx, { sourceType, sourceId }, ctx.actor.id);
  for (const r of released) {
    await recordAudit(ctx, {
      entityType: 'unit',
      entityId: r.unitId,
      action: 'unit.release',
      before: { kind: r.kind, from: r.fromDate, to: r.toDate, sourceId },
    });
  }
  return released;
}

/** The space comes back on `lastDay` (move-out): what the contract holds after that day is let go. */
export async function endOccupancyAfter(ctx: Ctx, sourceId: string, lastDay: string) {
  const { released, cut } = await cutOccupancy(ctx.tx, sourceId, lastDay, ctx.actor.id);
  for (const r of [...released, ...cut]) {
    await recordAudit(ctx, {
      entityType: 'unit',
      entityId: r.unitId,
      action: 'unit.release',
      after: { kind: r.kind, from: r.fromDate, to: lastDay, sourceId },
    });
  }
}
