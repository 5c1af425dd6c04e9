import type { z } from 'zod';
import { maxDate, todayIn } from '../../../common/dates.ts';
import type { refundBody } from '../../../common/schemas/settlements.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { orgFacts } from '../orgs/index.ts';
import { depositFigures } from './depositLedger.ts';
import { lockCustomerMoney } from './moneyRepo.ts';
import { assertOpen } from './periodLock.ts';
import { requireMoveOut, requireStatus } from './settlementConfirm.ts';
import { endedContract } from './settlementDraft.ts';
import { findSettlement, insertDepositMovement, updateSettlement } from './settlementRepo.ts';

/**
 * Records the refund of the deposit still held (R3.3.3): only for a confirmed settlement, and only with the
 * move-out inspection on record, read from the contract again here whatever the settlement says. The
 * customer's other unapplied money is not part of it: it stays their credit (docs/billing.md).
 */
export async function refundDeposit(ctx: Ctx, id: string, body: z.output<typeof refundBody>, today: string) {
  const found = await findSettlement(ctx.tx, id);
  if (!found) throw notFound('settlement');
  const c = await endedContract(ctx, found.contractId);
  await lockCustomerMoney(ctx.tx, c.customerId);
  const s = (await findSettlement(ctx.tx, id, true))!;
  requireMoveOut(c);
  requireStatus(s, 'confirmed');
  if (body.refundedOn > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'refundedOn');
  // Not before the settlement, nor before its confirmation posted the deduction.
  const { timeZone } = await orgFacts(ctx);
  const confirmedOn = maxDate(s.asOf, s.confirmedAt ? todayIn(timeZone, new Date(s.confirmedAt)) : s.asOf);
  if (body.refundedOn < confirmedOn)
    throw new AppError('SETTLEMENT_DATE_BEFORE', { date: confirmedOn }, 'refundedOn');
  await assertOpen(ctx, body.refundedOn, 'refundedOn');
  const held = (await depositFigures(ctx, c.id)).heldFen;
  if (held > 0) {
    await insertDepositMovement(ctx.tx, {
      id: newId(),
      orgId: ctx.orgId,
      contractId: c.id,
      customerId: c.customerId,
      kind: 'refunded',
      amountFen: held,
      postingDate: body.refundedOn,
      reason: `结算单 ${s.number} 退还保证金`,
      settlementId: s.id,
      method: body.method,
      reference: body.reference,
      createdBy: ctx.actor.id,
    });
  }
  const after = await updateSettlement(ctx.tx, s.id, {
    status: 'refunded',
    refundedOn: body.refundedOn,
    refundMethod: body.method,
    refundReference: body.reference,
  });
  await recordAudit(ctx, {
    entityType: 'settlement',
    entityId: s.id,
    action: 'settlement.refund',
    customerId: c.customerId,
    before: { status: s.status },
    after: { status: 'refunded', refundFen: held, ...body },
  });
  return after;
}
