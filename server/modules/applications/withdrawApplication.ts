import { type Ctx, nowOf } from '../../platform/context.ts';
import { auditApplication, closeApplication, lockOrFail, nextStatus } from './lifecycle.ts';
import { updateApplicationRow } from './repo.ts';

/** The applicant side takes the application back, with a reason, before a contract is signed. */
export async function withdrawApplication(ctx: Ctx, id: string, reason: string) {
  const a = await lockOrFail(ctx, id);
  const next = nextStatus(ctx, a, 'withdraw');
  const after = await updateApplicationRow(ctx.tx, id, {
    status: next,
    withdrawReason: reason,
    stageDueOn: null,
    closedAt: nowOf(ctx),
  });
  await closeApplication(ctx, a);
  await auditApplication(ctx, a, {
    action: 'application.withdraw',
    before: { status: a.status },
    after: { status: next, reason },
  });
  return after!;
}
