import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import {
  fen,
  formFieldOf,
  isYuan,
  type TermsValues,
  termsValues,
  toTerms,
  withFormField,
  yuanInput,
} from './contractForm.ts';
import type { ContractTerms } from './contractsApi.ts';

const TERMS: ContractTerms = {
  units: [
    { unitId: '0190a0b0-0000-7000-8000-000000000001', rent: null },
    {
      unitId: '0190a0b0-0000-7000-8000-000000000002',
      rent: { basis: 'per_sqm_day', price: '3.2', taxInclusive: true, vatRate: '0.09' },
    },
  ],
  areaBasis: 'gross',
  use: 'office',
  startDate: '2026-09-01',
  endDate: '2029-08-31',
  rent: { basis: 'per_sqm_month', price: '98', taxInclusive: true, vatRate: '0.09' },
  billingCycleMonths: 3,
  dueDaysBeforePeriod: 15,
  rentFree: [{ from: '2026-09-01', to: '2026-09-30' }],
  rentFreeAppliesToPropertyFee: false,
  escalations: [
    { from: '2027-09-01', kind: 'percent', value: '0.05' },
    { from: '2028-09-01', kind: 'price', value: '108.5' },
  ],
  propertyFee: { pricePerSqmMonth: '12', taxInclusive: true, vatRate: '0.06' },
  otherCharges: [{ name: '停车位', monthlyAmount: '600', taxInclusive: true, vatRate: '0.09' }],
  deposit: { amountFen: 1_234_567 },
  propertyFeeDeposit: { months: 2 },
  lateFee: { dailyRate: '0.0005', graceDays: 5, cap: '0.3' },
  clauses: '第一条 …',
};

describe('terms in the form', () => {
  it('shows rates as percentages and fen as yuan, and sends back exactly what it was given', () => {
    const values = termsValues(TERMS);
    expect(values.rent.vatRate).toBe('9');
    expect(values.lateFee).toMatchObject({ dailyRate: '0.05', cap: 'fraction', capPercent: '30' });
    expect(values.deposit).toEqual({ mode: 'amount', amount: '12345.67' });
    expect(values.escalations.map((e) => e.value)).toEqual(['5', '108.5']);
    expect(values.units.map((u) => u.ownRent)).toEqual([false, true]);
    expect(values.startDate.format('YYYY-MM-DD')).toBe('2026-09-01');
    expect(toTerms(values)).toEqual(TERMS);
  });

  it('leaves out what is switched off: a unit’s own rent, the property fee, its deposit', () => {
    const values: TermsValues = {
      ...termsValues(TERMS),
      propertyFee: { enabled: false, pricePerSqmMonth: '12', taxInclusive: true, vatRate: '6' },
      propertyFeeDeposit: { mode: 'none', months: 3 },
    };
    values.units[1]!.ownRent = false;
    const terms = toTerms(values);
    expect(terms.propertyFee).toBeNull();
    expect(terms.propertyFeeDeposit).toBeNull();
    expect(terms.units?.[1]?.rent).toBeNull();
    expect(toTerms({ ...values, lateFee: { ...values.lateFee, cap: 'principal' } }).lateFee.cap).toBe(
      'principal',
    );
  });
});

describe('money typed in yuan', () => {
  it('becomes integer fen through the shared parser, never a float', () => {
    expect(fen('0.1')).toBe(10);
    expect(fen('1,234.56')).toBe(123_456);
    expect(fen('19.99')).toBe(1999);
    expect(fen('1.234')).toBeNaN();
    expect(isYuan('¥12')).toBe(true);
    expect(isYuan('-3')).toBe(false);
    expect(isYuan('abc')).toBe(false);
    expect(yuanInput(1_000_000)).toBe('10000.00');
  });
});

describe('server errors on the form', () => {
  it('point at the yuan field for an amount in fen and keep other paths', () => {
    expect(formFieldOf('terms.deposit.amountFen')).toBe('terms.deposit.amount');
    expect(formFieldOf('terms.rentFree.0.to')).toBe('terms.rentFree.0.to');
    expect(formFieldOf('damages.2.amountFen')).toBe('damages.2.amount');
    const e = withFormField(
      new ApiError({ status: 400, code: 'X', message: 'bad', field: 'terms.propertyFeeDeposit.amountFen' }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).field).toBe('terms.propertyFeeDeposit.amount');
    expect((e as ApiError).message).toBe('bad');
  });
});
