import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { releaseUnits } from '../spaces/index.ts';
import { auditApplication, lockOrFail, nextStatus, statusLabel } from './lifecycle.ts';
import { type ApplicationRow, listApplications, lockApplication, updateApplicationRow } from './repo.ts';

/** What the contract module reads of an application: who, what was approved, the notice's dates. */
export async function applicationForContract(
  ctx: Ctx,
  id: string,
): Promise<ApplicationRow & { statusLabel: string }> {
  const a = await lockApplication(ctx.tx, id);
  if (!a) throw notFound('application');
  return { ...a, statusLabel: statusLabel(ctx, a.status) };
}

/**
 * The contract is signed (R3.1.1): the application is done, and its hold on the units gives way to the
 * contract's lease, taken by the caller in the same transaction.
 */
export async function markContracted(ctx: Ctx, id: string, contract: { id: string; number: string }) {
  const a = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, a, 'contract');
  await releaseUnits(ctx, 'application', a.id);
  const after = await updateApplicationRow(ctx.tx, a.id, { status, closedAt: new Date() });
  await auditApplication(ctx, a, {
    action: 'application.contract',
    before: { status: a.status },
    after: { status, contractId: contract.id, contractNumber: contract.number },
  });
  return after!;
}

/** The application a contract shows (number, notice), read without a lock. */
export async function applicationRef(ctx: Ctx, id: string) {
  const [a] = await listApplications(ctx.tx, { id, limit: 1 });
  return a ? { id: a.id, number: a.number, noticeSignBy: a.noticeSignBy } : null;
}
