import Decimal from 'decimal.js';
import { addDays, addMonths } from '../dates.ts';
import { type Fen, type TaxSplit, taxFromExclusive, taxFromInclusive } from '../money.ts';
import type { ContractTerms, RentTerms } from '../schemas/contracts.ts';

/*
 * The money a contract's terms state, before any schedule: a unit's price on a day, its monthly amount,
 * the first full month's rent and the deposit. Pure and exact; the billing schedule builds on these.
 */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export interface BilledUnit {
  unitId: string;
  /** The area on the contract's basis (计租面积), "123.45". */
  billingArea: string;
}

/** The rent a unit pays: its own, or the contract's. */
export const rentOf = (terms: ContractTerms, unitId: string): RentTerms =>
  terms.units.find((u) => u.unitId === unitId)?.rent ?? terms.rent;

/**
 * The price in force on `day`: the base price with every escalation dated on or before it applied in date
 * order (same date: list order). A percent multiplies the price in force, kept exact; a price replaces it.
 * A unit with its own rent takes percent escalations but not the contract's replacement prices; with no
 * unit, the contract's own rent.
 */
export function priceOn(terms: ContractTerms, unitId: string | null, day: string): Dec {
  const own = unitId ? terms.units.find((u) => u.unitId === unitId)?.rent : null;
  let price = new D((own ?? terms.rent).price);
  const steps = terms.escalations
    .map((e, i) => ({ ...e, i }))
    .filter((e) => e.from <= day)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.i - b.i));
  for (const e of steps) {
    if (e.kind === 'percent') price = price.mul(new D(1).add(e.value));
    else if (!own) price = new D(e.value);
  }
  return price;
}

/** Yuan a month, exact: area x price, area x daily price x daysPerYear / 12, or the fixed sum. */
export function monthlyAmount(rent: RentTerms, price: Dec, billingArea: string, daysPerYear: number): Dec {
  switch (rent.basis) {
    case 'per_sqm_month':
      return price.mul(billingArea);
    case 'per_sqm_day':
      return price.mul(billingArea).mul(daysPerYear).div(12);
    case 'fixed_month':
      return price;
  }
}

/** An exact amount in yuan as one line: rounded half up to the fen once, then split into net and tax. */
export function lineOf(amountYuan: Dec, taxInclusive: boolean, vatRate: string): TaxSplit {
  const fen: Fen = amountYuan.mul(100).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
  return taxInclusive ? taxFromInclusive(fen, vatRate) : taxFromExclusive(fen, vatRate);
}

/** The contract months: month k runs from start + k months (clamped at month ends) to the day before k + 1. */
export function* contractMonths(start: string, end: string): Generator<{ from: string; to: string }> {
  for (let k = 0; ; k++) {
    const from = addMonths(start, k);
    if (from > end) return;
    const next = addDays(addMonths(start, k + 1), -1);
    yield { from, to: next > end ? end : next };
  }
}

/** A month's rent for all units at the prices in force on `day`, tax included, in fen (per unit, rounded). */
export function monthRentFen(
  terms: ContractTerms,
  units: BilledUnit[],
  day: string,
  daysPerYear: number,
): Fen {
  let total = 0;
  for (const u of units) {
    const rent = rentOf(terms, u.unitId);
    const amount = monthlyAmount(rent, priceOn(terms, u.unitId, day), u.billingArea, daysPerYear);
    total += lineOf(amount, rent.taxInclusive, rent.vatRate).total;
  }
  return total;
}

/**
 * The first full month's rent as billed, tax included: the first contract month wholly inside the term,
 * without a rent-free day and without a price change inside it. A term without such a month uses the
 * monthly rent in force on the start date.
 */
export function firstFullMonthRentFen(terms: ContractTerms, units: BilledUnit[], daysPerYear: number): Fen {
  const end = terms.endDate;
  for (const m of contractMonths(terms.startDate, end)) {
    if (m.to !== addDays(addMonths(m.from, 1), -1) && m.to === end) break;
    if (terms.rentFree.some((r) => r.from <= m.to && r.to >= m.from)) continue;
    if (terms.escalations.some((e) => e.from > m.from && e.from <= m.to)) continue;
    return monthRentFen(terms, units, m.from, daysPerYear);
  }
  return monthRentFen(terms, units, terms.startDate, daysPerYear);
}

/** A month's property fee for all units, tax as the terms say, total in fen. */
export function monthPropertyFeeFen(terms: ContractTerms, units: BilledUnit[]): Fen {
  const fee = terms.propertyFee;
  if (!fee) return 0;
  return units.reduce(
    (sum, u) =>
      sum + lineOf(new D(fee.pricePerSqmMonth).mul(u.billingArea), fee.taxInclusive, fee.vatRate).total,
    0,
  );
}

/** The deposits the terms ask for, in fen: months x the first full month's rent, or the fixed sum. */
export function depositsFen(terms: ContractTerms, units: BilledUnit[], daysPerYear: number) {
  const rent =
    'months' in terms.deposit
      ? terms.deposit.months * firstFullMonthRentFen(terms, units, daysPerYear)
      : terms.deposit.amountFen;
  const pf = terms.propertyFeeDeposit;
  const propertyFee = !pf ? 0 : 'months' in pf ? pf.months * monthPropertyFeeFen(terms, units) : pf.amountFen;
  return { rent, propertyFee };
}

/** The billing area of a unit on the contract's basis. */
export const billingAreaOf = (
  u: { grossArea: string; insideArea: string; usableArea: string },
  basis: ContractTerms['areaBasis'],
) => (basis === 'gross' ? u.grossArea : basis === 'inside' ? u.insideArea : u.usableArea);
