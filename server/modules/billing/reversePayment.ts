import type { z } from 'zod';
import type { reversePaymentBody } from '../../../common/schemas/billing.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  insertAllocations,
  liveAllocationsOf,
  lockCustomerMoney,
  refreshBills,
  refreshPayments,
} from './moneyRepo.ts';
import { findPayment, lockPayment, settledDepositPaidBy, updatePayment } from './paymentRepo.ts';
import { assertOpen } from './periodLock.ts';

/**
 * Reverses a payment (a bounced cheque, a mistaken entry) with a reason: each of its allocations is undone
 * by a negative one, which re-opens what it paid; nothing is deleted.
 */
export async function reversePayment(
  ctx: Ctx,
  id: string,
  body: z.output<typeof reversePaymentBody>,
  today: string,
) {
  // The customer's money lock first, as every allocation takes it, then the row.
  const found = await findPayment(ctx.tx, id);
  if (!found) throw notFound('payment');
  await lockCustomerMoney(ctx.tx, found.customerId);
  const p = (await lockPayment(ctx.tx, id))!;
  if (p.status === 'reversed')
    throw new AppError('PAYMENT_ALREADY_REVERSED', { number: p.number, date: p.reversedOn ?? '' });
  if (body.reversedOn > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'reversedOn');
  if (body.reversedOn < p.receivedOn)
    throw new AppError('PAYMENT_REVERSED_BEFORE_RECEIVED', { date: p.receivedOn }, 'reversedOn');
  await assertOpen(ctx, body.reversedOn, 'reversedOn');
  const settlement = await settledDepositPaidBy(ctx.tx, id);
  if (settlement !== null) throw new AppError('PAYMENT_DEPOSIT_SETTLED', { number: settlement });
  const live = await liveAllocationsOf(ctx.tx, id);
  await insertAllocations(
    ctx.tx,
    live.map((a) => ({
      id: newId(),
      orgId: ctx.orgId,
      customerId: a.customerId,
      paymentId: id,
      billLineId: a.billLineId,
      billId: a.billId,
      amountFen: -a.amountFen,
      reverses: a.id,
      postingDate: body.reversedOn,
      createdBy: ctx.actor.id,
    })),
  );
  await updatePayment(ctx.tx, id, {
    status: 'reversed',
    reversedOn: body.reversedOn,
    reversalReason: body.reason,
    reversedBy: ctx.actor.id,
  });
  await refreshPayments(ctx.tx, [id]);
  await refreshBills(ctx.tx, [...new Set(live.map((a) => a.billId))]);
  await recordAudit(ctx, {
    entityType: 'payment',
    entityId: id,
    action: 'payment.reverse',
    customerId: p.customerId,
    before: { status: p.status },
    after: {
      status: 'reversed',
      reversedOn: body.reversedOn,
      reason: body.reason,
      reopenedFen: p.allocatedFen,
    },
  });
}
