import { describe, expect, it } from 'vitest';
import {
  allocateChosen,
  MAX_PAYMENT_FEN,
  newIdempotencyKey,
  paymentFen,
  ratePercent,
} from './billingFormat.ts';

describe('paymentFen', () => {
  it('reads yuan as typed into exact fen, never through a float product', () => {
    expect(paymentFen('0.07')).toBe(7);
    expect(paymentFen('1.1')).toBe(110);
    expect(paymentFen('19,730.07')).toBe(1_973_007);
    expect(paymentFen(' ¥4,252.50 ')).toBe(425_250);
    expect(paymentFen('100 元')).toBe(10_000);
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(paymentFen('0.29')).toBe(29);
  });

  it('refuses nothing, zero, negatives, a third decimal and more than a payment may be', () => {
    for (const text of [undefined, '', '0', '0.00', '-5', '1.234', 'abc', '1,23.00']) {
      expect(paymentFen(text), String(text)).toBeNull();
    }
    expect(paymentFen('1000000000')).toBe(MAX_PAYMENT_FEN);
    expect(paymentFen('1000000000.01')).toBeNull();
  });
});

describe('ratePercent', () => {
  it('shows the API rate as a percentage without trailing zeros', () => {
    expect(ratePercent('0.0900')).toBe('9%');
    expect(ratePercent('0.06')).toBe('6%');
    expect(ratePercent('0.07')).toBe('7%');
    expect(ratePercent('0')).toBe('0%');
    expect(ratePercent('0.0525')).toBe('5.25%');
  });
});

describe('allocateChosen', () => {
  const lines = [
    { lineId: 'a', outstandingFen: 1000 },
    { lineId: 'b', outstandingFen: 500 },
    { lineId: 'c', outstandingFen: 300 },
  ];

  it('settles the chosen lines in order until the money runs out', () => {
    expect(allocateChosen(lines, 1200)).toEqual({
      items: [
        { lineId: 'a', amountFen: 1000 },
        { lineId: 'b', amountFen: 200 },
      ],
      toCreditFen: 0,
    });
  });

  it('keeps what the lines do not take as credit, and the parts always add up to the payment', () => {
    const r = allocateChosen(lines, 2000);
    expect(r.toCreditFen).toBe(200);
    expect(r.items.reduce((s, i) => s + i.amountFen, 0) + r.toCreditFen).toBe(2000);
    expect(allocateChosen([], 700)).toEqual({ items: [], toCreditFen: 700 });
  });
});

describe('newIdempotencyKey', () => {
  it('uses randomUUID where the browser has it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'uuid-1234-5678', getRandomValues: (a) => a })).toBe(
      'uuid-1234-5678',
    );
  });

  it('falls back to random bytes on plain http, long enough for the API (8-100 characters)', () => {
    const key = newIdempotencyKey({
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        new Uint8Array((a as unknown as Uint8Array).buffer).fill(171);
        return a;
      },
    });
    expect(key).toBe(`pay-${'ab'.repeat(16)}`);
    expect(key.length).toBeGreaterThanOrEqual(8);
    expect(key.length).toBeLessThanOrEqual(100);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
