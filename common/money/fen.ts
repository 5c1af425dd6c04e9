/** Money is an integer number of fen (分, 1/100 yuan), never a float. */
export type Fen = number;

export type MoneyErrorCode =
  | 'NOT_INTEGER'
  | 'UNSAFE_AMOUNT'
  | 'BAD_RATE'
  | 'BAD_DECIMAL'
  | 'BAD_DIVISOR'
  | 'BAD_WEIGHTS'
  | 'BAD_COUNT'
  | 'BAD_AMOUNT_TEXT';

export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
  }
}

/** Returns `x` when it is a safe integer number of fen; throws MoneyError otherwise. */
export function assertFen(x: unknown, what = 'amount'): Fen {
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new MoneyError('NOT_INTEGER', `${what} must be an integer number of fen, got ${String(x)}`);
  }
  if (!Number.isSafeInteger(x)) {
    throw new MoneyError('UNSAFE_AMOUNT', `${what} ${x} fen is beyond the safe integer range`);
  }
  return x;
}
