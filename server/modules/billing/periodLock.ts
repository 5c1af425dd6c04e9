import type { z } from 'zod';
import type { closePeriodBody } from '../../../common/schemas/billing.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertPeriodLock, lockBooks, lockedThrough, periodLocks } from './periodLockRepo.ts';

/**
 * Refuses a posting dated on or before the date the books are closed through: corrections go into an open
 * month. Holds the books shared, so a closing cannot commit between this check and the posting.
 */
export async function assertOpen(ctx: Pick<Ctx, 'tx'>, date: string, field: string) {
  await lockBooks(ctx.tx, 'share');
  const through = await lockedThrough(ctx.tx);
  if (through && date <= through) throw new AppError('BILLING_PERIOD_CLOSED', { date: through }, field);
}

/**
 * Closes the books through a date (R5.1.3), usually a month's last day once it is reconciled. Finance closes
 * forward; moving the date back reopens days and is for an administrator, with a reason.
 */
export async function closePeriod(ctx: Ctx, body: z.output<typeof closePeriodBody>, today: string) {
  await lockBooks(ctx.tx, 'exclusive');
  if (body.lockedThrough >= today)
    throw new AppError('BILLING_CLOSE_NOT_PAST', { date: today }, 'lockedThrough');
  const current = await lockedThrough(ctx.tx);
  const reopening = current !== null && body.lockedThrough < current;
  if (reopening) {
    if (!ctx.actor.roles.includes('admin'))
      throw new AppError('BILLING_REOPEN_ADMIN_ONLY', { date: current });
    if (!body.reason) throw new AppError('BILLING_REOPEN_REASON_REQUIRED', {}, 'reason');
  }
  const id = newId();
  await insertPeriodLock(ctx.tx, {
    id,
    orgId: ctx.orgId,
    lockedThrough: body.lockedThrough,
    reason: body.reason ?? null,
    createdBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'period_lock',
    entityId: id,
    action: reopening ? 'billing.reopen' : 'billing.close',
    before: { lockedThrough: current },
    after: { lockedThrough: body.lockedThrough, reason: body.reason },
  });
}

export async function periodLockView(ctx: Ctx) {
  const history = await periodLocks(ctx.tx);
  return {
    lockedThrough: history[0]?.lockedThrough ?? null,
    history: history.map((h) => ({ ...h, createdAt: new Date(h.createdAt).toISOString() })),
  };
}
