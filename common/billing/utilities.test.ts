import { describe, expect, it } from 'vitest';
import { consumptionOf, partQuantity, partsOf, percentsAddUp, utilityLine } from './utilities.ts';

describe('utility charges (R5.2.1)', () => {
  it('computes consumption exactly, with the multiplier and from a replacement’s start value', () => {
    expect(consumptionOf({ value: '112.35', previous: '100', multiplier: '40' })).toBe('494');
    expect(consumptionOf({ value: '0.3', previous: '0.1', multiplier: '1' })).toBe('0.2');
    expect(
      consumptionOf({
        value: '50',
        previous: '1234.5',
        multiplier: '2',
        replacement: true,
        startValue: '10',
      }),
    ).toBe('80');
  });

  it('prices a line tax-inclusive, rounded half up once, net + tax = total', () => {
    // 50 kWh x 1.2345 = 61.725 元 -> 6173 fen; net round(6173 / 1.13) = 5463; tax 710.
    expect(utilityLine('50', '1.2345', '0.13')).toEqual({ total: 6173, net: 5463, tax: 710 });
    expect(utilityLine('0', '1.2345', '0.13')).toEqual({ total: 0, net: 0, tax: 0 });
  });

  it('prices each share of a shared meter on the exact share, not a rounded quantity', () => {
    // 100 kWh by area 100 : 200 at 1 元: 33.33… kWh -> 3333 fen, 66.66… kWh -> 6667 fen.
    const parts = partsOf('area', [
      { unitId: 'a', grossArea: '100.00' },
      { unitId: 'b', grossArea: '200.00' },
    ]);
    expect(parts.map((p) => utilityLine('100', '1', '0.09', p).total)).toEqual([3333, 6667]);
    expect(parts.map((p) => partQuantity('100', p))).toEqual(['33.3333', '66.6667']);
    // 0.15 kWh x 1 元 split 50% / 50%: each 7.5 fen -> 8 fen (each line rounds on its own).
    const half = partsOf('percent', [
      { unitId: 'a', percent: '50' },
      { unitId: 'b', percent: '50' },
    ]);
    expect(half.map((p) => utilityLine('0.15', '1', '0.13', p).total)).toEqual([8, 8]);
  });

  it('wants fixed percentages to add up to exactly 100', () => {
    expect(percentsAddUp(['62.5', '37.5'])).toBe(true);
    expect(percentsAddUp(['33.3333', '33.3333', '33.3333'])).toBe(false);
    expect(percentsAddUp(['60', '30'])).toBe(false);
  });
});
