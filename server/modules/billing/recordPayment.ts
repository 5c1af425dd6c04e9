import type { z } from 'zod';
import type { paymentBody } from '../../../common/schemas/billing.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getCustomer } from '../customers/index.ts';
import { lockCustomerMoney } from './moneyRepo.ts';
import { insertPayment, paymentByKey } from './paymentRepo.ts';
import { assertOpen } from './periodLock.ts';
import { settle } from './settle.ts';

/**
 * Records money received (R5.1.2) and applies it: by default with every credit the customer holds to the
 * oldest open lines, or to the lines chosen; what is left is the customer's credit. The customer's money
 * lock makes concurrent requests with one idempotency key queue up, and the second finds the first's
 * payment: `created` is false and nothing else is written.
 */
export async function recordPayment(ctx: Ctx, body: z.output<typeof paymentBody>, today: string) {
  const customer = await getCustomer(ctx, body.customerId);
  if (body.receivedOn > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'receivedOn');
  await lockCustomerMoney(ctx.tx, body.customerId);
  const existing = await paymentByKey(ctx.tx, body.idempotencyKey);
  if (existing) {
    if (existing.customerId !== body.customerId || existing.amountFen !== body.amountFen)
      throw new AppError('PAYMENT_KEY_REUSED', { number: existing.number }, 'idempotencyKey');
    return { id: existing.id, created: false };
  }
  await assertOpen(ctx, body.receivedOn, 'receivedOn');
  const payment = await insertPayment(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    number: await nextNumber(ctx.tx, ctx.orgId, 'SK', Number(body.receivedOn.slice(0, 4))),
    customerId: body.customerId,
    amountFen: body.amountFen,
    receivedOn: body.receivedOn,
    method: body.method,
    reference: body.reference ?? null,
    payerName: body.payerName ?? null,
    idempotencyKey: body.idempotencyKey,
    createdBy: ctx.actor.id,
  });
  const made =
    body.allocation.mode === 'auto'
      ? await settle(ctx, body.customerId, body.receivedOn)
      : await settle(ctx, body.customerId, body.receivedOn, {
          sourceIds: [`payment:${payment.id}`],
          lines: body.allocation.lines,
        });
  await recordAudit(ctx, {
    entityType: 'payment',
    entityId: payment.id,
    action: 'payment.record',
    customerId: customer.id,
    after: {
      number: payment.number,
      amountFen: payment.amountFen,
      receivedOn: payment.receivedOn,
      method: payment.method,
      reference: payment.reference,
      allocations: made.map((a) => ({ lineId: a.lineId, amountFen: a.amountFen, source: a.sourceId })),
    },
  });
  return { id: payment.id, created: true };
}
