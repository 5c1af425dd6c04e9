import type { z } from 'zod';
import type { updateContractBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { orgFacts } from '../orgs/index.ts';
import { approvedApplication } from './createContract.ts';
import { lockOrFail, nextStatus, recordEvent } from './lifecycle.ts';
import { updateContractRow, updateVersionRow, versionsOf } from './repo.ts';
import { checkTerms } from './terms.ts';

/** A draft's terms and notes; the same checks as drafting. */
export async function updateContract(
  ctx: Ctx,
  id: string,
  body: z.output<typeof updateContractBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'edit');
  const [v1] = await versionsOf(ctx.tx, [id]);
  const terms = body.terms ?? v1!.terms;
  const a = c.applicationId ? await approvedApplication(ctx, c.applicationId, c.customerId, c.id) : null;
  const org = await orgFacts(ctx);
  await checkTerms(ctx, terms, {
    settings: org.settings,
    ownSources: [c.id, ...(a ? [a.id] : []), ...(c.renewalOf ? [c.renewalOf] : [])],
    noticeIssuedOn: a?.noticeIssuedOn ?? null,
    prefix: 'terms.',
  });
  await updateVersionRow(ctx.tx, id, 1, { terms, effectiveFrom: terms.startDate });
  const after = await updateContractRow(ctx.tx, id, {
    startDate: terms.startDate,
    endDate: terms.endDate,
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
  });
  await recordEvent(
    ctx,
    c,
    'edited',
    today,
    {},
    {
      before: { terms: v1!.terms, notes: c.notes },
      after: { terms, notes: after.notes },
    },
  );
  return after;
}
