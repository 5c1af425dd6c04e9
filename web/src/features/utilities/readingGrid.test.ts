import { describe, expect, it } from 'vitest';
import { liveConsumption, problemsByMeter } from './readingGrid.ts';

describe('the readings grid', () => {
  it('computes consumption live, exactly, with the multiplier and after a replacement', () => {
    const d = (value: string, replacement = false, startValue = '') => ({ value, replacement, startValue });
    expect(liveConsumption(d('112.35'), '100', '40')).toBe('494');
    expect(liveConsumption(d('0.3'), '0.1', '1')).toBe('0.2');
    expect(liveConsumption(d('50', true, '0'), '1234.5', '1')).toBe('50');
    expect(liveConsumption(d('50', true, ''), '1234.5', '1')).toBeNull();
    expect(liveConsumption(d('999'), '1000', '1')).toBe('-1');
    expect(liveConsumption(d('12'), null, '1')).toBe('0');
    expect(liveConsumption(d('1.234'), '1', '1')).toBeNull();
    expect(liveConsumption(undefined, '1', '1')).toBeNull();
  });

  it('puts each server problem on the row of its meter', () => {
    const rows = [{ meterId: 'a' }, { meterId: 'b' }];
    expect(problemsByMeter([{ row: 1, message: 'lower' }], rows)).toEqual({ b: ['lower'] });
  });
});
