import { chargeSchedule, cutAt } from '../../../common/billing/schedule.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { getCustomer } from '../customers/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { unitFacts } from '../spaces/index.ts';
import { scheduleVersions } from './amendments.ts';
import { listContracts, versionsOf } from './repo.ts';
import { snapshotOf } from './terms.ts';

/**
 * The contract's charges for its whole term. A signed contract uses its versions in force with their
 * frozen snapshots; a draft is priced as it would be signed today (live unit areas and settings).
 */
export async function scheduleOf(ctx: Ctx, id: string) {
  const [c] = await listContracts(ctx.tx, { id, limit: 1 });
  if (!c) throw notFound('contract');
  const versions = await versionsOf(ctx.tx, [id]);
  let input = scheduleVersions(versions);
  if (input.length) {
    // A termination brings the end forward: the last period is cut there.
    if (c.terminatedOn) input = cutAt(input, c.terminatedOn);
  } else {
    const draft = versions[0]!;
    const units = await unitFacts(
      ctx.tx,
      draft.terms.units.map((u) => u.unitId),
    );
    const ordered = draft.terms.units.flatMap((u) => units.filter((f) => f.id === u.unitId));
    const { settings } = await orgFacts(ctx);
    const snapshot = snapshotOf(draft.terms, ordered, await getCustomer(ctx, c.customerId), settings);
    input = [{ effectiveFrom: draft.effectiveFrom, terms: draft.terms, snapshot }];
  }
  return { lines: chargeSchedule(input) };
}
