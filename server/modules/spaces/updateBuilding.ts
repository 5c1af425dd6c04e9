import type { z } from 'zod';
import type { buildingBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { floorExtent, listBuildings, updateBuildingRow } from './repo.ts';

type Input = Partial<Omit<z.output<typeof buildingBody>, 'siteId'>>;

export async function updateBuilding(ctx: Ctx, id: string, input: Input) {
  const [before] = await listBuildings(ctx.tx, { id, limit: 1 });
  if (!before) throw notFound('building');
  const above = input.floorsAbove ?? before.floorsAbove;
  const below = input.floorsBelow ?? before.floorsBelow;
  // A floor that still has units cannot disappear from the building.
  const used = await floorExtent(ctx.tx, id);
  if (used.max !== null && used.max > above)
    throw new AppError('BUILDING_FLOORS_IN_USE', { floor: used.max }, 'floorsAbove');
  if (used.min !== null && used.min < -below)
    throw new AppError('BUILDING_FLOORS_IN_USE', { floor: `B${-used.min}` }, 'floorsBelow');
  await guardConflict(
    ctx.tx,
    (sp) => updateBuildingRow(sp, id, input),
    () => new AppError('BUILDING_NAME_TAKEN', { name: input.name ?? '' }, 'name'),
  );
  const pick = (b: Input) => ({ name: b.name, floorsAbove: b.floorsAbove, floorsBelow: b.floorsBelow });
  await recordAudit(ctx, {
    entityType: 'building',
    entityId: id,
    action: 'building.update',
    before: pick(before),
    after: pick({ ...before, ...input }),
  });
  return (await listBuildings(ctx.tx, { id, limit: 1 }))[0]!;
}
