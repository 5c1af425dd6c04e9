import type { Ctx } from '../../platform/context.ts';
import { postOpeningBalances } from '../billing/index.ts';
import { type OpeningData, openingOf, problemOf } from './openingRows.ts';
import type { RowError } from './reasons.ts';
import { goodRows, markRowErrors } from './repo.ts';

/**
 * Posts the batch's good opening balance rows through billing's postOpeningBalances, which checks them
 * again under the customers' money locks. Rows refused now (a contract cancelled, a charge billed since the
 * preview) are marked with the reason, so the preview shows them; all-or-nothing then posts nothing.
 */
export async function commitOpeningBalances(
  ctx: Ctx,
  batchId: string,
  allOrNothing: boolean,
  today: string,
): Promise<{ imported: number; failed: number }> {
  const rows = await goodRows(ctx.tx, batchId);
  const data = new Map(rows.map((r) => [r.rowNo, r.data as unknown as OpeningData]));
  const outcome = await postOpeningBalances(ctx, {
    batchId,
    today,
    allOrNothing,
    rows: rows.map((r) => openingOf(r.rowNo, data.get(r.rowNo)!)),
  });
  const failures = new Map<number, RowError[]>();
  for (const p of outcome.problems)
    failures.set(p.ref, [...(failures.get(p.ref) ?? []), problemOf(p, data.get(p.ref)!)]);
  await markRowErrors(
    ctx.tx,
    batchId,
    [...failures].map(([rowNo, errors]) => ({ rowNo, errors })),
  );
  return { imported: outcome.posted, failed: failures.size };
}
