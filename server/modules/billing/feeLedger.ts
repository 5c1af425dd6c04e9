import type { z } from 'zod';
import { addMonths } from '../../../common/dates.ts';
import { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import type { feeLedger as feeLedgerSchema, feesQuery } from '../../../common/schemas/billingReports.ts';
import type { Ctx } from '../../platform/context.ts';
import { checkPeriod, monthRange } from './reportPeriod.ts';
import { feeRows } from './reportsRepo.ts';

export type FeesQuery = z.output<typeof feesQuery>;
export type FeeLedger = z.infer<typeof feeLedgerSchema>;
type ChargeType = (typeof CHARGE_TYPES)[number];

interface Sum {
  lines: number;
  incurredFen: number;
  collectedFen: number;
  creditedFen: number;
  outstandingFen: number;
}
const zero = (): Sum => ({ lines: 0, incurredFen: 0, collectedFen: 0, creditedFen: 0, outstandingFen: 0 });
type Row = { lines: number; incurredFen: number; collectedFen: number; creditedFen: number };
const outstanding = (r: Row) => r.incurredFen - r.collectedFen - r.creditedFen;
const add = (s: Sum, r: Row) => {
  s.lines += r.lines;
  s.incurredFen += r.incurredFen;
  s.collectedFen += r.collectedFen;
  s.creditedFen += r.creditedFen;
  s.outstandingFen += outstanding(r);
};

/**
 * The ledger of fees other than rent (R5.1.3): by fee type and month of the due date, what was incurred
 * (lines posted by the as-of date), collected (payments and deposits applied up to it), credited (waivers,
 * adjustments, a deposit never received and cancelled) and is still outstanding. Without
 * months it covers the twelve months up to the as-of date's.
 */
export async function feeLedger(ctx: Ctx, q: FeesQuery, today: string): Promise<FeeLedger> {
  const asOf = q.asOf ?? today;
  const to = q.to ?? q.from ?? asOf.slice(0, 7);
  const from = q.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
  checkPeriod(`${from}-01`, `${to}-01`, 'to');
  const found = await feeRows(ctx.tx, {
    from: monthRange(from).from,
    to: monthRange(to).to,
    asOf,
    chargeType: q.chargeType,
  });
  const totals = zero();
  const byType = new Map<ChargeType, Sum>();
  const items = found.map((r) => {
    const type = r.chargeType as ChargeType;
    if (!byType.has(type)) byType.set(type, zero());
    add(byType.get(type)!, r);
    add(totals, r);
    return {
      chargeType: type,
      month: r.month,
      lines: r.lines,
      incurredFen: r.incurredFen,
      collectedFen: r.collectedFen,
      creditedFen: r.creditedFen,
      outstandingFen: outstanding(r),
    };
  });
  // Types in the order bills list them, then months.
  const order = (t: ChargeType) => CHARGE_TYPES.indexOf(t);
  items.sort((a, b) => order(a.chargeType) - order(b.chargeType) || a.month.localeCompare(b.month));
  return {
    asOf,
    from,
    to,
    items,
    byType: [...byType]
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([chargeType, s]) => ({ chargeType, ...s })),
    totals,
  };
}
