import Decimal from 'decimal.js';
import { INTENDED_USE_LABELS } from '../../../common/applications/labels.ts';
import { billingAreaOf } from '../../../common/contracts/rent.ts';
import { addDays, addYears } from '../../../common/dates.ts';
import { UNIT_TYPE_LABELS } from '../../../common/labels.ts';
import { USES_BY_UNIT_TYPE } from '../../../common/schemas/applications.ts';
import type { ContractTerms, TermsSnapshot } from '../../../common/schemas/contracts.ts';
import type { OrgSettings } from '../../../common/schemas/organization.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { occupancyConflicts, type UnitFacts, unitFacts } from '../spaces/index.ts';

/** Art. 705: the last day a lease starting on `start` may run to. */
export const latestEnd = (start: string) => addDays(addYears(start, 20), -1);

const PRICE = /^\d{1,8}(\.\d{1,4})?$/;
const FRACTION = /^0(\.\d{1,6})?$|^1(\.0{1,6})?$/;

export interface TermsContext {
  settings: OrgSettings;
  /** Holds that do not count against the units: this contract's and its application's. */
  ownSources: string[];
  /** The admission notice's issue date: the lease cannot start before it. */
  noticeIssuedOn?: string | null;
  /** Where the field paths start ("terms." on a contract body). */
  prefix: string;
  /** An amendment keeps the original start date and checks the units from its effective date. */
  fixedStart?: string;
  unitsFrom?: string;
}

/**
 * Every rule the terms must keep, each failure naming its field: dates and the 20-year limit, ranges
 * inside the term, escalation values, the late-fee limit, use against unit type, and units free for the
 * term (other than this contract's own holds). Returns the units' facts for the snapshot.
 */
