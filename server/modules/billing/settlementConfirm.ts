import type { SettlementItem } from '../../../common/schemas/settlements.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { depositFigures } from './depositLedger.ts';
import { lockCustomerMoney } from './moneyRepo.ts';
import { assertOpen } from './periodLock.ts';
import { issueDue } from './repo.ts';
import { settle } from './settle.ts';
import { endedContract } from './settlementDraft.ts';
import { computeSettlement, endsOn, fingerprint } from './settlementItems.ts';
import {
  appendCreditLine,
  billOfSettlement,
  type ContractFacts,
  findSettlement,
  freeDueDate,
  insertDepositMovement,
  insertPlanRows,
  lineKeys,
  movePlanToSettlement,
  nextSeqs,
  openLinesOfContract,
  type SettlementRow,
  updateSettlement,
} from './settlementRepo.ts';

export const DEDUCTION_NAME = '保证金抵扣';

/**
 * The move-out inspection must be on record (R3.3.3: damages known, no refund before it), read from the
 * contract each time. A lease never handed over has no space to inspect.
 */
export function requireMoveOut(c: ContractFacts) {
  if (!c.movedOutOn && c.handedOverOn) throw new AppError('SETTLEMENT_MOVE_OUT_REQUIRED');
}

export function requireStatus(s: SettlementRow, status: 'draft' | 'confirmed') {
  if (s.status === status) return;
  if (s.status === 'refunded')
    throw new AppError('SETTLEMENT_ALREADY_REFUNDED', { number: s.number, date: s.refundedOn ?? '' });
  if (status === 'draft') throw new AppError('SETTLEMENT_ALREADY_CONFIRMED', { number: s.number });
  throw new AppError('SETTLEMENT_NOT_CONFIRMED', { number: s.number });
}

/** Names of one-off charges are part of their charge key: the same name twice gets a number. */
function uniqueNames(items: SettlementItem[]) {
  const seen = new Map<string, number>();
  return items.map((i) => {
    const prefix = i.kind === 'penalty' ? '违约金' : i.kind === 'damage' ? '损坏赔偿' : '其他扣款';
    const base = `${prefix}：${i.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}（${n}）`;
  });
}

/**
 * Finance confirms the settlement (R3.3.3), in one transaction under the customer's money lock: the charges
 * still planned and the penalty, damage and other items become one settlement bill through the billing
 * run's own issue statement (gapless numbers, one charge key each); a deposit billed but never received
 * is cancelled; the customer's credit is applied; then the deposit pays what is still open of this contract,
 * min(held, open), as a credit line 保证金抵扣 on that bill with its `deducted` movement.
 */
