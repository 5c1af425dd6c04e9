import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { lockCustomer, updateCustomerRow } from './repo.ts';

/** Management puts a customer on the blacklist, with the reason on record (R1.2: who and why). */
export async function blacklistCustomer(ctx: Ctx, id: string, reason: string) {
  const c = await lockCustomer(ctx.tx, id);
  if (!c) throw notFound('customer');
  if (c.status === 'blacklisted') throw new AppError('CUSTOMER_BLACKLISTED', { name: c.name });
  const after = await updateCustomerRow(ctx.tx, id, {
    status: 'blacklisted',
    statusBeforeBlacklist: c.status,
    blacklistReason: reason,
    blacklistedAt: new Date(),
    blacklistedBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.blacklist',
    before: { status: c.status },
    after: { status: 'blacklisted', reason },
    customerId: id,
  });
  return after!;
}

/** Lifts the blacklist: the customer returns to the status it had, and the reason for lifting is kept. */
export async function unblacklistCustomer(ctx: Ctx, id: string, reason: string) {
  const c = await lockCustomer(ctx.tx, id);
  if (!c) throw notFound('customer');
  if (c.status !== 'blacklisted') throw new AppError('CUSTOMER_NOT_BLACKLISTED');
  const status = (c.statusBeforeBlacklist ?? 'prospect') as typeof c.status;
  const after = await updateCustomerRow(ctx.tx, id, {
    status,
    statusBeforeBlacklist: null,
    blacklistReason: null,
    blacklistedAt: null,
    blacklistedBy: null,
  });
  await recordAudit(ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.unblacklist',
    before: { status: 'blacklisted', reason: c.blacklistReason },
    after: { status, reason },
    customerId: id,
  });
  return after!;
}
