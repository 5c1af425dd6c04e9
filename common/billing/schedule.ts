import Decimal from 'decimal.js';
import { monthlyAmount, priceOn, rentOf } from '../contracts/rent.ts';
import { addDays, addMonths, daysInclusive, minDate } from '../dates.ts';
import { type Fen, taxFromExclusive, taxFromInclusive } from '../money.ts';
import type { ContractTerms, TermsSnapshot } from '../schemas/contracts.ts';

/*
 * The charge schedule of a contract: a pure function of its versions in force (docs/billing.md has the
 * rules in words). Periods follow the start date by the billing cycle; money is worked out per contract
 * month (month k starts on start + k months, clamped at month ends): a month wholly inside a period at one
 * amount and without a rent-free day costs the monthly amount, any other month costs, for each chargeable
 * day, that day's monthly amount divided by the days of that contract month. Each line is summed exactly
 * and rounded half up to the fen once.
 */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export interface ScheduleVersion {
  effectiveFrom: string;
  terms: ContractTerms;
  snapshot: TermsSnapshot;
}

export type ChargeType = 'rent' | 'property_fee' | 'other';

export interface ScheduleLine {
  chargeType: ChargeType;
  unitId: string | null;
  /** For `other`: the charge's name. */
  name: string | null;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  issueDate: string;
  netFen: Fen;
  taxFen: Fen;
  totalFen: Fen;
  vatRate: string;
}

interface Period {
  start: string;
  end: string;
  /** Index of the contract month the period starts with. */
  month: number;
}

/** What one charge costs on one day: a month's amount, or nothing (not let that day, or rent-free). */
type DayAmount = { monthly: Dec; taxInclusive: boolean; vatRate: string } | null;

/** The version in force on a day: the latest whose effective date is on or before it. */
function versionOn(versions: ScheduleVersion[], day: string): ScheduleVersion {
  let v = versions[0]!;
  for (const x of versions) if (x.effectiveFrom <= day) v = x;
  return v;
}

const inRanges = (ranges: { from: string; to: string }[], day: string) =>
  ranges.some((r) => r.from <= day && day <= r.to);

/**
 * The periods: from the start date by the cycle; an amendment that changes the cycle starts a new sequence
 * on its effective date, which lies on a month boundary of the contract, and the new periods keep to the
 * contract's months. The last period ends on the end date.
 */
export function periodsOf(versions: ScheduleVersion[]): Period[] {
  const start = versions[0]!.terms.startDate;
  const end = versions.at(-1)!.terms.endDate;
  const monthStart = (k: number) => addMonths(start, k);
  // Sequences: [first month index, cycle], one per change of cycle.
  const sequences: [number, number][] = [[0, versions[0]!.terms.billingCycleMonths]];
  for (const v of versions.slice(1)) {
    const cycle = v.terms.billingCycleMonths;
    if (cycle === sequences.at(-1)![1]) continue;
    let k = 0;
    while (monthStart(k) < v.effectiveFrom) k++;
    sequences.push([k, cycle]);
  }
  const periods: Period[] = [];
  for (const [i, [first, cycle]] of sequences.entries()) {
    const stop = sequences[i + 1]?.[0];
    for (let k = first; stop === undefined || k < stop; k += cycle) {
      const from = monthStart(k);
      if (from > end) break;
      const nextIndex = stop === undefined ? k + cycle : Math.min(k + cycle, stop);
      const to = addDays(monthStart(nextIndex), -1);
      periods.push({ start: from, end: minDate(to, end), month: k });
    }
  }
  return periods;
}

/** Sums one charge over a period by the month rule; null when nothing in it is chargeable. */
function periodAmount(
  start: string,
  period: Period,
  periodEnd: string,
  amountOn: (day: string) => DayAmount,
) {
  let total = new D(0);
  let first: DayAmount = null;
  for (let k = period.month; ; k++) {
    const ms = addMonths(start, k);
    if (ms > periodEnd) break;
    const me = addDays(addMonths(start, k + 1), -1);
    const days: [string, DayAmount][] = [];
    for (let d = ms; d <= me; d = addDays(d, 1)) days.push([d, amountOn(d)]);
    const inPeriod = days.filter(([d]) => d >= period.start && d <= periodEnd);
    const charged = inPeriod.filter((x): x is [string, NonNullable<DayAmount>] => x[1] !== null);
    if (!charged.length) continue;
    first ??= charged[0]![1];
    const whole =
      inPeriod.length === days.length &&
      charged.length === days.length &&
      charged.every(([, a]) => a.monthly.eq(charged[0]![1].monthly));
    if (whole) total = total.add(charged[0]![1].monthly);
    else {
      const dim = daysInclusive(ms, me);
      for (const [, a] of charged) total = total.add(a.monthly.div(dim));
    }
  }
  return first ? { total, first } : null;
}

