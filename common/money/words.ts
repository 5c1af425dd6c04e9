import { assertFen, type Fen } from './fen.ts';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/**
 * The yuan part in words, read digit by digit from the left. Rules (DOMAIN.md, 人民币大写):
 * - every non-zero digit is said with its unit, so a leading ten is 壹拾;
 * - a run of zeros between two non-zero digits is one 零, also across 万 and 亿 (壹佰万零肆仟, 壹亿零壹万);
 *   zeros at the end are silent;
 * - 万 closes the 万 section (and the 万亿 section) only when that section has a non-zero digit, while 亿
 *   closes everything above it whenever the amount reaches 亿 (壹万亿, not 壹万).
 */
function yuanInWords(yuan: number): string {
  const digits = String(yuan);
  let out = '';
  let pendingZero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    const pos = digits.length - 1 - i;
    if (d === 0) {
      pendingZero = out !== '';
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += DIGITS[d]! + SMALL_UNITS[pos % 4]!;
      sectionHasDigit = true;
    }
    if (pos % 8 === 0 && pos > 0) {
      out += '亿';
      sectionHasDigit = false;
    } else if (pos % 4 === 0 && pos > 0) {
      if (sectionHasDigit) out += '万';
      sectionHasDigit = false;
    }
  }
  return out;
}

/**
 * 人民币大写, e.g. 16,409.02 → 壹万陆仟肆佰零玖元零贰分. 整 follows 元 or 角, never 分; below one yuan neither
 * 元 nor a leading 零 is written (0.05 → 伍分). `prefix` puts 人民币 in front, without a space; a negative
 * amount reads 负… (人民币负… with the prefix).
 */
export function amountInWords(fen: Fen, options: { prefix?: boolean } = {}): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;

  let words: string;
  if (abs === 0) {
    words = '零元整';
  } else {
    words = yuan > 0 ? `${yuanInWords(yuan)}元` : '';
    if (jiao === 0 && fenDigit === 0) words += '整';
    else if (jiao === 0) words += `${yuan > 0 ? '零' : ''}${DIGITS[fenDigit]}分`;
    else words += `${DIGITS[jiao]}角${fenDigit === 0 ? '整' : `${DIGITS[fenDigit]}分`}`;
  }
  return `${options.prefix ? '人民币' : ''}${fen < 0 ? '负' : ''}${words}`;
}
