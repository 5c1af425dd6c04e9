import type { z } from 'zod';
import type { buildingBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertBuilding, listSites } from './repo.ts';

export async function createBuilding(ctx: Ctx, input: z.output<typeof buildingBody>) {
  if (!(await listSites(ctx.tx, { id: input.siteId, limit: 1 })).length) {
    throw new AppError('NOT_FOUND', { entity: 'site' }, 'siteId');
  }
  const b = await guardConflict(
    ctx.tx,
    (sp) => insertBuilding(sp, { id: newId(), orgId: ctx.orgId, ...input }),
    () => new AppError('BUILDING_NAME_TAKEN', { name: input.name }, 'name'),
  );
  await recordAudit(ctx, { entityType: 'building', entityId: b.id, action: 'building.create', after: input });
  return b;
}
