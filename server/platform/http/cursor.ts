import { AppError } from '../errors.ts';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, arity: number): T | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string')) return v as T;
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
