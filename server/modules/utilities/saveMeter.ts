import { percentsAddUp } from '../../../common/billing/utilities.ts';
import type { MeterBody } from '../../../common/schemas/utilities.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  buildingExists,
  codeTaken,
  hasReadings,
  insertMeter,
  listMeters,
  replaceShares,
  sharesOf,
  unitsInBuilding,
  updateMeterRow,
} from './repo.ts';

/**
 * A meter's checks (R5.2.1): a unit meter names a unit of its building; a shared meter splits among units
 * of its building by gross area or by fixed percentages that add up to exactly 100; codes are unique in
 * the organization.
 */
async function checked(ctx: Ctx, b: MeterBody, exceptId?: string) {
  if (!(await buildingExists(ctx.tx, b.buildingId)))
    throw new AppError('NOT_FOUND', { entity: 'building' }, 'buildingId');
  if (await codeTaken(ctx.tx, b.code, exceptId))
    throw new AppError('UTILITY_METER_CODE_TAKEN', { code: b.code }, 'code');
  if (!b.shared) {
    if (!b.unitId) throw new AppError('UTILITY_METER_UNIT_REQUIRED', {}, 'unitId');
    if (!(await unitsInBuilding(ctx.tx, b.buildingId, [b.unitId])).length)
      throw new AppError('UTILITY_UNIT_NOT_IN_BUILDING', {}, 'unitId');
    return { unitId: b.unitId, splitRule: null, shares: [] };
  }
  if (!b.splitRule)
    throw new AppError('VALIDATION_FAILED', { field: 'splitRule', detail: 'area | percent' }, 'splitRule');
  if (!b.shares.length) throw new AppError('UTILITY_METER_UNIT_REQUIRED', {}, 'shares');
  const found = new Set(
    (
      await unitsInBuilding(
        ctx.tx,
        b.buildingId,
        b.shares.map((s) => s.unitId),
      )
    ).map((u) => u.id),
  );
  const seen = new Set<string>();
  for (const [i, s] of b.shares.entries()) {
    if (!found.has(s.unitId) || seen.has(s.unitId))
      throw new AppError('UTILITY_UNIT_NOT_IN_BUILDING', {}, `shares.${i}.unitId`);
    seen.add(s.unitId);
    if (b.splitRule === 'percent' && !s.percent)
      throw new AppError(
        'VALIDATION_FAILED',
        { field: `shares.${i}.percent`, detail: '%' },
        `shares.${i}.percent`,
      );
  }
  if (b.splitRule === 'percent') {
    const percents = b.shares.map((s) => s.percent!);
    if (!percentsAddUp(percents)) {
      const sum = percents.reduce((a, p) => a + Number(p), 0);
      throw new AppError('UTILITY_PERCENT_NOT_100', { sum: Number(sum.toFixed(4)) }, 'shares');
    }
  }
  return {
    unitId: null,
    splitRule: b.splitRule,
    shares: b.shares.map((s) => ({
      id: newId(),
      unitId: s.unitId,
      percent: b.splitRule === 'percent' ? s.percent! : null,
    })),
  };
}

const snapshot = (b: MeterBody, c: Awaited<ReturnType<typeof checked>>) => ({
  code: b.code,
  type: b.type,
  buildingId: b.buildingId,
  unitId: c.unitId,
  shared: b.shared,
  splitRule: c.splitRule,
  multiplier: b.multiplier,
  notes: b.notes ?? null,
  shares: c.shares.map((s) => ({ unitId: s.unitId, percent: s.percent })),
});

export async function createMeter(ctx: Ctx, b: MeterBody): Promise<string> {
  const c = await checked(ctx, b);
  const id = newId();
  await insertMeter(ctx.tx, {
    id,
    orgId: ctx.orgId,
    code: b.code,
    type: b.type,
    buildingId: b.buildingId,
    unitId: c.unitId,
    shared: b.shared,
    splitRule: c.splitRule,
    multiplier: b.multiplier,
    notes: b.notes ?? null,
  });
  await replaceShares(ctx.tx, ctx.orgId, id, c.shares);
  await recordAudit(ctx, { entityType: 'meter', entityId: id, action: 'create', after: snapshot(b, c) });
  return id;
}

/** Changes a meter; once it has readings its code, type and building stay (charges are keyed by code). */
export async function updateMeter(ctx: Ctx, id: string, b: MeterBody): Promise<void> {
  const [m] = await listMeters(ctx.tx, { ids: [id], limit: 1 });
  if (!m) throw notFound('meter');
  if (m.retiredAt) throw new AppError('UTILITY_METER_RETIRED', { code: m.code });
  if (await hasReadings(ctx.tx, id)) {
    for (const f of ['code', 'type', 'buildingId'] as const)
      if (b[f] !== m[f]) throw new AppError('UTILITY_METER_IN_USE', {}, f);
  }
  const c = await checked(ctx, b, id);
  const before = {
    code: m.code,
    type: m.type,
    buildingId: m.buildingId,
    unitId: m.unitId,
    shared: m.shared,
    splitRule: m.splitRule,
    multiplier: m.multiplier,
    notes: m.notes,
    shares: (await sharesOf(ctx.tx, [id])).map((s) => ({ unitId: s.unitId, percent: s.percent })),
  };
  await updateMeterRow(ctx.tx, id, {
    code: b.code,
    type: b.type,
    buildingId: b.buildingId,
    unitId: c.unitId,
    shared: b.shared,
    splitRule: c.splitRule,
    multiplier: b.multiplier,
    notes: b.notes ?? null,
  });
  await replaceShares(ctx.tx, ctx.orgId, id, c.shares);
  await recordAudit(ctx, {
    entityType: 'meter',
    entityId: id,
    action: 'update',
    before,
    after: snapshot(b, c),
  });
}

/** A meter taken out of service: it stays with its readings, takes no new ones and leaves the lists. */
export async function retireMeter(ctx: Ctx, id: string): Promise<void> {
  const [m] = await listMeters(ctx.tx, { ids: [id], limit: 1 });
  if (!m) throw notFound('meter');
  if (m.retiredAt) throw new AppError('UTILITY_METER_RETIRED', { code: m.code });
  const at = new Date();
  await updateMeterRow(ctx.tx, id, { retiredAt: at });
  await recordAudit(ctx, {
    entityType: 'meter',
    entityId: id,
    action: 'retire',
    before: { retiredAt: null },
    after: { retiredAt: at.toISOString() },
  });
}
