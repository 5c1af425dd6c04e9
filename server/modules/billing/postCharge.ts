import { addDays } from '../../../common/dates.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { orgFacts } from '../orgs/index.ts';
import type { ChargeRequestInsert } from './chargeRequestRepo.ts';
import { lineForCorrection, nextSeqOfKey, updateChargeRequest } from './chargeRequestRepo.ts';
import { lockCustomerMoney, openLinesOf } from './moneyRepo.ts';
import { assertOpen } from './periodLock.ts';
import { issueDue } from './repo.ts';
import { settle } from './settle.ts';
import { freeDueDate, insertPlanRows } from './settlementRepo.ts';

type Request = Required<
  Pick<
    ChargeRequestInsert,
    | 'id'
    | 'kind'
    | 'contractId'
    | 'customerId'
    | 'correctsLineId'
    | 'chargeType'
    | 'unitId'
    | 'name'
    | 'periodStart'
    | 'periodEnd'
    | 'dueDate'
    | 'netFen'
    | 'taxFen'
    | 'totalFen'
    | 'vatRate'
    | 'reason'
  >
>;

/** What a correction may still take off its item: the item cannot go below zero. */
export async function checkCorrection(ctx: Ctx, lineId: string, totalFen: number) {
  const line = await lineForCorrection(ctx.tx, lineId);
  if (line && line.keyTotalFen + totalFen < 0)
    throw new AppError(
      'CHARGE_CORRECTION_EXCEEDS',
      { amount: (line.keyTotalFen / 100).toFixed(2) },
      'totalFen',
    );
}

/**
 * Posts an approved request as a bill of its own, today, through the billing run's issue statement
 * (gapless number, the books' lock, one transaction): a one-off charge due on its date (today at the
 * earliest), a correction due after the organization's usual days. A credit settles the line it corrects
 * first; then the customer's credit settles whatever is open, as after any bill. Returns the line's id.
 */
export async function postCharge(
  ctx: Ctx,
  r: Request,
  today: string,
): Promise<{ lineId: string; dueDate: string }> {
  await lockCustomerMoney(ctx.tx, r.customerId);
  await assertOpen(ctx, today, 'postedOn');
  const { settings } = await orgFacts(ctx);
  if (r.kind === 'correction') await checkCorrection(ctx, r.correctsLineId!, r.totalFen);
  const wanted =
    r.kind === 'one_off' && r.dueDate! > today
      ? r.dueDate!
      : addDays(today, r.kind === 'one_off' ? 0 : settings.billing.dueAfterSigningDays);
  // One bill per contract, due date and issue day: take the next free due date if a bill already has it.
  const dueDate = await freeDueDate(ctx.tx, r.contractId, today, wanted);
  const seq = await nextSeqOfKey(ctx.tx, r);
  await insertPlanRows(ctx.tx, [
    {
      id: r.id,
      orgId: ctx.orgId,
      contractId: r.contractId,
      customerId: r.customerId,
      kind: r.kind === 'one_off' ? 'charge' : 'correction',
      chargeType: r.chargeType,
      unitId: r.unitId,
      name: r.name,
      seq,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueDate,
      issueDate: today,
      netFen: r.netFen,
      taxFen: r.taxFen,
      totalFen: r.totalFen,
      vatRate: r.vatRate,
      reason: r.reason,
    },
  ]);
  await issueDue(ctx.tx, {
    orgId: ctx.orgId,
    asOf: today,
    runId: r.id,
    from: r.contractId,
    to: r.contractId,
    onlyIds: [r.id],
  });
  // A credit settles the line it corrects, if that is still open; otherwise it stays with the customer.
  if (r.totalFen < 0 && (await openLinesOf(ctx.tx, r.customerId, [r.correctsLineId!])).length)
    await settle(ctx, r.customerId, today, {
      sourceIds: [`credit:${r.id}`],
      lines: [{ lineId: r.correctsLineId! }],
    });
  if (settings.billing.autoApplyCredit) await settle(ctx, r.customerId, today);
  return { lineId: r.id, dueDate };
}

/** Records the request as posted, with who decided it (none: under the threshold) and its audit row. */
export async function markPosted(
  ctx: Ctx,
  r: { id: string; number: string; customerId: string },
  posted: { lineId: string; dueDate: string },
  today: string,
  note: string | null,
) {
  await updateChargeRequest(ctx.tx, r.id, {
    status: 'posted',
    lineId: posted.lineId,
    postedOn: today,
    dueDate: posted.dueDate,
    decidedBy: ctx.actor.id,
    decidedAt: nowOf(ctx),
    decisionNote: note,
  });
  await recordAudit(ctx, {
    entityType: 'charge_request',
    entityId: r.id,
    action: 'charge_request.post',
    customerId: r.customerId,
    before: { status: 'pending' },
    after: { status: 'posted', number: r.number, postedOn: today, dueDate: posted.dueDate, note },
  });
}
