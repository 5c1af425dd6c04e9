import type { StatementEntry } from '../../../common/schemas/statements.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCustomer } from '../customers/index.ts';
import { balanceBefore, entriesBetween } from './statementRepo.ts';

/**
 * A customer's statement for a period (对账单, R5.2.3): the balance brought forward, every line issued,
 * payment received and reversal in the period with the running balance, and the balance carried forward.
 * The closing balance is recomputed from the opening and the entries, so the two sides always agree.
 */
export async function computeStatement(ctx: Ctx, customerId: string, from: string, to: string) {
  if (to < from) throw new AppError('DATE_RANGE_INVALID', {}, 'to');
  const customer = await getCustomer(ctx, customerId);
  const openingFen = await balanceBefore(ctx.tx, customerId, from);
  let balance = openingFen;
  let chargesFen = 0;
  let receivedFen = 0;
  const entries: StatementEntry[] = [];
  for (const e of await entriesBetween(ctx.tx, customerId, from, to)) {
    balance += e.debitFen - e.creditFen;
    if (e.kind === 'payment' || e.kind === 'reversal') receivedFen += e.creditFen - e.debitFen;
    else chargesFen += e.debitFen - e.creditFen;
    entries.push({ ...e, balanceFen: balance });
  }
  return {
    customerId,
    customerName: customer.name,
    from,
    to,
    openingFen,
    chargesFen,
    receivedFen,
    closingFen: balance,
    entries,
  };
}
