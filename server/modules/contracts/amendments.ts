import type { ScheduleVersion } from '../../../common/billing/schedule.ts';
import { addDays, addMonths, minDate } from '../../../common/dates.ts';
import type { ContractTerms } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { occupyUnits, releaseUnits } from '../spaces/index.ts';
import type { VersionRow } from './repo.ts';

/** The versions in force, in order of their effective dates (version 1 first). */
export const inForce = (versions: VersionRow[]) =>
  versions.filter((v) => v.status === 'in_force').sort((a, b) => a.version - b.version);

/** The versions in force as the charge schedule reads them: terms with their frozen snapshots. */
export const scheduleVersions = (versions: VersionRow[]): ScheduleVersion[] =>
  inForce(versions).map((v) => ({ effectiveFrom: v.effectiveFrom, terms: v.terms, snapshot: v.snapshot! }));

/**
 * Where the current sequence of periods started: the start date, or the last amendment that changed the
 * billing cycle (a new cycle starts a new sequence on a period boundary).
 */
function sequenceStart(versions: VersionRow[]): { from: string; months: number } {
  let seq = { from: versions[0]!.effectiveFrom, months: versions[0]!.terms.billingCycleMonths };
  for (const v of versions.slice(1)) {
    if (v.terms.billingCycleMonths !== seq.months)
      seq = { from: v.effectiveFrom, months: v.terms.billingCycleMonths };
  }
  return seq;
}

/** A change of billing cycle takes effect on the first day of a period of the current sequence. */
export function checkCycleChange(versions: VersionRow[], terms: ContractTerms, effectiveFrom: string) {
  const seq = sequenceStart(inForce(versions));
  if (terms.billingCycleMonths === seq.months) return;
  for (let k = 0; ; k++) {
    const start = addMonths(seq.from, k * seq.months);
    if (start === effectiveFrom) return;
    if (start > effectiveFrom)
      throw new AppError('CONTRACT_CYCLE_CHANGE_BOUNDARY', { date: start }, 'effectiveFrom');
  }
}

/** Each unit's leased ranges under the versions in force: a version holds from its date to the next one's. */
export function leasedRanges(versions: VersionRow[]): { unitId: string; from: string; to: string }[] {
  const vs = inForce(versions);
  const last = vs.at(-1)!.terms.endDate;
  const out: { unitId: string; from: string; to: string }[] = [];
  vs.forEach((v, i) => {
    const from = v.effectiveFrom;
    const next = vs[i + 1];
    const to = next ? addDays(next.effectiveFrom, -1) : last;
    if (to < from) return;
    for (const u of v.terms.units) {
      const open = out.find((r) => r.unitId === u.unitId && addDays(r.to, 1) === from);
      if (open) open.to = to;
      else out.push({ unitId: u.unitId, from, to });
    }
  });
  return out.filter((r) => r.from <= last).map((r) => ({ ...r, to: minDate(r.to, last) }));
}

/** The contract's hold on its units, redrawn from the versions in force (an approved amendment). */
export async function relet(ctx: Ctx, contract: { id: string; customerId: string }, versions: VersionRow[]) {
  await releaseUnits(ctx, 'contract', contract.id);
  for (const r of leasedRanges(versions)) {
    await occupyUnits(ctx, {
      unitIds: [r.unitId],
      kind: 'leased',
      from: r.from,
      to: r.to,
      sourceType: 'contract',
      sourceId: contract.id,
      customerId: contract.customerId,
    });
  }
}
