import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  addFen,
  allocate,
  assertFen,
  divRound,
  MoneyError,
  mulQty,
  mulRate,
  splitEvenly,
  subFen,
  taxFromExclusive,
  taxFromInclusive,
} from './money.ts';

function moneyError(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return e;
    throw e;
  }
  throw new Error('expected a MoneyError');
}

describe('assertFen and integer arithmetic', () => {
  it('accepts safe integers and returns them', () => {
    expect(assertFen(123)).toBe(123);
    expect(assertFen(-5)).toBe(-5);
    expect(assertFen(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects floats, non-numbers and unsafe integers with a code and a clear message', () => {
    const e = moneyError(() => assertFen(12.5));
    expect(e.code).toBe('NOT_INTEGER');
    expect(e.message).toContain('12.5');
    expect(moneyError(() => assertFen(Number.NaN)).code).toBe('NOT_INTEGER');
    expect(moneyError(() => assertFen('12')).code).toBe('NOT_INTEGER');
    expect(moneyError(() => assertFen(2 ** 53)).code).toBe('UNSAFE_AMOUNT');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MoneyError');
  });

  it('adds and subtracts, refusing results beyond the safe range', () => {
    expect(addFen()).toBe(0);
    expect(addFen(100, 250, -50)).toBe(300);
    expect(subFen(100, 250)).toBe(-150);
    expect(moneyError(() => addFen(Number.MAX_SAFE_INTEGER, 1)).code).toBe('UNSAFE_AMOUNT');
    expect(moneyError(() => subFen(-Number.MAX_SAFE_INTEGER, 2)).code).toBe('UNSAFE_AMOUNT');
    expect(moneyError(() => addFen(1, 0.1)).code).toBe('NOT_INTEGER');
  });
});

describe('mulRate, mulQty, divRound', () => {
  it('rounds half up to the fen, away from zero for negatives', () => {
    expect(mulRate(1050, '0.09')).toBe(95); // 94.5
    expect(mulRate(1049, '0.09')).toBe(94); // 94.41
    expect(mulRate(-1050, '0.09')).toBe(-95);
    expect(mulRate(100, '0.005')).toBe(1); // 0.5
    expect(mulRate(3, '0.1')).toBe(0); // 0.3; 0.1 is exact as a decimal string
    expect(mulRate(0, '0.09')).toBe(0);
    expect(Object.is(mulRate(-1, '0.1'), 0)).toBe(true); // never -0
  });

  it('takes a Decimal rate too, and leaves the global Decimal settings alone', () => {
    expect(mulRate(1050, new Decimal('0.09'))).toBe(95);
    expect(Decimal.precision).toBe(20);
    expect(Decimal.toExpPos).toBe(21);
  });

  it('rejects rates that are not plain decimal strings', () => {
    for (const bad of ['', ' 0.09', '9%', '1e-2', 'NaN', 'Infinity', '.5', '0.']) {
      expect(moneyError(() => mulRate(100, bad)).code).toBe('BAD_RATE');
    }
    expect(moneyError(() => mulRate(100, new Decimal(Number.NaN))).code).toBe('BAD_RATE');
    expect(moneyError(() => mulRate(1.5, '0.09')).code).toBe('NOT_INTEGER');
  });

  it('multiplies a unit price in yuan by a quantity', () => {
    expect(mulQty('3.85', '123.45')).toBe(47528); // 475.2825 yuan
    expect(mulQty('0.005', '1')).toBe(1); // half a fen rounds up
    expect(mulQty('2.5', '-3')).toBe(-750);
    expect(mulQty('85', '1000')).toBe(8_500_000);
    expect(moneyError(() => mulQty('3,85', '1')).code).toBe('BAD_DECIMAL');
    expect(moneyError(() => mulQty('1e300', '1e300')).code).toBe('BAD_DECIMAL');
  });

  it('divides with half-up rounding', () => {
    expect(divRound(1000, 3)).toBe(333);
    expect(divRound(1000, '6')).toBe(167); // 166.67
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(36500, '12')).toBe(3042); // 3041.67
    expect(moneyError(() => divRound(1, 0)).code).toBe('BAD_DIVISOR');
    expect(moneyError(() => divRound(1, '0.00')).code).toBe('BAD_DIVISOR');
    expect(moneyError(() => divRound(1, Number.POSITIVE_INFINITY)).code).toBe('BAD_DIVISOR');
    expect(moneyError(() => divRound(Number.MAX_SAFE_INTEGER, '0.5')).code).toBe('UNSAFE_AMOUNT');
  });
});

describe('allocate and splitEvenly', () => {
  it('gives the leftover fen to the largest remainders', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    expect(allocate(1000, ['50.5', '30', '19.5'])).toEqual([505, 300, 195]);
    expect(allocate(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(allocate(5, [0.3, 0.3, 0.4])).toEqual([2, 1, 2]); // 1.5, 1.5, 2: tie goes to the earlier
  });

  it('never gives anything to a zero weight', () => {
    expect(allocate(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
  });

  it('mirrors a negative total', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-100, [1, 2])).toEqual([-33, -67]);
    expect(allocate(0, [1, 2]).every((p) => Object.is(p, 0))).toBe(true);
  });

  it('handles the largest amounts exactly', () => {
    const parts = allocate(Number.MAX_SAFE_INTEGER, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parts).toEqual([3002399751580331, 3002399751580330, 3002399751580330]);
  });

  it('rejects bad weights', () => {
    expect(moneyError(() => allocate(100, [])).code).toBe('BAD_WEIGHTS');
    expect(moneyError(() => allocate(100, [0, 0])).code).toBe('BAD_WEIGHTS');
    expect(moneyError(() => allocate(100, [1, -1])).code).toBe('BAD_WEIGHTS');
    expect(moneyError(() => allocate(100, [1, Number.NaN])).code).toBe('BAD_WEIGHTS');
    expect(moneyError(() => allocate(100, ['abc'])).code).toBe('BAD_WEIGHTS');
    expect(moneyError(() => allocate(0.5, [1])).code).toBe('NOT_INTEGER');
  });

  it('splits evenly with the extra fen first', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(-101, 4)).toEqual([-26, -25, -25, -25]);
    expect(splitEvenly(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitEvenly(100, 1)).toEqual([100]);
    for (const n of [0, -1, 1.5, Number.NaN])
      expect(moneyError(() => splitEvenly(100, n)).code).toBe('BAD_COUNT');
  });
});

