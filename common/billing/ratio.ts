import { assertFen } from '../money.ts';

/**
 * part / whole as a decimal fraction string with `places` decimals, rounded half up, computed on integers
 * (no float ever holds the ratio): ratio(985, 1000) = "0.9850", i.e. 98.50 %. Null when whole is zero.
 */
export function ratio(part: number, whole: number, places = 4): string | null {
  assertFen(part, 'part');
  assertFen(whole, 'whole');
  if (whole === 0) return null;
  const negative = part < 0 !== whole < 0 && part !== 0;
  const p = BigInt(Math.abs(part));
  const w = BigInt(Math.abs(whole));
  const scale = 10n ** BigInt(places);
  // floor((2 p scale + w) / 2w) = p scale / w rounded half up
  const q = (2n * p * scale + w) / (2n * w);
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  return `${negative && q !== 0n ? '-' : ''}${int}${places ? `.${frac}` : ''}`;
}
