import type { z } from 'zod';
import type { customerBody } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import {
  customerSnapshot,
  ensureAccountManager,
  ensureUsccFree,
  validUscc,
  warnSimilarName,
  writeUnique,
} from './checks.ts';
import { insertCustomer } from './repo.ts';

/** A new customer file, starting as a prospect (R2.3.1). */
export async function createCustomer(ctx: Ctx, input: z.output<typeof customerBody>) {
  const uscc = validUscc(input.uscc);
  await ensureUsccFree(ctx, uscc, null);
  await warnSimilarName(ctx, input.name, null, input.allowSimilarName);
  await ensureAccountManager(ctx, input.accountManagerId);
  const { allowSimilarName: _, ...fields } = input;
  const row = await writeUnique(ctx, uscc, (sp) =>
    insertCustomer(sp, { ...fields, id: newId(), orgId: ctx.orgId, uscc, status: 'prospect' }),
  );
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'customer.create',
    after: customerSnapshot(row),
    customerId: row.id,
  });
  return row;
}
