import Decimal from 'decimal.js';

/** A reading as typed: digits with at most two decimals. */
export const READING = /^\d{1,12}(\.\d{1,2})?$/;

export interface Draft {
  value: string;
  replacement: boolean;
  startValue: string;
}

/**
 * The consumption the server will compute, shown while typing: (value - last) x multiplier, or from the
 * new meter's start value after a replacement. Null until the input is a reading; negative shows a
 * reading below the last (refused unless it is a replacement).
 */
export function liveConsumption(
  draft: Draft | undefined,
  last: string | null,
  multiplier: string,
): string | null {
  if (!draft || !READING.test(draft.value.trim())) return null;
  if (draft.replacement) {
    if (!READING.test(draft.startValue.trim())) return null;
    return new Decimal(draft.value.trim()).sub(draft.startValue.trim()).mul(multiplier).toFixed();
  }
  if (last === null) return '0';
  return new Decimal(draft.value.trim()).sub(last).mul(multiplier).toFixed();
}

/** The server's row problems (`rows.3.value`) by the meter of each submitted row. */
export function problemsByMeter(
  problems: { row: number; message: string }[],
  submitted: { meterId: string }[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const meterId = submitted[p.row]?.meterId;
    if (meterId) out[meterId] = [...(out[meterId] ?? []), p.message];
  }
  return out;
}
