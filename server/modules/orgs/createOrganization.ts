import { z } from 'zod';
import { isValidTimeZone } from '../../../common/dates.ts';
import { checkUscc } from '../../../common/validators/uscc.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { pgError } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertOrganization, type OrgRow } from './repo.ts';

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1).max(200),
  uscc: z.string(),
  address: z.string().trim().max(500).nullish(),
  timeZone: z.string().default('Asia/Shanghai'),
});

/** Organizations are created by operators (CLI), in a system transaction: the app role cannot insert them. */
export async function createOrganization(
  tx: Tx,
  raw: z.input<typeof createOrganizationInput>,
): Promise<OrgRow> {
  const input = createOrganizationInput.parse(raw);
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) throw new AppError('ORG_USCC_INVALID', { reason: uscc.reason }, 'uscc');
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', { field: 'timeZone', detail: input.timeZone }, 'timeZone');
  }
  let org: OrgRow;
  try {
    org = await tx.transaction((sp) =>
      insertOrganization(sp, {
        id: newId(),
        name: input.name,
        uscc: uscc.value,
        address: input.address ?? null,
        timeZone: input.timeZone,
      }),
    );
  } catch (e) {
    if (pgError(e)?.code === '23505') throw new AppError('ORG_USCC_TAKEN', { uscc: uscc.value }, 'uscc');
    throw e;
  }
  await recordAudit(systemCtx(tx, org.id), {
    entityType: 'organization',
    entityId: org.id,
    action: 'organization.create',
    after: { name: org.name, uscc: org.uscc, timeZone: org.timeZone },
  });
  return org;
}
