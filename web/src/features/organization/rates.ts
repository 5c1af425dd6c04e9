/**
 * VAT rates travel as decimal fractions ("0.09") and are typed as percentages (9). The conversion moves the
 * decimal point in the text, so no binary float ever touches a rate.
 */
const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

const trimLeadingZeros = (digits: string) => digits.replace(/^0+(?=\d)/, '');
const trimTrailingZeros = (digits: string) => digits.replace(/0+$/, '');

function join(integer: string, fraction: string): string {
  const int = trimLeadingZeros(integer || '0');
  const frac = trimTrailingZeros(fraction);
  return frac ? `${int}.${frac}` : int;
}

function parts(value: string | number): [string, string] {
  const text = String(value).trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`Not a decimal number: ${text}`);
  return [m[1]!, m[2] ?? ''];
}

/** 9 → "0.09", "6.5" → "0.065", 100 → "1". */
export function percentToRate(percent: string | number): string {
  const [integer, fraction] = parts(percent);
  const padded = integer.padStart(3, '0');
  return join(padded.slice(0, -2), padded.slice(-2) + fraction);
}

/** "0.09" → "9", "0.065" → "6.5", "1" → "100". */
export function rateToPercent(rate: string): string {
  const [integer, fraction] = parts(rate);
  const padded = fraction.padEnd(2, '0');
  return join(integer + padded.slice(0, 2), padded.slice(2));
}

/** A percentage the rate schema accepts: 0 to 100 with at most two decimals (four in the fraction). */
export function isPercent(value: string | number | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const text = String(value).trim();
  return /^\d{1,3}(\.\d{1,2})?$/.test(text) && Number(text) <= 100;
}
