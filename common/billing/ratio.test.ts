import { describe, expect, it } from 'vitest';
import { ratio } from './ratio.ts';

describe('ratio', () => {
  it('rounds half up to four places on integers', () => {
    expect(ratio(985, 1000)).toBe('0.9850');
    expect(ratio(1, 3)).toBe('0.3333');
    expect(ratio(2, 3)).toBe('0.6667');
    // 1/8 = 0.125 → 0.1250; 1/16000 = 0.0000625 → 0.0001 (half up)
    expect(ratio(1, 8)).toBe('0.1250');
    expect(ratio(1, 16_000)).toBe('0.0001');
    expect(ratio(1, 20_001)).toBe('0.0000');
    expect(ratio(3, 2)).toBe('1.5000');
    expect(ratio(0, 7)).toBe('0.0000');
    expect(ratio(-1, 3)).toBe('-0.3333');
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(1, 3, 2)).toBe('0.33');
  });

  it('stays exact where a float would not', () => {
    // 0.xxxx5 exactly at large amounts: 12345 / 2 / 10^5 scale
    const whole = 9_007_199_254_740_990; // even, near 2^53
    expect(ratio(whole / 2, whole)).toBe('0.5000');
    expect(ratio(123_456_785, 1_000_000_000_00)).toBe('0.0012');
    expect(ratio(1_234_565, 10_000_000, 6)).toBe('0.123457');
  });
});