/** An exact amount in yuan as one line's net, tax and total in fen, rounded half up once. */
function split(amountYuan: Dec, taxInclusive: boolean, vatRate: string) {
  const fen = amountYuan.mul(100).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
  const t = taxInclusive ? taxFromInclusive(fen, vatRate) : taxFromExclusive(fen, vatRate);
  return { netFen: t.net, taxFen: t.tax, totalFen: t.total };
}

/** Every charge of the whole term, period by period: rent and property fee per unit, other charges by name. */
export function chargeSchedule(versions: ScheduleVersion[]): ScheduleLine[] {
  if (!versions.length) return [];
  const start = versions[0]!.terms.startDate;
  const unitIds = [...new Set(versions.flatMap((v) => v.terms.units.map((u) => u.unitId)))];
  const names = [...new Set(versions.flatMap((v) => v.terms.otherCharges.map((o) => o.name)))];
  const areaOf = (v: ScheduleVersion, unitId: string) =>
    v.snapshot.units.find((u) => u.unitId === unitId)?.billingArea ?? null;

  const rentOn =
    (unitId: string) =>
    (day: string): DayAmount => {
      const v = versionOn(versions, day);
      const area = areaOf(v, unitId);
      if (!area || !v.terms.units.some((u) => u.unitId === unitId) || inRanges(v.terms.rentFree, day))
        return null;
      const rent = rentOf(v.terms, unitId);
      const price = priceOn(v.terms, unitId, day);
      return { monthly: monthlyAmount(rent, price, area, v.snapshot.settings.daysPerYear), ...rent };
    };
  const feeOn =
    (unitId: string) =>
    (day: string): DayAmount => {
      const v = versionOn(versions, day);
      const fee = v.terms.propertyFee;
      const area = areaOf(v, unitId);
      if (!fee || !area || !v.terms.units.some((u) => u.unitId === unitId)) return null;
      if (v.terms.rentFreeAppliesToPropertyFee && inRanges(v.terms.rentFree, day)) return null;
      return {
        monthly: new D(fee.pricePerSqmMonth).mul(area),
        taxInclusive: fee.taxInclusive,
        vatRate: fee.vatRate,
      };
    };
  const otherOn =
    (name: string) =>
    (day: string): DayAmount => {
      const o = versionOn(versions, day).terms.otherCharges.find((x) => x.name === name);
      return o ? { monthly: new D(o.monthlyAmount), taxInclusive: o.taxInclusive, vatRate: o.vatRate } : null;
    };
  type Charge = readonly [ChargeType, string | null, string | null, (day: string) => DayAmount];
  const charges: Charge[] = [
    ...unitIds.map((u) => ['rent', u, null, rentOn(u)] as const),
    ...unitIds.map((u) => ['property_fee', u, null, feeOn(u)] as const),
    ...names.map((n) => ['other', null, n, otherOn(n)] as const),
  ];

  const lines: ScheduleLine[] = [];
  for (const period of periodsOf(versions)) {
    const v = versionOn(versions, period.start);
    const dueDate = addDays(period.start, -v.terms.dueDaysBeforePeriod);
    const issueDate = addDays(dueDate, -v.snapshot.settings.leadDays);
    for (const [chargeType, unitId, name, amountOn] of charges) {
      const sum = periodAmount(start, period, period.end, amountOn);
      if (!sum) continue;
      const money = split(sum.total, sum.first.taxInclusive, sum.first.vatRate);
      if (money.totalFen === 0) continue;
      lines.push({
        chargeType,
        unitId,
        name,
        periodStart: period.start,
        periodEnd: period.end,
        dueDate,
        issueDate,
        ...money,
        vatRate: sum.first.vatRate,
      });
    }
  }
  return lines;
}

/** The versions as if the term ended on `last` (a termination): later amendments drop out. */
export function cutAt(versions: ScheduleVersion[], last: string): ScheduleVersion[] {
  const kept = versions.filter((v, i) => i === 0 || v.effectiveFrom <= last);
  return kept.map((v, i) => (i === kept.length - 1 ? { ...v, terms: { ...v.terms, endDate: last } } : v));
}
