import type { Ctx } from '../../platform/context.ts';
import { planContract } from '../billing/index.ts';
import { scheduleVersions } from './amendments.ts';
import { listContracts, versionsOf } from './repo.ts';

/**
 * Hands the contract as it now stands to billing (DESIGN: contracts call billing, billing never writes
 * contracts): on signing or import, when an amendment comes into force and on termination.
 */
export async function replanCharges(ctx: Ctx, id: string, today: string, reason: string | null) {
  const [c] = await listContracts(ctx.tx, { id, limit: 1 });
  const versions = scheduleVersions(await versionsOf(ctx.tx, [id]));
  if (!c?.signedOn || !versions.length) return;
  await planContract(
    ctx,
    {
      contractId: c.id,
      customerId: c.customerId,
      signedOn: c.signedOn,
      billedThrough: c.billedThrough,
      endsOn: c.terminatedOn,
      versions,
    },
    today,
    reason,
  );
}
