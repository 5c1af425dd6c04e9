import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { presentBatch, presentRow } from './present.ts';
import { findBatch, listBatches, listRows } from './repo.ts';

export async function getBatch(ctx: Ctx, id: string) {
  const b = await findBatch(ctx.tx, id);
  if (!b) throw notFound('import');
  return presentBatch(b);
}

export async function findBatches(ctx: Ctx, q: { cursor?: string; limit: number }) {
  const c = decodeCursor<[string]>(q.cursor, 1, [CURSOR_PART.uuid]);
  const list = await listBatches(ctx.tx, { before: c?.[0], limit: q.limit + 1 });
  return page(list, q.limit, (b) => [b.id], presentBatch);
}

/** The rows of a batch in sheet order, or only those with problems: the preview. */
export async function findRows(
  ctx: Ctx,
  id: string,
  q: { onlyErrors?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const b = await findBatch(ctx.tx, id);
  if (!b) throw notFound('import');
  const c = decodeCursor<[string]>(q.cursor, 1, [CURSOR_PART.integer]);
  const after = c ? Number(c[0]) : undefined;
  const list = await listRows(ctx.tx, id, {
    onlyErrors: q.onlyErrors === 'true',
    afterRowNo: after,
    limit: q.limit + 1,
  });
  return page(
    list,
    q.limit,
    (r) => [String(r.rowNo)],
    (r) => presentRow(b.kind, r, ctx.locale),
  );
}
