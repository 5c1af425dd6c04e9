import { describe, expect, it } from 'vitest';
import { isPercent, percentToRate, rateToPercent } from './rates.ts';

describe('percentToRate', () => {
  it('moves the decimal point two places left without float noise', () => {
    expect(percentToRate(9)).toBe('0.09');
    expect(percentToRate('13')).toBe('0.13');
    expect(percentToRate('6.5')).toBe('0.065');
    expect(percentToRate('12.34')).toBe('0.1234');
    expect(percentToRate(0.07)).toBe('0.0007');
    expect(percentToRate(100)).toBe('1');
    expect(percentToRate('0')).toBe('0');
    expect(percentToRate('5.10')).toBe('0.051');
  });

  it('refuses what is not a plain decimal', () => {
    expect(() => percentToRate('abc')).toThrow();
    expect(() => percentToRate('-1')).toThrow();
  });
});

describe('rateToPercent', () => {
  it('moves the decimal point two places right', () => {
    expect(rateToPercent('0.09')).toBe('9');
    expect(rateToPercent('0.13')).toBe('13');
    expect(rateToPercent('0.065')).toBe('6.5');
    expect(rateToPercent('0.1234')).toBe('12.34');
    expect(rateToPercent('1')).toBe('100');
    expect(rateToPercent('1.0000')).toBe('100');
    expect(rateToPercent('0')).toBe('0');
  });

  it('round-trips every percentage with up to two decimals', () => {
    for (let hundredths = 0; hundredths <= 10_000; hundredths += 7) {
      const percent = (hundredths / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
      expect(rateToPercent(percentToRate(percent))).toBe(percent);
    }
  });
});

describe('isPercent', () => {
  it('accepts 0 to 100 with at most two decimals', () => {
    expect(isPercent(9)).toBe(true);
    expect(isPercent('6.25')).toBe(true);
    expect(isPercent('100')).toBe(true);
    expect(isPercent('100.5')).toBe(false);
    expect(isPercent('6.255')).toBe(false);
    expect(isPercent('-1')).toBe(false);
    expect(isPercent(null)).toBe(false);
  });
});
