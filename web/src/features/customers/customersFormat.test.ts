import { describe, expect, it } from 'vitest';
import { groupDigits as groupThousands } from '../../app/format.ts';
import { changeValue, fileSize } from './customersFormat.ts';

describe('display helpers', () => {
  it('groups thousands and keeps decimals', () => {
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
    expect(groupThousands('999')).toBe('999');
  });

  it('writes timeline values briefly', () => {
    expect(changeValue(null)).toBe('—');
    expect(changeValue(['a', 'b'])).toBe('a、b');
    expect(changeValue([])).toBe('—');
    expect(changeValue(false)).toBe('false');
    expect(changeValue({ a: 1 })).toBe('{"a":1}');
  });

  it('writes file sizes', () => {
    expect(fileSize(900)).toBe('900 B');
    expect(fileSize(2048)).toBe('2.0 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
