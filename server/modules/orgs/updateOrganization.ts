import type { z } from 'zod';
import { isValidTimeZone } from '../../../common/dates.ts';
import type { updateOrganizationBody } from '../../../common/schemas/organization.ts';
import { checkUscc } from '../../../common/validators/uscc.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { pgError } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findOwnOrganization, type OrgRow, updateOrganizationRow } from './repo.ts';
import { mergeSettings, presentOrganization, readSettings } from './settings.ts';

export async function updateOrganization(
  ctx: Ctx,
  input: z.output<typeof updateOrganizationBody>,
): Promise<OrgRow> {
  const before = await findOwnOrganization(ctx.tx, ctx.orgId);
  if (!before) throw notFound('organization');
  let uscc = before.uscc;
  if (input.uscc !== undefined) {
    const r = checkUscc(input.uscc);
    if (!r.ok) throw new AppError('ORG_USCC_INVALID', { reasonKey: `uscc.${r.reason}` }, 'uscc');
    uscc = r.value;
  }
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', { field: 'timeZone', detail: input.timeZone }, 'timeZone');
  }
  let after: OrgRow;
  try {
    after = await ctx.tx.transaction((sp) =>
      updateOrganizationRow(sp, ctx.orgId, {
        name: input.name,
        uscc,
        address: input.address,
        timeZone: input.timeZone,
        settings: mergeSettings(readSettings(before.settings), input.settings),
      }),
    );
  } catch (e) {
    if (pgError(e)?.code === '23505') throw new AppError('ORG_USCC_TAKEN', { uscc }, 'uscc');
    throw e;
  }
  await recordAudit(ctx, {
    entityType: 'organization',
    entityId: ctx.orgId,
    action: 'organization.update',
    before: presentOrganization(before),
    after: presentOrganization(after),
  });
  return after;
}
