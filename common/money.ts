import Decimal from 'decimal.js';
import { assertFen, type Fen, MoneyError, type MoneyErrorCode } from './money/fen.ts';

/*
 * Money is an integer number of fen (分, 1/100 yuan), never a float. Rates and quantities are decimal strings
 * ("0.09", "123.45") and go through decimal.js; every result is rounded half up (away from zero on a tie)
 * to the fen, the convention of Chinese invoices.
 */
export { assertFen, type Fen, MoneyError, type MoneyErrorCode } from './money/fen.ts';
export { formatYuan, parseYuan } from './money/format.ts';
export { amountInWords } from './money/words.ts';

// A private clone so the global Decimal's settings (used by other code) are never changed; 50 digits keeps
// products of the largest safe amounts and 4-decimal rates exact.
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
type Dec = InstanceType<typeof D>;

const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

function toFen(d: Dec, what: string): Fen {
  const n = d.toDecimalPlaces(0, D.ROUND_HALF_UP);
  if (n.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError('UNSAFE_AMOUNT', `${what} ${n.toFixed()} fen is beyond the safe integer range`);
  }
  return n.toNumber() + 0; // + 0 turns -0 into 0
}

/** A decimal string such as "0.09" or "-1.5" (no exponent, no spaces), or a finite Decimal. */
function decimal(x: string | number | Decimal, code: MoneyErrorCode, what: string): Dec {
  if (typeof x === 'string') {
    if (!DECIMAL_TEXT.test(x))
      throw new MoneyError(code, `${what} must be a decimal string like "0.09", got "${x}"`);
    return new D(x);
  }
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new MoneyError(code, `${what} must be a finite number, got ${x}`);
    return new D(x);
  }
  if (D.isDecimal(x) && x.isFinite()) return new D(x);
  throw new MoneyError(code, `${what} must be a decimal string or a finite Decimal`);
}

export function addFen(...xs: Fen[]): Fen {
  let sum = 0;
  for (const x of xs) sum += assertFen(x);
  return assertFen(sum, 'sum');
}

export function subFen(a: Fen, b: Fen): Fen {
  return assertFen(assertFen(a) - assertFen(b), 'difference');
}

/** amount × rate, e.g. a VAT or a discount; the rate is a decimal string ("0.09") or a Decimal. */
export function mulRate(amount: Fen, rate: string | Decimal): Fen {
  const r = decimal(rate, 'BAD_RATE', 'rate');
  return toFen(new D(assertFen(amount)).mul(r), 'product');
}

/** Unit price in yuan × quantity (area, kWh, …) in fen, e.g. 3.85 元/m² × 123.45 m². */
export function mulQty(unitPriceYuan: string, qty: string): Fen {
  const price = decimal(unitPriceYuan, 'BAD_DECIMAL', 'unit price');
  const q = decimal(qty, 'BAD_DECIMAL', 'quantity');
  return toFen(price.mul(q).mul(100), 'product');
}

export function divRound(amount: Fen, divisor: string | number): Fen {
  const d = decimal(divisor, 'BAD_DIVISOR', 'divisor');
  if (d.isZero()) throw new MoneyError('BAD_DIVISOR', 'cannot divide an amount by zero');
  return toFen(new D(assertFen(amount)).div(d), 'quotient');
}

/**
 * Splits `total` in proportion to `weights` so the parts add up to `total` exactly: each part is its exact
 * share rounded down, and the fen left over go one each to the largest remainders (earlier index on a tie).
 * A negative total is split like its absolute value and negated, so the rounding mirrors.
 */
export function allocate(total: Fen, weights: readonly (number | string)[]): Fen[] {
  assertFen(total, 'total');
  if (weights.length === 0) throw new MoneyError('BAD_WEIGHTS', 'allocate needs at least one weight');
  const ws = weights.map((w) => decimal(w, 'BAD_WEIGHTS', 'weight'));
  if (ws.some((w) => w.isNeg() && !w.isZero()))
    throw new MoneyError('BAD_WEIGHTS', 'weights must not be negative');
  const sum = ws.reduce((s, w) => s.add(w), new D(0));
  if (sum.isZero()) throw new MoneyError('BAD_WEIGHTS', 'at least one weight must be greater than zero');

  const abs = new D(Math.abs(total));
  // Exact integer division: floor(abs × w / sum) with remainder, so ties compare exactly.
  const shares = ws.map((w) => {
    const p = abs.mul(w);
    let q = p.div(sum).floor();
    let r = p.sub(q.mul(sum));
    if (r.isNeg()) {
      q = q.sub(1);
      r = r.add(sum);
    } else if (r.gte(sum)) {
      q = q.add(1);
      r = r.sub(sum);
    }
    return { q: q.toNumber(), r };
  });
  let left = Math.abs(total) - shares.reduce((s, x) => s + x.q, 0);
  const order = shares.map((_, i) => i).sort((a, b) => shares[b]!.r.cmp(shares[a]!.r) || a - b);
  const parts = shares.map((s) => s.q);
  for (const i of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return total < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}

/** `n` parts as equal as possible; the extra fen go to the first parts. */
export function splitEvenly(total: Fen, n: number): Fen[] {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new MoneyError('BAD_COUNT', `can only split into a positive whole number of parts, got ${n}`);
  }
  return allocate(total, new Array<number>(n).fill(1));
}

export interface TaxSplit {
  net: Fen;
  tax: Fen;
  total: Fen;
}

function taxRate(rate: string | Decimal): Dec {
  const r = decimal(rate, 'BAD_RATE', 'tax rate');
  if (r.isNeg() && !r.isZero())
    throw new MoneyError('BAD_RATE', `a tax rate cannot be negative, got ${r.toFixed()}`);
  return r;
}

/** A tax-inclusive amount (the usual quote in China) split into net and tax; net + tax = total exactly. */
export function taxFromInclusive(total: Fen, rate: string | Decimal): TaxSplit {
  const r = taxRate(rate);
  const net = toFen(new D(assertFen(total, 'total')).div(r.add(1)), 'net');
  return { net, tax: subFen(total, net), total };
}

/** Tax on a tax-exclusive amount; net + tax = total exactly. */
export function taxFromExclusive(net: Fen, rate: string | Decimal): TaxSplit {
  const r = taxRate(rate);
  const tax = toFen(new D(assertFen(net, 'net')).mul(r), 'tax');
  return { net, tax, total: addFen(net, tax) };
}
