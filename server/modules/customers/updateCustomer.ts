import type { z } from 'zod';
import type { updateCustomerBody } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import {
  customerSnapshot,
  ensureAccountManager,
  ensureUsccFree,
  validUscc,
  warnSimilarName,
  writeUnique,
} from './checks.ts';
import { lockCustomer, updateCustomerRow } from './repo.ts';

/** Edits the customer file; every change is kept with its before and after (R2.3.2). */
export async function updateCustomer(ctx: Ctx, id: string, input: z.output<typeof updateCustomerBody>) {
  const before = await lockCustomer(ctx.tx, id);
  if (!before) throw notFound('customer');
  const { allowSimilarName, ...fields } = input;
  if (fields.uscc !== undefined) {
    fields.uscc = validUscc(fields.uscc);
    await ensureUsccFree(ctx, fields.uscc, id);
  }
  if (fields.name !== undefined && fields.name !== before.name)
    await warnSimilarName(ctx, fields.name, id, allowSimilarName);
  if (fields.accountManagerId !== before.accountManagerId)
    await ensureAccountManager(ctx, fields.accountManagerId);
  const after = await writeUnique(ctx, fields.uscc ?? before.uscc, (sp) => updateCustomerRow(sp, id, fields));
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.update',
    before: customerSnapshot(before),
    after: customerSnapshot(after!),
    customerId: id,
  });
  return after!;
}
