import type { z } from 'zod';
import { type ApplicationStatus, EDITABLE_STATUSES } from '../../../common/applications/machine.ts';
import type { updateApplicationBody } from '../../../common/schemas/applications.ts';
import { diff } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { releaseUnits } from '../spaces/index.ts';
import { auditApplication, lockOrFail, reserveUnits } from './lifecycle.ts';
import { updateApplicationRow } from './repo.ts';
import { checkRequest } from './validate.ts';

/**
 * Changes a draft, or a returned application before it is resubmitted. A returned application still holds
 * its units; when the units or the dates change, the hold moves with them (or is refused if taken).
 */
export async function updateApplication(ctx: Ctx, id: string, patch: z.output<typeof updateApplicationBody>) {
  const a = await lockOrFail(ctx, id);
  if (!EDITABLE_STATUSES.includes(a.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_NOT_EDITABLE');
  }
  const merged = {
    spaceType: patch.spaceType ?? (a.spaceType as 'office'),
    areaMin: patch.areaMin ?? a.areaMin,
    areaMax: patch.areaMax ?? a.areaMax,
    unitIds: patch.unitIds ?? a.unitIds,
    siteId: patch.siteId === undefined ? a.siteId : patch.siteId,
    buildingId: patch.buildingId === undefined ? a.buildingId : patch.buildingId,
  };
  const unitIds = await checkRequest(ctx, merged);
  const after = await updateApplicationRow(ctx.tx, id, { ...patch, unitIds });
  const holdMoved =
    a.status === 'returned' &&
    (unitIds.join() !== a.unitIds.join() ||
      after!.startDate !== a.startDate ||
      after!.termMonths !== a.termMonths);
  if (holdMoved) {
    await releaseUnits(ctx, 'application', id);
    await reserveUnits(ctx, after!);
  }
  const changes = diff(
    Object.fromEntries(Object.keys(patch).map((k) => [k, a[k as keyof typeof a]])),
    Object.fromEntries(Object.keys(patch).map((k) => [k, after![k as keyof typeof after]])),
  );
  await auditApplication(ctx, a, { action: 'application.update', ...changes });
  return after!;
}
