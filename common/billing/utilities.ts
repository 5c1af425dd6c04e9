import Decimal from 'decimal.js';
import { type Fen, mulQty, type TaxSplit, taxFromInclusive } from '../money.ts';

/*
 * Metered utilities (R5.2.1), pure: consumption from readings, the split of a shared meter, and the price of
 * a line. Quantities stay exact decimals; money is rounded half up to the fen once per line.
 */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

/**
 * (value - previous) x multiplier; a replacement meter counts from its start value instead. Negative when
 * the value is below the base: the caller refuses it.
 */
export function consumptionOf(o: {
  value: string;
  previous: string;
  multiplier: string;
  replacement?: boolean;
  startValue?: string | null;
}): string {
  const base = o.replacement ? (o.startValue ?? '0') : o.previous;
  return new D(o.value).sub(base).mul(o.multiplier).toFixed();
}

export interface ShareInput {
  unitId: string;
  /** The unit's gross area (area rule). */
  grossArea?: string | null;
  /** The fixed percentage (percent rule), e.g. "62.5". */
  percent?: string | null;
}

/** Whether fixed percentages add up to exactly 100. */
export function percentsAddUp(percents: readonly string[]): boolean {
  return percents.reduce((s, p) => s.add(p), new D(0)).eq(100);
}

/** One unit's part of a shared meter: its weight out of the sum of the weights. */
export interface Part {
  unitId: string;
  weight: string;
  of: string;
}

/** The parts of a shared meter: by gross area share or by fixed percentage. */
export function partsOf(rule: 'area' | 'percent', shares: readonly ShareInput[]): Part[] {
  const weights = shares.map((s) => new D((rule === 'area' ? s.grossArea : s.percent) ?? '0'));
  const sum = weights.reduce((a, w) => a.add(w), new D(0)).toFixed();
  return shares.map((s, i) => ({ unitId: s.unitId, weight: weights[i]!.toFixed(), of: sum }));
}

/** A part's quantity for display, at most four decimals (the money uses the exact share). */
export function partQuantity(consumption: string, part?: Pick<Part, 'weight' | 'of'>): string {
  const q = part ? new D(consumption).mul(part.weight).div(part.of) : new D(consumption);
  return q.toDecimalPlaces(4).toFixed();
}

/**
 * A utility line at a tax-inclusive price: total = consumption (or its exact share) x price in fen,
 * rounded half up once; net = round(total / (1 + rate)), tax = total - net (the schedule's own split).
 */
export function utilityLine(
  consumption: string,
  price: string,
  vatRate: string,
  part?: Pick<Part, 'weight' | 'of'>,
): TaxSplit {
  let total: Fen;
  if (!part) total = mulQty(price, consumption);
  else {
    const exact = new D(consumption).mul(price).mul(100).mul(part.weight).div(part.of);
    total = exact.toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber() + 0;
  }
  return taxFromInclusive(total, vatRate);
}
