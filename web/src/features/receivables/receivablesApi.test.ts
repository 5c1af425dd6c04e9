import { describe, expect, it } from 'vitest';
import { ratePercent } from './receivablesApi.ts';

describe('ratePercent', () => {
  it('moves the point two places on the string', () => {
    expect(ratePercent('0.3158')).toBe('31.58%');
    expect(ratePercent('0.0333')).toBe('3.33%');
    expect(ratePercent('0.0000')).toBe('0.00%');
    expect(ratePercent('1.0000')).toBe('100.00%');
    expect(ratePercent('1.2500')).toBe('125.00%');
    expect(ratePercent('0.0001')).toBe('0.01%');
    expect(ratePercent(null)).toBe('—');
  });
});