export async function checkTerms(ctx: Ctx, t: ContractTerms, c: TermsContext): Promise<UnitFacts[]> {
  const f = (path: string) => `${c.prefix}${path}`;
  if (c.fixedStart && t.startDate !== c.fixedStart)
    throw new AppError('CONTRACT_AMENDMENT_START_FIXED', { date: c.fixedStart }, f('startDate'));
  if (t.endDate < t.startDate) throw new AppError('CONTRACT_END_BEFORE_START', {}, f('endDate'));
  const max = latestEnd(t.startDate);
  if (t.endDate > max) throw new AppError('CONTRACT_TERM_TOO_LONG', { max }, f('endDate'));
  if (c.noticeIssuedOn && t.startDate < c.noticeIssuedOn)
    throw new AppError('CONTRACT_START_BEFORE_NOTICE', { date: c.noticeIssuedOn }, f('startDate'));
  const term = { start: t.startDate, end: t.endDate };
  const label = (zh: string, en: string) => (ctx.locale === 'en' ? en : zh);

  const free = [...t.rentFree.entries()].sort((a, b) => (a[1].from < b[1].from ? -1 : 1));
  for (const [i, r] of t.rentFree.entries()) {
    const what = label('免租期', 'A rent-free period');
    if (r.to < r.from) throw new AppError('CONTRACT_RANGE_INVALID', { what }, f(`rentFree.${i}.to`));
    if (r.from < term.start)
      throw new AppError('CONTRACT_RANGE_OUTSIDE_TERM', { what, ...term }, f(`rentFree.${i}.from`));
    if (r.to > term.end)
      throw new AppError('CONTRACT_RANGE_OUTSIDE_TERM', { what, ...term }, f(`rentFree.${i}.to`));
  }
  for (let k = 1; k < free.length; k++) {
    const [i, r] = free[k]!;
    if (r.from <= free[k - 1]![1].to)
      throw new AppError('CONTRACT_RANGE_OVERLAP', { from: r.from, to: r.to }, f(`rentFree.${i}.from`));
  }
  for (const [i, e] of t.escalations.entries()) {
    const what = label('租金递增', 'A rent increase');
    if (e.from <= term.start || e.from > term.end)
      throw new AppError('CONTRACT_RANGE_OUTSIDE_TERM', { what, ...term }, f(`escalations.${i}.from`));
    const ok = e.kind === 'percent' ? FRACTION.test(e.value) : PRICE.test(e.value);
    if (!ok) throw new AppError('CONTRACT_ESCALATION_VALUE', {}, f(`escalations.${i}.value`));
  }
  const limit = c.settings.admission.maxPenaltyRatePerDay;
  if (new Decimal(t.lateFee.dailyRate).gt(limit))
    throw new AppError(
      'CONTRACT_LATE_FEE_ABOVE_LIMIT',
      { rate: t.lateFee.dailyRate, limit },
      f('lateFee.dailyRate'),
    );

  // A fixed sum a month is the rent of the premises, not of each unit: one unit, or per-unit rents.
  if (t.rent.basis === 'fixed_month' && t.units.filter((u) => !u.rent).length > 1)
    throw new AppError('CONTRACT_FIXED_RENT_UNITS', {}, f('rent.basis'));
  const ids = t.units.map((u) => u.unitId);
  const facts = await unitFacts(ctx.tx, ids);
  const byId = new Map(facts.map((u) => [u.id, u]));
  const seen = new Set<string>();
  for (const [i, u] of t.units.entries()) {
    const unit = byId.get(u.unitId);
    if (!unit || unit.retired) throw new AppError('NOT_FOUND', { entity: 'unit' }, f(`units.${i}.unitId`));
    if (seen.has(u.unitId))
      throw new AppError('CONTRACT_UNIT_DUPLICATE', { code: unit.code }, f(`units.${i}.unitId`));
    seen.add(u.unitId);
    if (!(USES_BY_UNIT_TYPE[unit.type] as readonly string[]).includes(t.use)) {
      throw new AppError(
        'CONTRACT_USE_MISMATCH',
        {
          use: INTENDED_USE_LABELS[t.use][ctx.locale],
          code: unit.code,
          type: UNIT_TYPE_LABELS[unit.type][ctx.locale],
        },
        f('use'),
      );
    }
  }
  const from = c.unitsFrom ?? t.startDate;
  const conflicts = await occupancyConflicts(ctx.tx, ids, from, t.endDate, c.ownSources);
  if (conflicts.length) {
    const x = conflicts[0]!;
    const i = ids.indexOf(x.unitId);
    throw new AppError(
      'UNIT_NOT_AVAILABLE',
      { code: byId.get(x.unitId)!.code, from: x.fromDate, to: x.toDate },
      f(`units.${i}.unitId`),
    );
  }
  return t.units.map((u) => byId.get(u.unitId)!);
}

/** What signing or an approved amendment freezes (see termsSnapshot). */
export function snapshotOf(
  t: ContractTerms,
  units: UnitFacts[],
  customer: { name: string; uscc: string },
  settings: OrgSettings,
): TermsSnapshot {
  return {
    customer: { name: customer.name, uscc: customer.uscc },
    units: units.map((u) => ({
      unitId: u.id,
      code: u.code,
      type: u.type,
      siteName: u.siteName,
      buildingName: u.buildingName,
      address: u.address,
      floor: u.floor,
      grossArea: u.grossArea,
      insideArea: u.insideArea,
      usableArea: u.usableArea,
      billingArea: billingAreaOf(u, t.areaBasis),
      certificateNo: u.certificateNo,
    })),
    settings: {
      daysPerYear: settings.billing.daysPerYear,
      leadDays: settings.billing.leadDays,
      rounding: 'half_up',
    },
  };
}

/**
 * An amendment's snapshot: units already in the signed snapshot keep their frozen areas (a unit re-measured
 * since does not change a signed lease's money), and the customer and settings stay as signed; only units
 * the amendment adds are read as they are now.
 */
export function amendedSnapshot(
  previous: TermsSnapshot,
  fresh: TermsSnapshot,
  basis: ContractTerms['areaBasis'],
): TermsSnapshot {
  return {
    customer: previous.customer,
    settings: previous.settings,
    units: fresh.units.map((u) => {
      const frozen = previous.units.find((p) => p.unitId === u.unitId);
      return frozen ? { ...frozen, billingArea: billingAreaOf(frozen, basis) } : u;
    }),
  };
}
