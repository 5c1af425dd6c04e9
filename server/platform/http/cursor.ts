import { AppError } from '../errors.ts';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** Shapes of cursor parts that go into SQL casts: a part of another shape is a 400, not a failed cast. */
export const CURSOR_PART = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** An instant to the microsecond, as the lists that page by time write it. */
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  integer: /^-?\d{1,15}$/,
};

/** The parts of a cursor, each of the given shape where one is given (`undefined` takes any string). */
export function decodeCursor<T extends unknown[]>(
  cursor: string | undefined,
  arity: number,
  shapes: readonly (RegExp | undefined)[] = [],
): T | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === arity &&
      v.every((x, i) => typeof x === 'string' && (shapes[i]?.test(x) ?? true))
    )
      return v as T;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor', detail: 'invalid cursor' }, 'cursor');
}

/** Fetch limit + 1 rows; the extra one tells whether another page exists. */
export function page<R, V>(rows: R[], limit: number, key: (r: R) => unknown[], view: (r: R) => V) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return {
    items: items.map(view),
    nextCursor: more && items.length ? encodeCursor(key(items[items.length - 1]!)) : null,
  };
}
