import type { CustomerStatus } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { lockCustomer, updateCustomerRow } from './repo.ts';

/**
 * Moves the customer along its life cycle as applications and contracts progress (prospect → applicant →
 * admitted → tenant → former). Called by those modules, never by a person directly; a blacklisted
 * customer stays blacklisted and remembers where it would be.
 */
export async function setCustomerStatus(
  ctx: Ctx,
  id: string,
  status: Exclude<CustomerStatus, 'blacklisted'>,
  cause: { entityType: string; entityId: string },
) {
  const c = await lockCustomer(ctx.tx, id);
  if (!c) throw notFound('customer');
  if (c.status === 'blacklisted') {
    // Only an ending reaches a blacklisted customer: a contract over (former), an application closed
    // (prospect). Anything that would start business with them is refused.
    if (status !== 'former' && status !== 'prospect')
      throw new AppError('CUSTOMER_BLACKLISTED', { name: c.name });
    // Where lifting the blacklist will return the customer: a change like any other, on the record.
    await updateCustomerRow(ctx.tx, id, { statusBeforeBlacklist: status });
    await recordAudit(ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'customer.status',
      before: { statusBeforeBlacklist: c.statusBeforeBlacklist },
      after: { statusBeforeBlacklist: status, cause: `${cause.entityType}:${cause.entityId}` },
      customerId: id,
    });
    return c;
  }
  if (c.status === status) return c;
  const after = await updateCustomerRow(ctx.tx, id, { status });
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.status',
    before: { status: c.status },
    after: { status, cause: `${cause.entityType}:${cause.entityId}` },
    customerId: id,
  });
  return after!;
}
