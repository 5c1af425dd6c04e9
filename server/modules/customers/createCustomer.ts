import type { z } from 'zod';
import type { customerBody } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import {
  customerSnapshot,
  ensureAccountManager,
  ensureUsccFree,
  usccTaken,
  validUscc,
  warnSimilarName,
} from './checks.ts';
import { findCustomerByUscc, insertCustomer } from './repo.ts';

/** A new customer file, starting as a prospect (R2.3.1). */
export async function createCustomer(ctx: Ctx, input: z.output<typeof customerBody>) {
  const uscc = validUscc(input.uscc);
  await ensureUsccFree(ctx, uscc, null);
  await warnSimilarName(ctx, input.name, null, input.allowSimilarName);
  await ensureAccountManager(ctx, input.accountManagerId);
  const { allowSimilarName: _, ...fields } = input;
  const row = await guardConflict(
    ctx.tx,
    (sp) => insertCustomer(sp, { ...fields, id: newId(), orgId: ctx.orgId, uscc, status: 'prospect' }),
    // Another request took the USCC between our check and the insert.
    () => usccTaken(uscc, { id: '', name: '' }),
  ).catch(async (e) => {
    const existing = await findCustomerByUscc(ctx.tx, uscc);
    throw existing ? usccTaken(uscc, existing) : e;
  });
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'customer.create',
    after: customerSnapshot(row),
    customerId: row.id,
  });
  return row;
}
