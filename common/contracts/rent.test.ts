import { describe, expect, it } from 'vitest';
import type { ContractTerms } from '../schemas/contracts.ts';
import {
  billingAreaOf,
  contractMonths,
  depositsFen,
  firstFullMonthRentFen,
  lineOf,
  monthlyAmount,
  monthRentFen,
  priceOn,
} from './rent.ts';

const U1 = '00000000-0000-7000-8000-000000000001';
const U2 = '00000000-0000-7000-8000-000000000002';

const base: ContractTerms = {
  units: [{ unitId: U1 }],
  areaBasis: 'inside',
  use: 'office',
  startDate: '2027-05-20',
  endDate: '2029-05-19',
  rent: { basis: 'per_sqm_month', price: '120', taxInclusive: true, vatRate: '0.09' },
  billingCycleMonths: 1,
  dueDaysBeforePeriod: 5,
  rentFree: [],
  rentFreeAppliesToPropertyFee: false,
  escalations: [],
  propertyFee: null,
  otherCharges: [],
  deposit: { months: 2 },
  propertyFeeDeposit: null,
  lateFee: { dailyRate: '0.0005', graceDays: 3, cap: 'principal' },
  clauses: '',
};
const terms = (x: Partial<ContractTerms>): ContractTerms => ({ ...base, ...x });
const area = [{ unitId: U1, billingArea: '80.00' }];

describe('prices in force (escalations)', () => {
  it('applies escalations dated on or before the day, in date order and list order on one date', () => {
    const t = terms({
      escalations: [
        { from: '2028-05-20', kind: 'percent', value: '0.05' },
        { from: '2027-11-20', kind: 'price', value: '130' },
        { from: '2028-05-20', kind: 'price', value: '140' },
      ],
    });
    expect(priceOn(t, U1, '2027-11-19').toFixed()).toBe('120');
    expect(priceOn(t, U1, '2027-11-20').toFixed()).toBe('130');
    // 130 x 1.05 = 136.5, then replaced by 140: list order on the same date.
    expect(priceOn(t, U1, '2028-05-20').toFixed()).toBe('140');
  });

  it('keeps a percent increase exact, compounding', () => {
    const t = terms({
      escalations: [
        { from: '2028-05-20', kind: 'percent', value: '0.03' },
        { from: '2029-01-01', kind: 'percent', value: '0.03' },
      ],
    });
    expect(priceOn(t, U1, '2029-01-01').toFixed()).toBe('127.308');
  });

  it('gives a unit with its own rent the percent steps but not the contract’s replacement price', () => {
    const t = terms({
      units: [
        { unitId: U1 },
        { unitId: U2, rent: { basis: 'fixed_month', price: '5000', taxInclusive: false, vatRate: '0.09' } },
      ],
      escalations: [
        { from: '2028-01-01', kind: 'price', value: '150' },
        { from: '2028-06-01', kind: 'percent', value: '0.1' },
      ],
    });
    expect(priceOn(t, U1, '2028-06-01').toFixed()).toBe('165');
    expect(priceOn(t, U2, '2028-06-01').toFixed()).toBe('5500');
    expect(priceOn(t, null, '2028-06-01').toFixed()).toBe('165');
  });
});

describe('monthly amounts and lines', () => {
  it('computes per m² per month, per m² per day (x daysPerYear / 12) and fixed sums exactly', () => {
    const p = priceOn(base, U1, base.startDate);
    expect(monthlyAmount(base.rent, p, '80.00', 365).toFixed()).toBe('9600');
    const daily = { ...base.rent, basis: 'per_sqm_day' as const, price: '4.5' };
    // 4.5 x 80 x 365 / 12 = 10950
    expect(
      monthlyAmount(daily, priceOn(terms({ rent: daily }), U1, base.startDate), '80.00', 365).toFixed(),
    ).toBe('10950');
    expect(
      monthlyAmount(daily, priceOn(terms({ rent: daily }), U1, base.startDate), '80.33', 360).toFixed(),
    ).toBe('10844.55');
  });

  it('rounds once per line and splits tax both ways with net + tax = total', () => {
    const inc = lineOf(priceOn(base, U1, base.startDate).mul('80.00'), true, '0.09');
    expect(inc).toEqual({ net: 880734, tax: 79266, total: 960000 });
    const exc = lineOf(priceOn(base, U1, base.startDate).mul('80.00'), false, '0.09');
    expect(exc).toEqual({ net: 960000, tax: 86400, total: 1046400 });
    const half = lineOf(
      monthlyAmount(
        base.rent,
        priceOn(terms({ rent: { ...base.rent, price: '0.0625' } }), U1, base.startDate),
        '1.00',
        365,
      ),
      true,
      '0',
    );
    expect(half.total).toBe(6); // 0.0625 yuan = 6.25 fen -> 6; half up applies only at .5
    const up = lineOf(
      monthlyAmount(
        base.rent,
        priceOn(terms({ rent: { ...base.rent, price: '0.125' } }), U1, base.startDate),
        '1.00',
        365,
      ),
      true,
      '0',
    );
    expect(up.total).toBe(13); // 12.5 fen -> 13
  });

  it('sums each unit’s rounded line for a month', () => {
    const t = terms({ units: [{ unitId: U1 }, { unitId: U2 }] });
    expect(
      monthRentFen(
        t,
        [
          { unitId: U1, billingArea: '80.00' },
          { unitId: U2, billingArea: '10.01' },
        ],
        '2027-05-20',
        365,
      ),
    ).toBe(960000 + 120120);
  });
});

describe('contract months, first full month and deposits', () => {
  it('counts months from the start with end-of-month clamping', () => {
    const months = [...contractMonths('2027-01-31', '2027-04-30')];
    expect(months).toEqual([
      { from: '2027-01-31', to: '2027-02-27' },
      { from: '2027-02-28', to: '2027-03-30' },
      { from: '2027-03-31', to: '2027-04-29' },
      { from: '2027-04-30', to: '2027-04-30' },
    ]);
  });

  it('takes the first month without a rent-free day or a price change inside it', () => {
    const t = terms({
      rentFree: [{ from: '2027-05-20', to: '2027-05-24' }],
      escalations: [{ from: '2027-07-01', kind: 'percent', value: '0.1' }],
    });
    // Month 1 (05-20..06-19) has rent-free days, month 2 (06-20..07-19) a price change on 07-01; month 3 is at 132.
    expect(firstFullMonthRentFen(t, area, 365)).toBe(1056000);
    expect(depositsFen(t, area, 365)).toEqual({ rent: 2112000, propertyFee: 0 });
  });

  it('uses a fixed deposit as given, and the property-fee deposit on the property fee', () => {
    const t = terms({
      deposit: { amountFen: 5000000 },
      propertyFee: { pricePerSqmMonth: '8.5', taxInclusive: true, vatRate: '0.06' },
      propertyFeeDeposit: { months: 3 },
    });
    expect(depositsFen(t, area, 365)).toEqual({ rent: 5000000, propertyFee: 3 * 68000 });
  });

  it('reads the billing area on the contract’s basis', () => {
    const u = { grossArea: '100.00', insideArea: '80.00', usableArea: '72.50' };
    expect([billingAreaOf(u, 'gross'), billingAreaOf(u, 'inside'), billingAreaOf(u, 'usable')]).toEqual([
      '100.00',
      '80.00',
      '72.50',
    ]);
  });
});
