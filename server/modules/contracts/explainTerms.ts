import type { z } from 'zod';
import type { explanationBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent } from './lifecycle.ts';
import { updateContractRow } from './repo.ts';

/** R3.1.3: the business user explained the terms; who heard it, when, which clauses were stressed. */
export async function explainTerms(
  ctx: Ctx,
  id: string,
  body: z.output<typeof explanationBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'explain');
  notAfter(today, body.explainedOn, 'explainedOn');
  const explanation = { ...body, recordedBy: ctx.actor.id };
  const after = await updateContractRow(ctx.tx, id, { explanation });
  await recordEvent(ctx, c, 'explained', body.explainedOn, {
    explainedTo: body.explainedTo,
    highlightedClauses: body.highlightedClauses,
  });
  return after;
}
