import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { deleteUnitRow, everLeased, findUnitRow } from './repo.ts';

/** Only a unit entered by mistake goes away; one that ever had a contract is retired instead. */
export async function deleteUnit(ctx: Ctx, id: string) {
  const unit = await findUnitRow(ctx.tx, id);
  if (!unit) throw notFound('unit');
  if (await everLeased(ctx.tx, id)) throw new AppError('UNIT_EVER_LEASED');
  await deleteUnitRow(ctx.tx, id);
  await recordAudit(ctx, {
    entityType: 'unit',
    entityId: id,
    action: 'unit.delete',
    before: { code: unit.code, buildingId: unit.buildingId },
  });
}
