import { describe, expect, it } from 'vitest';
import { amountInWords } from './words.ts';

const yuan = (text: string) => Math.round(Number(text.replaceAll(',', '')) * 100);

describe('amountInWords (人民币大写)', () => {
  it.each([
    // DOMAIN.md's examples
    ['10.00', '壹拾元整'],
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['300,500.80', '叁拾万零伍佰元捌角整'],
    ['1,004,000.50', '壹佰万零肆仟元伍角整'],
    ['0.05', '伍分'],
    // below one yuan, 整 and 零 after 元
    ['0.00', '零元整'],
    ['0.50', '伍角整'],
    ['0.55', '伍角伍分'],
    ['1.05', '壹元零伍分'],
    ['1.50', '壹元伍角整'],
    ['1.55', '壹元伍角伍分'],
    ['10.50', '壹拾元伍角整'],
    ['100.05', '壹佰元零伍分'],
    // tens and zeros inside
    ['20.00', '贰拾元整'],
    ['110.00', '壹佰壹拾元整'],
    ['101.00', '壹佰零壹元整'],
    ['1,001.00', '壹仟零壹元整'],
    ['1,010.00', '壹仟零壹拾元整'],
    ['100,000.00', '壹拾万元整'],
    ['105,000.00', '壹拾万零伍仟元整'], // the 万 digit is zero: one 零, as in 叁拾万零伍佰
    ['10,000,000.00', '壹仟万元整'],
    ['10,010,000.00', '壹仟零壹万元整'],
    ['20,000,500.00', '贰仟万零伍佰元整'],
    ['12,345,678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    // 亿 and 万 sections that are zero
    ['100,000,000.00', '壹亿元整'],
    ['100,010,000.00', '壹亿零壹万元整'],
    ['100,000,001.00', '壹亿零壹元整'],
    ['110,000,000.00', '壹亿壹仟万元整'],
    ['1,000,100,000.00', '壹拾亿零壹拾万元整'],
    ['1,000,000,000,000.00', '壹万亿元整'],
    ['1,000,100,000,000.00', '壹万零壹亿元整'],
    ['1,000,000,000,001.01', '壹万亿零壹元零壹分'],
    ['10,000,001,000,000.00', '壹拾万亿零壹佰万元整'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(yuan(amount))).toBe(words);
  });

  it('reads the largest safe amount', () => {
    expect(amountInWords(Number.MAX_SAFE_INTEGER)).toBe(
      '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分', // 90万 0719亿 9254万 7409 元 .91
    );
  });

  it('prefixes 人民币 without a space', () => {
    expect(amountInWords(1_640_902, { prefix: true })).toBe('人民币壹万陆仟肆佰零玖元零贰分');
    expect(amountInWords(0, { prefix: true })).toBe('人民币零元整');
    expect(amountInWords(1000, { prefix: false })).toBe('壹拾元整');
  });

  it('reads a negative amount with 负, after 人民币', () => {
    expect(amountInWords(-1000)).toBe('负壹拾元整');
    expect(amountInWords(-5, { prefix: true })).toBe('人民币负伍分');
  });

  it('refuses amounts that are not integer fen', () => {
    expect(() => amountInWords(10.5)).toThrow(/integer number of fen/);
  });
});
