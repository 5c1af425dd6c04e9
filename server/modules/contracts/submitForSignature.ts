import type { Ctx } from '../../platform/context.ts';
import { lockOrFail, nextStatus, recordEvent } from './lifecycle.ts';
import { updateContractRow } from './repo.ts';

/** The draft is ready: the terms are explained to the customer next, then signed. */
export async function submitForSignature(ctx: Ctx, id: string, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'submit');
  const after = await updateContractRow(ctx.tx, id, { status });
  await recordEvent(ctx, c, 'submitted', today, {}, { before: { status: c.status }, after: { status } });
  return after;
}

/** Back to drafting: an explanation given for the old terms no longer counts. */
export async function reopenContract(ctx: Ctx, id: string, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'reopen');
  const after = await updateContractRow(ctx.tx, id, { status, explanation: null });
  await recordEvent(
    ctx,
    c,
    'reopened',
    today,
    {},
    {
      before: { status: c.status, explanation: c.explanation },
      after: { status, explanation: null },
    },
  );
  return after;
}
