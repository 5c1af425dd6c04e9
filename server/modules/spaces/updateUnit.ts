import type { z } from 'zod';
import type { updateUnitBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { checkUnit } from './checkUnit.ts';
import { findUnitRow, listBuildings, type UnitRow, updateUnitRow } from './repo.ts';

const snapshot = (u: UnitRow) => ({
  code: u.code,
  type: u.type,
  floor: u.floor,
  grossArea: u.grossArea,
  insideArea: u.insideArea,
  usableArea: u.usableArea,
  listPrice: u.listPrice,
  priceBasis: u.priceBasis,
  facilities: u.facilities,
  certificateNo: u.certificateNo,
  notes: u.notes,
  retired: u.retiredAt !== null,
});

/** Edits a unit; `retired: true` takes it out of the inventory for good while keeping its history. */
export async function updateUnit(ctx: Ctx, id: string, input: z.output<typeof updateUnitBody>) {
  const before = await findUnitRow(ctx.tx, id);
  if (!before) throw notFound('unit');
  const [building] = await listBuildings(ctx.tx, { id: before.buildingId, limit: 1 });
  const { retired, ...fields } = input;
  checkUnit({ ...before, ...fields }, building!);
  const after = await guardConflict(
    ctx.tx,
    (sp) =>
      updateUnitRow(sp, id, {
        ...fields,
        ...(retired === undefined ? {} : { retiredAt: retired ? (before.retiredAt ?? new Date()) : null }),
      }),
    () => new AppError('UNIT_CODE_TAKEN', { code: input.code ?? '' }, 'code'),
  );
  const action = retired === true && !before.retiredAt ? 'unit.retire' : 'unit.update';
  await recordAudit(ctx, {
    entityType: 'unit',
    entityId: id,
    action,
    before: snapshot(before),
    after: snapshot(after!),
  });
  return after!;
}
