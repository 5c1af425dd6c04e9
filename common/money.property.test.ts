import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  amountInWords,
  formatYuan,
  parseYuan,
  splitEvenly,
  taxFromExclusive,
  taxFromInclusive,
} from './money.ts';

const RUNS = { numRuns: 5000 };
const fen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
// Amounts a lease deals in: up to 100 million yuan either way.
const leaseFen = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 });
// 0 .. 0.2 with up to four decimals, written as the decimal string a setting would hold.
const rate = fc.integer({ min: 0, max: 2000 }).map((n) => new Decimal(n).div(10_000).toFixed());
const weight = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(1000).toFixed()),
);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('money properties', () => {
  it('allocate sums to the total and keeps each part within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        leaseFen,
        fc.array(weight, { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => Number(w) > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(parts)).toBe(total);
          const wsum = weights.reduce<Decimal>((s, w) => s.add(w), new Decimal(0));
          parts.forEach((p, i) => {
            const exact = new Decimal(total).mul(weights[i]!).div(wsum);
            expect(exact.sub(p).abs().lt(1)).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('splitEvenly sums to the total and its parts differ by at most 1 fen', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        for (const p of parts) expect(Math.abs(p - total / n)).toBeLessThan(1);
      }),
      RUNS,
    );
  });

  it('tax-inclusive split: net + tax = total, net is the rounded exact net', () => {
    fc.assert(
      fc.property(leaseFen, rate, (total, r) => {
        const { net, tax, total: t } = taxFromInclusive(total, r);
        expect(t).toBe(total);
        expect(net + tax).toBe(total);
        const exact = new Decimal(total).div(new Decimal(r).add(1));
        expect(exact.sub(net).abs().lte(0.5)).toBe(true);
      }),
      RUNS,
    );
  });

  it('tax-exclusive: net + tax = total, tax is the rounded exact tax', () => {
    fc.assert(
      fc.property(leaseFen, rate, (net, r) => {
        const split = taxFromExclusive(net, r);
        expect(split.net).toBe(net);
        expect(split.net + split.tax).toBe(split.total);
        expect(new Decimal(net).mul(r).sub(split.tax).abs().lte(0.5)).toBe(true);
      }),
      RUNS,
    );
  });

  it('parseYuan reads back what formatYuan wrote, in both styles', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(parseYuan(formatYuan(x))).toBe(x);
        expect(parseYuan(formatYuan(x, 'suffix'))).toBe(x);
      }),
      RUNS,
    );
  });

  it('amountInWords has no doubled 零, no trailing 零, and ends with 分 or 整', () => {
    const small = fc.integer({ min: -100_000_000, max: 100_000_000 });
    // Amounts with many zero digits exercise the 零 rules harder than uniform integers do.
    const sparse = fc
      .array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 })
      .map((ds) => Number(ds.join('')));
    fc.assert(
      fc.property(fc.oneof(fen, small, sparse), (x) => {
        const words = amountInWords(x);
        expect(words).not.toContain('零零');
        expect(words.endsWith('零')).toBe(false);
        expect(/[分整]$/.test(words)).toBe(true);
        expect(words.endsWith('分整')).toBe(false);
        if (x !== 0) expect(words.startsWith('零')).toBe(false);
      }),
      RUNS,
    );
  });
});
