import { describe, expect, it } from 'vitest';
import { MoneyError } from './fen.ts';
import { formatYuan, parseYuan } from './format.ts';

describe('formatYuan', () => {
  it('writes the symbol style by default', () => {
    expect(formatYuan(123_456)).toBe('¥1,234.56');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-123_456)).toBe('-¥1,234.56');
    expect(formatYuan(100_000_000)).toBe('¥1,000,000.00');
    expect(formatYuan(99_999)).toBe('¥999.99');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('writes the suffix style', () => {
    expect(formatYuan(123_456, 'suffix')).toBe('1,234.56 元');
    expect(formatYuan(-123_456, 'suffix')).toBe('-1,234.56 元');
    expect(formatYuan(0, 'suffix')).toBe('0.00 元');
  });

  it('refuses non-integer amounts', () => {
    expect(() => formatYuan(1.5)).toThrow(MoneyError);
  });
});

describe('parseYuan', () => {
  it.each([
    ['¥1,234.56', 123_456],
    ['1,234.56 元', 123_456],
    ['1,234.56元', 123_456],
    ['-¥1,234.56', -123_456],
    ['-1,234.56 元', -123_456],
    ['1234.5', 123_450],
    ['1,234', 123_400],
    ['  12  ', 1200],
    ['￥12.30', 1230],
    ['¥ 12', 1200],
    ['0', 0],
    ['-0.00', 0],
    ['0.05', 5],
    ['1,000,000', 100_000_000],
    ['90,071,992,547,409.91', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each([
    '',
    '   ',
    '1.234',
    '12.',
    '.5',
    'abc',
    '12a',
    '1,23',
    '12,34.00',
    '1234,567',
    '1,2345',
    ',123',
    '0,123',
    '¥-12',
    '--12',
    '+12',
    '- 12',
    '¥12元',
    '1e3',
    '90,071,992,547,409.92',
  ])('rejects %j', (text) => {
    expect(() => parseYuan(text)).toThrow(MoneyError);
  });

  it('says what it expected', () => {
    expect(() => parseYuan('1.234')).toThrow(/"1\.234" is not an amount in yuan/);
  });
});
