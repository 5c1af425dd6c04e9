import type { z } from 'zod';
import type { applicationBody } from '../../../common/schemas/applications.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createCustomer, getCustomer } from '../customers/index.ts';
import { auditApplication } from './lifecycle.ts';
import { insertApplication } from './repo.ts';
import { checkRequest } from './validate.ts';

/**
 * A lease application as a draft (《空间租赁申请表》, R2.2.1), for an existing customer or a new one
 * created as a prospect in the same transaction. Nothing is reserved until it is submitted.
 */
export async function createApplication(ctx: Ctx, input: z.output<typeof applicationBody>, today: string) {
  const { customerId, newCustomer, ...fields } = input;
  if (Boolean(customerId) === Boolean(newCustomer)) {
    throw new AppError('APPLICATION_CUSTOMER_REQUIRED', {}, 'customerId');
  }
  let customer: { id: string; name: string; status: string };
  if (newCustomer) customer = await createCustomer(ctx, newCustomer);
  else {
    customer = await getCustomer(ctx, customerId!).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND')
        throw new AppError('NOT_FOUND', e.params, 'customerId');
      throw e;
    });
  }
  if (customer.status === 'blacklisted') {
    throw new AppError('CUSTOMER_BLACKLISTED', { name: customer.name }, 'customerId');
  }
  const unitIds = await checkRequest(ctx, fields);
  const row = await insertApplication(ctx.tx, {
    ...fields,
    unitIds,
    id: newId(),
    orgId: ctx.orgId,
    number: await nextNumber(ctx.tx, ctx.orgId, 'SQ', Number(today.slice(0, 4))),
    customerId: customer.id,
    status: 'draft',
    createdBy: ctx.actor.id,
    createdAt: nowOf(ctx),
  });
  await auditApplication(ctx, row, {
    action: 'application.create',
    after: { number: row.number, status: row.status, ...fields, unitIds },
  });
  return row;
}
