import Decimal from 'decimal.js';
import type { Fen } from './fen.ts';

/*
 * Registered capital (注册资本) is stated in 万元 (10,000 yuan) on licences and sheets and kept in fen:
 * 1 万元 = 1,000,000 fen, so up to six decimals convert exactly; more would not be a whole number of fen.
 */
const WAN_TEXT = /^\d{1,12}(\.\d{1,6})?$/;
const FEN_PER_WAN = 1_000_000;

/** '500' → 500,000,000 fen; '12.5' → 12,500,000; null for text that is not such an amount. */
export function parseWanYuan(text: string): Fen | null {
  const s = text.trim().replaceAll(',', '');
  if (!WAN_TEXT.test(s)) return null;
  const fen = new Decimal(s).mul(FEN_PER_WAN);
  if (!fen.isInteger() || fen.gt(Number.MAX_SAFE_INTEGER)) return null;
  return fen.toNumber();
}

/** 500,000,000 fen → '500'; 12,345,678 fen → '12.345678' (no trailing zeros). */
export function formatWanYuan(fen: Fen): string {
  return new Decimal(fen).div(FEN_PER_WAN).toFixed();
}
