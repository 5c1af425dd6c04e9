import {
  type Allocation,
  allocate,
  type CreditSource,
  orderLines,
} from '../../../common/billing/allocation.ts';
import type { Fen } from '../../../common/money.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { orgFacts } from '../orgs/index.ts';
import {
  creditSourcesOf,
  insertAllocations,
  lockCustomerMoney,
  openLinesOf,
  refreshBills,
  refreshPayments,
} from './moneyRepo.ts';

export interface SettleOptions {
  /** Only this money (a new payment with chosen lines); by default every credit the customer holds. */
  sourceIds?: string[];
  /** Chosen lines, in order, each up to an amount. */
  lines?: { lineId: string; amountFen?: Fen }[];
}

/**
 * What the customer's unapplied money (and `extra`, money not recorded yet) would settle, by the rules:
 * the same answer for the cashier's preview and for the allocation written.
 */
export async function proposeAllocation(
  ctx: Ctx,
  customerId: string,
  o: SettleOptions & { extra?: CreditSource[] } = {},
) {
  const { settings } = await orgFacts(ctx);
  const chosen = o.lines?.map((l) => l.lineId);
  const open = await openLinesOf(ctx.tx, customerId, chosen);
  let lines = orderLines(open, settings.billing.allocation);
  if (chosen) {
    const found = new Map(open.map((l) => [l.id, l]));
    const missing = chosen.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new AppError('PAYMENT_LINE_NOT_OPEN', {}, `allocation.lines.${missing}.lineId`);
    lines = chosen.map((id) => found.get(id)!);
  }
  let sources = await creditSourcesOf(ctx.tx, customerId);
  if (o.sourceIds) sources = sources.filter((s) => o.sourceIds!.includes(s.id));
  const caps = o.lines
    ? new Map(o.lines.filter((l) => l.amountFen).map((l) => [l.lineId, l.amountFen!]))
    : undefined;
  return { open, made: allocate(lines, [...sources, ...(o.extra ?? [])], caps) };
}

/**
 * Applies the customer's unapplied money to their open lines (R5.1.2) and brings the bills' and payments'
 * figures up to date. The caller holds the customer's money lock.
 */
export async function settle(ctx: Ctx, customerId: string, postingDate: string, o: SettleOptions = {}) {
  const { made } = await proposeAllocation(ctx, customerId, o);
  await write(ctx, customerId, postingDate, made);
  return made;
}

async function write(ctx: Ctx, customerId: string, postingDate: string, made: Allocation[]) {
  if (!made.length) return;
  const source = (id: string) => {
    const [kind, ref] = id.split(':') as ['payment' | 'credit', string];
    return kind === 'payment'
      ? { paymentId: ref, creditLineId: null }
      : { paymentId: null, creditLineId: ref };
  };
  await insertAllocations(
    ctx.tx,
    made.map((a) => ({
      id: newId(),
      orgId: ctx.orgId,
      customerId,
      ...source(a.sourceId),
      billLineId: a.lineId,
      billId: a.billId,
      amountFen: a.amountFen,
      postingDate,
      createdBy: ctx.actor.id,
    })),
  );
  await refreshBills(ctx.tx, [...new Set(made.map((a) => a.billId))]);
  const paymentIds = made.map((a) => source(a.sourceId).paymentId).filter((x): x is string => Boolean(x));
  await refreshPayments(ctx.tx, [...new Set(paymentIds)]);
}

/** Settles with whatever credit the customer holds, under their money lock. */
export async function applyCredit(ctx: Ctx, customerId: string, postingDate: string) {
  await lockCustomerMoney(ctx.tx, customerId);
  return settle(ctx, customerId, postingDate);
}
