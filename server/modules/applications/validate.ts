import Decimal from 'decimal.js';
import type { UNIT_TYPES } from '../../../common/schemas/spaces.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { unitsByIds } from './repo.ts';

/** The request's own rules: an area range that is one, and units of the space type applied for. */
export async function checkRequest(
  ctx: Ctx,
  r: { areaMin: string; areaMax: string; spaceType: (typeof UNIT_TYPES)[number]; unitIds: string[] },
) {
  if (new Decimal(r.areaMin).gt(r.areaMax)) throw new AppError('APPLICATION_AREA_RANGE', {}, 'areaMax');
  const unique = [...new Set(r.unitIds)];
  const units = await unitsByIds(ctx.tx, unique);
  if (units.length !== unique.length) throw notFound('unit');
  for (const u of units) {
    if (r.spaceType !== 'other' && u.type !== r.spaceType) {
      throw new AppError('APPLICATION_UNIT_TYPE', { code: u.code }, 'unitIds');
    }
  }
  return unique;
}
