import Decimal from 'decimal.js';
import type { UNIT_TYPES } from '../../../common/schemas/spaces.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findPlace, unitsByIds } from './repo.ts';

/** More than any one lease: a larger figure is a typing error, and it would overflow the rent check. */
const MAX_AREA = 1_000_000;

/**
 * The request's own rules: an area range that is one, a site and building of this organization (the
 * building in the site), and units of the space type applied for, in that building or site when one is
 * named. Each refusal names its field.
 */
export async function checkRequest(
  ctx: Ctx,
  r: {
    areaMin: string;
    areaMax: string;
    spaceType: (typeof UNIT_TYPES)[number];
    unitIds: string[];
    siteId?: string | null;
    buildingId?: string | null;
  },
) {
  if (new Decimal(r.areaMin).gt(r.areaMax)) throw new AppError('APPLICATION_AREA_RANGE', {}, 'areaMax');
  if (new Decimal(r.areaMax).gt(MAX_AREA)) {
    throw new AppError('VALIDATION_FAILED', { field: 'areaMax', detail: `≤ ${MAX_AREA} m²` }, 'areaMax');
  }
  const place = await findPlace(ctx.tx, r.siteId ?? null, r.buildingId ?? null);
  if (r.siteId && !place.siteFound) throw new AppError('NOT_FOUND', { entity: 'site' }, 'siteId');
  if (r.buildingId && !place.buildingSiteId)
    throw new AppError('NOT_FOUND', { entity: 'building' }, 'buildingId');
  if (r.siteId && r.buildingId && place.buildingSiteId !== r.siteId) {
    throw new AppError('APPLICATION_PLACE_MISMATCH', {}, 'buildingId');
  }
  const unique = [...new Set(r.unitIds)];
  const units = await unitsByIds(ctx.tx, unique);
  if (units.length !== unique.length) throw new AppError('NOT_FOUND', { entity: 'unit' }, 'unitIds');
  for (const u of units) {
    const elsewhere = (r.buildingId && u.buildingId !== r.buildingId) || (r.siteId && u.siteId !== r.siteId);
    if (elsewhere) throw new AppError('APPLICATION_PLACE_MISMATCH', {}, 'unitIds');
    if (r.spaceType !== 'other' && u.type !== r.spaceType) {
      throw new AppError('APPLICATION_UNIT_TYPE', { code: u.code }, 'unitIds');
    }
  }
  return unique;
}
