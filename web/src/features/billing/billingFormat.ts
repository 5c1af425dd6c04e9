import { MoneyError, parseYuan } from '../../../../common/money.ts';
import { fractionToPercent } from '../applications/applicationsFormat.ts';
import type { BillStatus, PaymentStatus } from './billingApi.ts';

/** Open bills in blue, part-paid in gold, settled in green; a bill cancelled by a credit note is grey. */
export const BILL_STATUS_COLORS: Record<BillStatus, string> = {
  open: 'blue',
  partially_paid: 'gold',
  paid: 'green',
  credited: 'default',
};

export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, string> = {
  received: 'green',
  reversed: 'red',
};

/** The largest payment the API takes (10 亿元), in fen; the preview with it lists every open line. */
export const MAX_PAYMENT_FEN = 100_000_000_000;

/**
 * An amount typed in yuan (`12,345.6`, `¥100`, `100 元`) as fen through the shared parser, never a float
 * product; null unless it is more than zero and no more than a payment may be.
 */
export function paymentFen(text: string | undefined | null): number | null {
  let fen: number;
  try {
    fen = parseYuan(text ?? '');
  } catch (e) {
    if (e instanceof MoneyError) return null;
    throw e;
  }
  return fen > 0 && fen <= MAX_PAYMENT_FEN ? fen : null;
}

/** "0.0900" → "9": a tax rate from the API as the percentage on an invoice. */
export function ratePercent(rate: string): string {
  return `${fractionToPercent(rate)}%`;
}

export interface ChosenLine {
  lineId: string;
  outstandingFen: number;
}

/**
 * What a payment settles when the cashier picks the lines: each chosen line in turn takes what it still
 * owes until the money runs out, the rest is the customer's credit (the server spends it the same way).
 */
export function allocateChosen(
  lines: readonly ChosenLine[],
  amountFen: number,
): { items: { lineId: string; amountFen: number }[]; toCreditFen: number } {
  let left = amountFen;
  const items: { lineId: string; amountFen: number }[] = [];
  for (const line of lines) {
    const take = Math.min(left, Math.max(line.outstandingFen, 0));
    if (take > 0) items.push({ lineId: line.lineId, amountFen: take });
    left -= take;
  }
  return { items, toCreditFen: left };
}

/**
 * A key that makes a double click or a retried request record one payment. crypto.randomUUID exists only
 * in secure contexts (https, localhost); on plain http inside a company network the random bytes still do.
 */
export function newIdempotencyKey(
  c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
) {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return `pay-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
