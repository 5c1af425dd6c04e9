import type { z } from 'zod';
import type { unitBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { checkUnit } from './checkUnit.ts';
import { insertUnit, listBuildings } from './repo.ts';

export async function createUnit(ctx: Ctx, input: z.output<typeof unitBody>) {
  const [building] = await listBuildings(ctx.tx, { id: input.buildingId, limit: 1 });
  if (!building) throw new AppError('NOT_FOUND', { entity: 'building' }, 'buildingId');
  checkUnit(input, building);
  const unit = await guardConflict(
    ctx.tx,
    (sp) =>
      insertUnit(sp, {
        id: newId(),
        orgId: ctx.orgId,
        ...input,
        certificateNo: input.certificateNo ?? null,
        notes: input.notes ?? null,
      }),
    () => new AppError('UNIT_CODE_TAKEN', { code: input.code }, 'code'),
  );
  await recordAudit(ctx, {
    entityType: 'unit',
    entityId: unit.id,
    action: 'unit.create',
    after: { ...input },
  });
  return unit;
}
