import { assertFen, type Fen, MoneyError } from './fen.ts';

/** `¥1,234.56` (symbol) or `1,234.56 元` (suffix); negatives lead with `-`. */
export function formatYuan(fen: Fen, style: 'symbol' | 'suffix' = 'symbol'): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  const sign = fen < 0 ? '-' : '';
  return style === 'symbol' ? `${sign}¥${yuan}.${cents}` : `${sign}${yuan}.${cents} 元`;
}

// Digits either plain or grouped by threes with commas from the first group on; at most two decimals.
const YUAN_TEXT = /^(-)?(?:([¥￥])\s*)?([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:\s*(元))?$/;

/** Reads an amount typed or printed in yuan (`¥1,234.56`, `1,234.56 元`, `-1234.5`, `￥12`) as fen. */
export function parseYuan(text: string): Fen {
  const m = YUAN_TEXT.exec(text.trim());
  if (!m || (m[2] && m[5])) {
    throw new MoneyError(
      'BAD_AMOUNT_TEXT',
      `"${text}" is not an amount in yuan (expected e.g. 1234.56, 1,234.56, ¥1,234.56 or 1,234.56 元)`,
    );
  }
  const fen = BigInt(m[3]!.replaceAll(',', '')) * 100n + BigInt((m[4] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError('UNSAFE_AMOUNT', `"${text}" is beyond the largest amount that can be stored`);
  }
  const n = Number(fen);
  return m[1] && n !== 0 ? -n : n;
}