export async function confirmSettlement(ctx: Ctx, id: string, today: string) {
  // The customer's money lock first, as payments take it, then the settlement row.
  const c = await endedContract(ctx, (await findOrFail(ctx, id)).contractId);
  await lockCustomerMoney(ctx.tx, c.customerId);
  await assertOpen(ctx, today, 'asOf');
  const s = await findOrFail(ctx, id, true);
  requireStatus(s, 'draft');
  requireMoveOut(c);
  const items = s.items as SettlementItem[];
  const manual = items.filter((i) => i.kind === 'penalty' || i.kind === 'other');
  const now = await computeSettlement(
    ctx,
    c,
    manual.map((i) => ({ ...i, kind: i.kind as 'penalty', reason: i.reason ?? '' })),
  );
  if (fingerprint(now.items, now.depositHeldFen) !== fingerprint(items, s.depositHeldFen))
    throw new AppError('SETTLEMENT_STALE');

  const end = endsOn(c);
  const dueDate = await freeDueDate(ctx.tx, c.id, today, today);
  const reason = `结算单 ${s.number}`;
  await movePlanToSettlement(ctx.tx, c.id, today, dueDate);
  const row = (x: {
    kind: 'charge' | 'adjustment';
    chargeType: string;
    unitId?: string | null;
    name: string;
    seq?: number;
    periodStart: string;
    periodEnd: string;
    totalFen: number;
    reason: string | null;
  }) => ({
    id: newId(),
    orgId: ctx.orgId,
    contractId: c.id,
    customerId: c.customerId,
    unitId: null,
    seq: 0,
    dueDate,
    issueDate: today,
    netFen: x.totalFen,
    taxFen: 0,
    vatRate: '0',
    ...x,
  });
  const charged = now.items.filter((i) => ['penalty', 'damage', 'other'].includes(i.kind));
  const names = uniqueNames(charged);
  const oneOffs = charged.map((i, k) =>
    row({
      kind: 'charge',
      chargeType: 'one_off',
      name: names[k]!,
      periodStart: end,
      periodEnd: end,
      totalFen: i.amountFen,
      reason: i.reason,
    }),
  );
  // A deposit never received is not owed at the end: an adjustment cancels what is left of its line.
  const unreceived = now.items.filter((i) => i.kind === 'deposit_unreceived');
  const keys = new Map(
    (
      await lineKeys(
        ctx.tx,
        unreceived.map((i) => i.ref!),
      )
    ).map((k) => [k.id, k]),
  );
  const seqs = await nextSeqs(ctx.tx, [...keys.keys()]);
  const cancels = unreceived.map((i) => {
    const k = keys.get(i.ref!)!;
    return {
      lineId: k.id,
      plan: row({
        kind: 'adjustment',
        chargeType: 'deposit',
        unitId: k.unitId,
        name: k.name,
        seq: seqs.get(k.id)!,
        periodStart: k.periodStart,
        periodEnd: k.periodEnd,
        totalFen: -i.amountFen,
        reason,
      }),
    };
  });
  await insertPlanRows(ctx.tx, [...oneOffs, ...cancels.map((x) => x.plan)]);
  const issue = () => issueDue(ctx.tx, { orgId: ctx.orgId, asOf: today, runId: s.id, from: c.id, to: c.id });
  await issue();
  for (const x of cancels)
    await settle(ctx, c.customerId, today, {
      sourceIds: [`credit:${x.plan.id}`],
      lines: [{ lineId: x.lineId }],
    });
  await settle(ctx, c.customerId, today);

  // The deposit pays what is still open of this contract.
  const open = (await openLinesOfContract(ctx.tx, c.id)).filter(
    (l) => l.totalFen > 0 && l.chargeType !== 'deposit',
  );
  const held = (await depositFigures(ctx, c.id)).heldFen;
  const deducted = Math.min(
    held,
    open.reduce((n, l) => n + l.leftFen, 0),
  );
  let bill = await billOfSettlement(ctx.tx, s.id);
  if (deducted > 0) {
    const line = {
      id: newId(),
      name: DEDUCTION_NAME,
      periodStart: c.startDate,
      periodEnd: c.endDate,
      amountFen: deducted,
      reason,
    };
    if (bill) {
      await appendCreditLine(ctx.tx, {
        ...line,
        orgId: ctx.orgId,
        billId: bill.id,
        contractId: c.id,
        customerId: c.customerId,
        postingDate: today,
      });
    } else {
      const planned = row({
        kind: 'charge',
        chargeType: 'deposit',
        name: line.name,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        totalFen: -deducted,
        reason,
      });
      await insertPlanRows(ctx.tx, [{ ...planned, id: line.id }]);
      await issue();
      bill = await billOfSettlement(ctx.tx, s.id);
    }
    await settle(ctx, c.customerId, today, {
      sourceIds: [`credit:${line.id}`],
      lines: open.map((l) => ({ lineId: l.id })),
    });
    await insertDepositMovement(ctx.tx, {
      id: newId(),
      orgId: ctx.orgId,
      contractId: c.id,
      customerId: c.customerId,
      kind: 'deducted',
      amountFen: deducted,
      postingDate: today,
      reason: `${reason}：抵扣未结清费用`,
      evidenceFileIds: [...new Set(now.items.flatMap((i) => i.evidenceFileIds))],
      creditLineId: line.id,
      settlementId: s.id,
      createdBy: ctx.actor.id,
    });
  }
  const finalItems: SettlementItem[] = [
    ...now.items,
    ...(deducted > 0
      ? [
          {
            kind: 'deduction' as const,
            name: DEDUCTION_NAME,
            amountFen: -deducted,
            chargeType: 'deposit' as const,
            periodStart: null,
            periodEnd: null,
            ref: null,
            billNumber: bill?.number ?? null,
            reason,
            evidenceFileIds: [],
          },
        ]
      : []),
  ];
  const after = await updateSettlement(ctx.tx, s.id, {
    status: 'confirmed',
    items: finalItems,
    depositHeldFen: now.depositHeldFen,
    dueFen: now.dueFen,
    resultFen: now.resultFen,
    confirmedBy: ctx.actor.id,
    confirmedAt: nowOf(ctx),
  });
  await recordAudit(ctx, {
    entityType: 'settlement',
    entityId: s.id,
    action: 'settlement.confirm',
    customerId: c.customerId,
    before: { status: 'draft' },
    after: {
      status: 'confirmed',
      billNumber: bill?.number ?? null,
      deductedFen: deducted,
      dueFen: now.dueFen,
      resultFen: now.resultFen,
    },
  });
  return after;
}

async function findOrFail(ctx: Ctx, id: string, lock = false) {
  const s = await findSettlement(ctx.tx, id, lock);
  if (!s) throw notFound('settlement');
  return s;
}
