import type { PAYMENT_METHODS } from '../../../common/schemas/billing.ts';
import type { DepositLedgerView } from '../../../common/schemas/settlements.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import {
  contractFacts,
  contractFilesIn,
  depositLines,
  depositMovementsOf,
  depositReceipts,
} from './settlementRepo.ts';

/**
 * The deposit figures of a contract (R3.3.3): billed (its deposit lines), received (what payments and
 * credits settled on them), deducted and refunded (deposit_movements). Held = received - deducted - refunded.
 */
export async function depositFigures(ctx: Ctx, contractId: string) {
  const lines = await depositLines(ctx.tx, contractId);
  const received = await depositReceipts(ctx.tx, contractId);
  const movements = await depositMovementsOf(ctx.tx, contractId);
  const sum = (xs: { amountFen: number }[]) => xs.reduce((n, x) => n + x.amountFen, 0);
  const billedFen = lines.filter((l) => l.totalFen > 0).reduce((n, l) => n + l.totalFen, 0);
  const receivedFen = sum(received);
  const deductedFen = sum(movements.filter((m) => m.kind === 'deducted'));
  const refundedFen = sum(movements.filter((m) => m.kind === 'refunded'));
  // Adjustments down (a deposit cancelled at settlement) lower what was ever to be received; the
  // deduction (保证金抵扣, a charge of its own) is money going out, counted in the movements.
  const cancelledFen = -lines
    .filter((l) => l.totalFen < 0 && l.kind === 'adjustment')
    .reduce((n, l) => n + l.totalFen, 0);
  return {
    lines,
    received,
    movements,
    billedFen,
    receivedFen,
    deductedFen,
    refundedFen,
    heldFen: receivedFen - deductedFen - refundedFen,
    unreceivedFen: billedFen - cancelledFen - receivedFen,
  };
}

export async function depositLedger(ctx: Ctx, contractId: string): Promise<DepositLedgerView> {
  if (!(await contractFacts(ctx.tx, contractId))) throw notFound('contract');
  const f = await depositFigures(ctx, contractId);
  const files = new Map(
    (
      await contractFilesIn(
        ctx.tx,
        contractId,
        f.movements.flatMap((m) => m.evidenceFileIds),
      )
    ).map((x) => [x.id, x]),
  );
  return {
    contractId,
    billedFen: f.billedFen,
    receivedFen: f.receivedFen,
    deductedFen: f.deductedFen,
    refundedFen: f.refundedFen,
    heldFen: f.heldFen,
    unreceivedFen: f.unreceivedFen,
    lines: f.lines,
    received: f.received,
    movements: f.movements.map(({ evidenceFileIds, method, ...m }) => ({
      ...m,
      method: method as (typeof PAYMENT_METHODS)[number] | null,
      evidence: evidenceFileIds.map((id) => files.get(id)).filter((x) => x !== undefined),
    })),
  };
}
