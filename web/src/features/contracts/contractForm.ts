import dayjs, { type Dayjs } from 'dayjs';
import { formatYuan, parseYuan } from '../../../../common/money.ts';
import type {
  AREA_BASES,
  ESCALATION_KINDS,
  LATE_FEE_CAPS,
  RentTerms,
} from '../../../../common/schemas/contracts.ts';
import { ApiError } from '../../app/api.ts';
import type { IntendedUse, RentBasis } from '../applications/applicationsApi.ts';
import { fractionToPercent, percentToFraction } from '../applications/applicationsFormat.ts';
import type { ContractTerms, ContractTermsInput } from './contractsApi.ts';

/*
 * The terms as people fill them in: dates as Dayjs, rates as percentages ("9" for 9%), amounts of money in
 * yuan. Field names follow the API's so a server error on `terms.rentFree.0.to` lands on that field; only
 * amounts in fen are typed in yuan under another name (`amountFen` → `amount`).
 */
export interface RentValues {
  basis: RentBasis;
  price: string;
  taxInclusive: boolean;
  /** Percent, e.g. "9". */
  vatRate: string;
}
export interface DepositValues {
  mode: 'none' | 'months' | 'amount';
  months?: number | null;
  /** Yuan, e.g. "12,000.00". */
  amount?: string;
}
export interface TermsValues {
  units: { unitId?: string; ownRent?: boolean; rent?: RentValues }[];
  areaBasis: (typeof AREA_BASES)[number];
  use: IntendedUse;
  startDate: Dayjs;
  endDate: Dayjs;
  rent: RentValues;
  billingCycleMonths: ContractTerms['billingCycleMonths'];
  dueDaysBeforePeriod: number;
  rentFree: { from?: Dayjs; to?: Dayjs }[];
  rentFreeAppliesToPropertyFee: boolean;
  escalations: { from?: Dayjs; kind: (typeof ESCALATION_KINDS)[number]; value: string }[];
  propertyFee: { enabled: boolean; pricePerSqmMonth?: string; taxInclusive?: boolean; vatRate?: string };
  otherCharges: { name: string; monthlyAmount: string; taxInclusive: boolean; vatRate: string }[];
  deposit: DepositValues;
  propertyFeeDeposit: DepositValues;
  lateFee: {
    /** Percent a day, e.g. "0.05" (万分之五). */
    dailyRate: string;
    graceDays: number;
    cap: (typeof LATE_FEE_CAPS)[number] | 'fraction';
    /** Percent of the principal when the cap is a fraction. */
    capPercent?: string;
  };
  clauses: string;
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');
// The form's rules have checked each of these; what still fails is sent as typed for the server to refuse.
const fraction = (percent: string | undefined) => percentToFraction(percent) ?? (percent ?? '').trim();
/** Yuan as typed to fen through the shared parser (never a float); NaN when it is not an amount. */
export const fen = (yuan: string | undefined) => {
  try {
    return parseYuan(yuan ?? '');
  } catch {
    return Number.NaN;
  }
};

/** Whether text is an amount in yuan that can be stored (`1234.5`, `1,234.50`, `¥12`), not negative. */
export function isYuan(text: string | undefined): boolean {
  const n = fen(text);
  return Number.isSafeInteger(n) && n >= 0;
}

/** Fen as the yuan people type back: `1234500` → `12345.00` (no symbol, no grouping). */
export function yuanInput(amountFen: number): string {
  return formatYuan(amountFen).replace(/[¥,]/g, '');
}

function rentOf(v: RentValues): RentTerms {
  return {
    basis: v.basis,
    price: v.price.trim(),
    taxInclusive: v.taxInclusive,
    vatRate: fraction(v.vatRate),
  };
}
function rentValues(r: RentTerms): RentValues {
  return { ...r, vatRate: fractionToPercent(r.vatRate) };
}

function depositOf(v: DepositValues): ContractTerms['deposit'] | null {
  if (v.mode === 'months') return { months: v.months ?? 0 };
  if (v.mode === 'amount') return { amountFen: fen(v.amount) };
  return null;
}
function depositValues(d: ContractTerms['deposit'] | null): DepositValues {
  if (!d) return { mode: 'none' };
  return 'months' in d
    ? { mode: 'months', months: d.months }
    : { mode: 'amount', amount: yuanInput(d.amountFen) };
}

/** The API's terms from the form's. */
export function toTerms(v: TermsValues): ContractTermsInput {
  const fee = v.propertyFee;
  return {
    units: v.units.map((u) => ({
      unitId: u.unitId ?? '',
      rent: u.ownRent && u.rent ? rentOf(u.rent) : null,
    })),
    areaBasis: v.areaBasis,
    use: v.use,
    startDate: day(v.startDate),
    endDate: day(v.endDate),
    rent: rentOf(v.rent),
    billingCycleMonths: v.billingCycleMonths,
    dueDaysBeforePeriod: v.dueDaysBeforePeriod ?? 0,
    rentFree: (v.rentFree ?? []).map((r) => ({ from: day(r.from), to: day(r.to) })),
    rentFreeAppliesToPropertyFee: !!v.rentFreeAppliesToPropertyFee,
    escalations: (v.escalations ?? []).map((e) => ({
      from: day(e.from),
      kind: e.kind,
      value: e.kind === 'percent' ? fraction(e.value) : e.value.trim(),
    })),
    propertyFee: fee?.enabled
      ? {
          pricePerSqmMonth: (fee.pricePerSqmMonth ?? '').trim(),
          taxInclusive: !!fee.taxInclusive,
          vatRate: fraction(fee.vatRate),
        }
      : null,
    otherCharges: (v.otherCharges ?? []).map((c) => ({
      name: c.name.trim(),
      monthlyAmount: c.monthlyAmount.trim(),
      taxInclusive: !!c.taxInclusive,
      vatRate: fraction(c.vatRate),
    })),
    deposit: depositOf(v.deposit) ?? { months: 0 },
    propertyFeeDeposit: depositOf(v.propertyFeeDeposit),
    lateFee: {
      dailyRate: fraction(v.lateFee.dailyRate),
      graceDays: v.lateFee.graceDays ?? 0,
      cap: v.lateFee.cap === 'fraction' ? fraction(v.lateFee.capPercent) : v.lateFee.cap,
    },
    clauses: v.clauses ?? '',
  };
}

/** The form's terms from the API's (a proposal, a draft, or the terms in force for an amendment). */
export function termsValues(t: ContractTerms): TermsValues {
  const cap = t.lateFee.cap;
  return {
    units: t.units.map((u) => ({
      unitId: u.unitId,
      ownRent: !!u.rent,
      rent: u.rent ? rentValues(u.rent) : undefined,
    })),
    areaBasis: t.areaBasis,
    use: t.use,
    startDate: dayjs(t.startDate),
    endDate: dayjs(t.endDate),
    rent: rentValues(t.rent),
    billingCycleMonths: t.billingCycleMonths,
    dueDaysBeforePeriod: t.dueDaysBeforePeriod,
    rentFree: t.rentFree.map((r) => ({ from: dayjs(r.from), to: dayjs(r.to) })),
    rentFreeAppliesToPropertyFee: t.rentFreeAppliesToPropertyFee,
    escalations: t.escalations.map((e) => ({
      from: dayjs(e.from),
      kind: e.kind,
      value: e.kind === 'percent' ? fractionToPercent(e.value) : e.value,
    })),
    propertyFee: t.propertyFee
      ? { enabled: true, ...t.propertyFee, vatRate: fractionToPercent(t.propertyFee.vatRate) }
      : { enabled: false, taxInclusive: true, vatRate: '9' },
    otherCharges: t.otherCharges.map((c) => ({ ...c, vatRate: fractionToPercent(c.vatRate) })),
    deposit: depositValues(t.deposit),
    propertyFeeDeposit: depositValues(t.propertyFeeDeposit),
    lateFee: {
      dailyRate: fractionToPercent(t.lateFee.dailyRate),
      graceDays: t.lateFee.graceDays,
      cap: cap === 'principal' || cap === 'none' ? cap : 'fraction',
      capPercent: cap === 'principal' || cap === 'none' ? undefined : fractionToPercent(cap),
    },
    clauses: t.clauses,
  };
}

/** Where the form shows what the server says of an API path: amounts in fen are typed in yuan. */
export function formFieldOf(path: string): string {
  return path.replace(/\.amountFen$/, '.amount').replace(/^body\./, '');
}

/** The same error, pointing at the form's name for its field, for showError. */
export function withFormField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    field: formFieldOf(error.field),
    requestId: error.requestId,
    retryAfter: error.retryAfter,
    details: error.details,
  });
}
