import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWanYuan, parseWanYuan } from './wan.ts';

describe('registered capital in 万元', () => {
  it('converts to whole fen exactly', () => {
    expect(parseWanYuan('500')).toBe(500_000_000);
    expect(parseWanYuan('0.01')).toBe(10_000);
    expect(parseWanYuan('1,234.567891')).toBe(1_234_567_891);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in decimal it is 0.3
    expect(parseWanYuan('0.3')).toBe(300_000);
  });

  it('refuses what is not a whole number of fen or not a number', () => {
    for (const bad of ['', '-1', '1.2345678', 'abc', '1e3', '12万']) expect(parseWanYuan(bad)).toBeNull();
  });

  it('formats back to the same text', () => {
    expect(formatWanYuan(500_000_000)).toBe('500');
    expect(formatWanYuan(12_345_678)).toBe('12.345678');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (fen) => {
        expect(parseWanYuan(formatWanYuan(fen))).toBe(fen);
      }),
    );
  });
});
