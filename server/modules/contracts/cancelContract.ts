import type { Ctx } from '../../platform/context.ts';
import { lockOrFail, nextStatus, recordEvent } from './lifecycle.ts';
import { updateContractRow } from './repo.ts';

/** A contract that will not be signed; its number stays used, so the ledger has no gap. */
export async function cancelContract(ctx: Ctx, id: string, reason: string, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'cancel');
  const after = await updateContractRow(ctx.tx, id, { status, cancelReason: reason });
  await recordEvent(
    ctx,
    c,
    'cancelled',
    today,
    { reason },
    { before: { status: c.status }, after: { status, reason } },
  );
  return after;
}