describe('VAT splits', () => {
  it('splits a tax-inclusive amount', () => {
    // 10,900.00 at 9% is exactly 10,000.00 + 900.00
    expect(taxFromInclusive(1_090_000, '0.09')).toEqual({ net: 1_000_000, tax: 90_000, total: 1_090_000 });
    // 100.00 / 1.06 = 94.3396… → 94.34, tax 5.66
    expect(taxFromInclusive(10_000, '0.06')).toEqual({ net: 9434, tax: 566, total: 10_000 });
    expect(taxFromInclusive(109, '0.09')).toEqual({ net: 100, tax: 9, total: 109 });
    expect(taxFromInclusive(5, '0.13')).toEqual({ net: 4, tax: 1, total: 5 }); // 4.42
    expect(taxFromInclusive(-10_000, '0.06')).toEqual({ net: -9434, tax: -566, total: -10_000 });
    expect(taxFromInclusive(10_000, '0')).toEqual({ net: 10_000, tax: 0, total: 10_000 });
  });

  it('rounds the net half up when it falls on half a fen', () => {
    // No integer total at 9%, 6% or 13% lands exactly on half a fen, so a contrived rate shows the tie.
    expect(taxFromInclusive(5, '1')).toEqual({ net: 3, tax: 2, total: 5 }); // 2.5
    expect(taxFromInclusive(-5, '1')).toEqual({ net: -3, tax: -2, total: -5 });
  });

  it('adds tax to a tax-exclusive amount', () => {
    expect(taxFromExclusive(1_000_000, '0.09')).toEqual({ net: 1_000_000, tax: 90_000, total: 1_090_000 });
    expect(taxFromExclusive(1050, '0.09')).toEqual({ net: 1050, tax: 95, total: 1145 }); // 94.5 → 95
    expect(taxFromExclusive(9434, '0.06')).toEqual({ net: 9434, tax: 566, total: 10_000 });
    expect(taxFromExclusive(-1050, '0.09')).toEqual({ net: -1050, tax: -95, total: -1145 });
  });

  it('rejects negative or malformed rates', () => {
    expect(moneyError(() => taxFromInclusive(100, '-0.09')).code).toBe('BAD_RATE');
    expect(moneyError(() => taxFromExclusive(100, '9%')).code).toBe('BAD_RATE');
    expect(moneyError(() => taxFromExclusive(1.5, '0.09')).code).toBe('NOT_INTEGER');
  });
});
