import type { z } from 'zod';
import { CORRECTABLE_CHARGE_TYPES, correctionNeedsApproval } from '../../../common/billing/chargeRequest.ts';
import { BINDING_STATUSES, type ContractStatus } from '../../../common/contracts/machine.ts';
import { taxFromInclusive } from '../../../common/money.ts';
import type { chargeRequestBody } from '../../../common/schemas/charges.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { orgFacts } from '../orgs/index.ts';
import {
  type ChargeRequestInsert,
  contractForCharge,
  insertChargeRequest,
  lineForCorrection,
} from './chargeRequestRepo.ts';
import { checkCorrection, markPosted, postCharge } from './postCharge.ts';

type Body = z.output<typeof chargeRequestBody>;

const bound = (status: string | null, number: string | null) => {
  if (!status || !BINDING_STATUSES.includes(status as ContractStatus))
    throw new AppError('CHARGE_CONTRACT_NOT_BILLED', { number: number ?? '' }, 'contractId');
};

/** The request's terms from a one-off charge's form: the contract's, the unit one of its own. */
async function oneOff(ctx: Ctx, b: Extract<Body, { kind: 'one_off' }>, today: string) {
  const c = await contractForCharge(ctx.tx, b.contractId, b.unitId);
  if (!c) throw notFound('contract');
  bound(c.status, c.number);
  if (!c.hasUnit) throw new AppError('CHARGE_UNIT_NOT_IN_CONTRACT', {}, 'unitId');
  if (b.periodEnd < b.periodStart) throw new AppError('CHARGE_PERIOD_INVALID', {}, 'periodEnd');
  if (b.dueDate < today) throw new AppError('CHARGE_DUE_IN_PAST', { date: today }, 'dueDate');
  const split = taxFromInclusive(b.totalFen, b.vatRate);
  return {
    kind: 'one_off' as const,
    contractId: c.id,
    customerId: c.customerId,
    correctsLineId: null,
    chargeType: 'one_off',
    unitId: b.unitId,
    name: b.name,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    dueDate: b.dueDate,
    netFen: split.net,
    taxFen: split.tax,
    totalFen: split.total,
    vatRate: b.vatRate,
    reason: b.reason,
  };
}

/** A correction takes its key, rate and contract from the line it corrects (an original charge). */
async function correction(ctx: Ctx, b: Extract<Body, { kind: 'correction' }>) {
  const l = await lineForCorrection(ctx.tx, b.lineId);
  if (!l) throw notFound('bill line');
  if (!l.contractId) throw new AppError('CHARGE_LINE_NOT_CORRECTABLE', {}, 'lineId');
  bound(l.contractStatus, l.contractNumber);
  const types: readonly string[] = CORRECTABLE_CHARGE_TYPES;
  if (l.kind !== 'charge' || !types.includes(l.chargeType) || l.keyTotalFen <= 0)
    throw new AppError('CHARGE_LINE_NOT_CORRECTABLE', {}, 'lineId');
  await checkCorrection(ctx, l.id, b.totalFen);
  const split = taxFromInclusive(b.totalFen, l.vatRate);
  return {
    kind: 'correction' as const,
    contractId: l.contractId,
    customerId: l.customerId,
    correctsLineId: l.id,
    chargeType: l.chargeType,
    unitId: l.unitId,
    name: l.name,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    dueDate: null,
    netFen: split.net,
    taxFen: split.tax,
    totalFen: split.total,
    vatRate: l.vatRate,
    reason: b.reason,
  };
}

/**
 * Raises a one-off charge or a correction (R5.2.1, R5.2.2). A one-off charge always waits for finance; a
 * correction waits only above the organization's threshold, and is otherwise posted at once, in this
 * transaction, as a bill of its own.
 */
export async function raiseChargeRequest(ctx: Ctx, body: Body, today: string) {
  const terms = body.kind === 'one_off' ? await oneOff(ctx, body, today) : await correction(ctx, body);
  const { settings } = await orgFacts(ctx);
  const needsApproval =
    terms.kind === 'one_off' ||
    correctionNeedsApproval(terms.totalFen, settings.billing.correctionApprovalFen);
  const id = newId();
  const row: ChargeRequestInsert = {
    id,
    orgId: ctx.orgId,
    number: await nextNumber(ctx.tx, ctx.orgId, 'TZ', Number(today.slice(0, 4))),
    ...terms,
    status: 'pending',
    needsApproval,
    requestedBy: ctx.actor.id!,
    requestedAt: nowOf(ctx),
  };
  await insertChargeRequest(ctx.tx, row);
  await recordAudit(ctx, {
    entityType: 'charge_request',
    entityId: id,
    action: `charge_request.raise_${terms.kind}`,
    customerId: terms.customerId,
    after: {
      number: row.number,
      name: terms.name,
      totalFen: terms.totalFen,
      reason: terms.reason,
      needsApproval,
    },
  });
  if (!needsApproval) {
    const posted = await postCharge(ctx, { ...terms, id }, today);
    await markPosted(ctx, { id, number: row.number, customerId: terms.customerId }, posted, today, null);
  }
  return id;
}
