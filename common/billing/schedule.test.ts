import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInclusive } from '../dates.ts';
import type { ContractTerms, TermsSnapshot } from '../schemas/contracts.ts';
import { chargeSchedule, periodsOf, type ScheduleVersion } from './schedule.ts';

const U = '00000000-0000-7000-8000-00000000000a';
const U2 = '00000000-0000-7000-8000-00000000000b';

function terms(x: Partial<ContractTerms>): ContractTerms {
  return {
    units: [{ unitId: U }],
    areaBasis: 'inside',
    use: 'office',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    rent: { basis: 'per_sqm_month', price: '100', taxInclusive: true, vatRate: '0.09' },
    billingCycleMonths: 1,
    dueDaysBeforePeriod: 0,
    rentFree: [],
    rentFreeAppliesToPropertyFee: false,
    escalations: [],
    propertyFee: null,
    otherCharges: [],
    deposit: { months: 2 },
    propertyFeeDeposit: null,
    lateFee: { dailyRate: '0.0005', graceDays: 3, cap: 'principal' },
    clauses: '',
    ...x,
  };
}
function snapshot(areas: Record<string, string> = { [U]: '80.00' }, leadDays = 15): TermsSnapshot {
  return {
    customer: { name: '测试', uscc: '91350100M000100Y43' },
    units: Object.entries(areas).map(([unitId, billingArea]) => ({
      unitId,
      code: unitId.slice(-2),
      type: 'office',
      siteName: 'S',
      buildingName: 'B',
      address: null,
      floor: 1,
      grossArea: billingArea,
      insideArea: billingArea,
      usableArea: billingArea,
      billingArea,
      certificateNo: null,
    })),
    settings: { daysPerYear: 365, leadDays, rounding: 'half_up' },
  };
}
const one = (t: ContractTerms, s = snapshot()): ScheduleVersion[] => [
  { effectiveFrom: t.startDate, terms: t, snapshot: s },
];
const brief = (lines: ReturnType<typeof chargeSchedule>) =>
  lines.map((l) => [l.chargeType, l.periodStart, l.periodEnd, l.dueDate, l.netFen, l.taxFen, l.totalFen]);

describe('the worked examples of the billing issue', () => {
  it('80 m² inside area at 120 a m² a month, tax included, monthly, five rent-free days, due 5 days before', () => {
    const t = terms({
      startDate: '2027-05-20',
      endDate: '2027-07-31',
      rent: { basis: 'per_sqm_month', price: '120', taxInclusive: true, vatRate: '0.09' },
      rentFree: [{ from: '2027-05-20', to: '2027-05-24' }],
      dueDaysBeforePeriod: 5,
    });
    expect(brief(chargeSchedule(one(t)))).toEqual([
      ['rent', '2027-05-20', '2027-06-19', '2027-05-15', 738680, 66481, 805161],
      ['rent', '2027-06-20', '2027-07-19', '2027-06-15', 880734, 79266, 960000],
      ['rent', '2027-07-20', '2027-07-31', '2027-07-15', 340929, 30684, 371613],
    ]);
  });

  it('a fixed 10,000 a month, tax excluded, quarterly, +10% from 2027-05-16, due on the first day', () => {
    const t = terms({
      startDate: '2027-01-01',
      endDate: '2027-06-30',
      rent: { basis: 'fixed_month', price: '10000', taxInclusive: false, vatRate: '0.09' },
      billingCycleMonths: 3,
      escalations: [{ from: '2027-05-16', kind: 'percent', value: '0.1' }],
    });
    expect(brief(chargeSchedule(one(t)))).toEqual([
      ['rent', '2027-01-01', '2027-03-31', '2027-01-01', 3000000, 270000, 3270000],
      ['rent', '2027-04-01', '2027-06-30', '2027-04-01', 3151613, 283645, 3435258],
    ]);
  });
});

describe('periods, months and the other charges', () => {
  it('starts periods from a month-end start with clamping, and ends the last on the end date', () => {
    const t = terms({ startDate: '2027-01-31', endDate: '2027-05-15', billingCycleMonths: 1 });
    expect(periodsOf(one(t)).map((p) => [p.start, p.end])).toEqual([
      ['2027-01-31', '2027-02-27'],
      ['2027-02-28', '2027-03-30'],
      ['2027-03-31', '2027-04-29'],
      ['2027-04-30', '2027-05-15'],
    ]);
    // 8,000 a month; the last period is 16 days of the 31-day month 04-30..05-30: 8000 x 16 / 31 = 4129.03.
    expect(chargeSchedule(one(t)).map((l) => l.totalFen)).toEqual([800000, 800000, 800000, 412903]);
  });

  it('bills a quarterly cycle with a rent-free first month, the property fee through it, parking always', () => {
    const t = terms({
      billingCycleMonths: 3,
      endDate: '2027-06-30',
      rentFree: [{ from: '2027-01-01', to: '2027-01-31' }],
      propertyFee: { pricePerSqmMonth: '8.5', taxInclusive: true, vatRate: '0.06' },
      otherCharges: [{ name: '停车费', monthlyAmount: '600', taxInclusive: true, vatRate: '0.09' }],
    });
    const lines = chargeSchedule(one(t));
    const q1 = lines.filter((l) => l.periodStart === '2027-01-01');
    // Rent: January free, a whole month of 8,000 in each of February and March.
    expect(q1.map((l) => [l.chargeType, l.totalFen, l.vatRate])).toEqual([
      ['rent', 1600000, '0.09'],
      ['property_fee', 3 * 68000, '0.06'],
      ['other', 180000, '0.09'],
    ]);
    expect(q1[1]).toMatchObject({ netFen: 192453, taxFen: 11547 }); // 204000 / 1.06 = 192452.83
    expect(q1[2]).toMatchObject({ name: '停车费', unitId: null });
    const waived = chargeSchedule(one({ ...t, rentFreeAppliesToPropertyFee: true }));
    expect(waived.find((l) => l.chargeType === 'property_fee')!.totalFen).toBe(2 * 68000);
  });

  it('prices per m² per day as daily x 365 / 12 a month, and issues lead days before the due date', () => {
    const t = terms({
      rent: { basis: 'per_sqm_day', price: '4', taxInclusive: false, vatRate: '0.05' },
      endDate: '2027-01-31',
      dueDaysBeforePeriod: 10,
    });
    const [line] = chargeSchedule(one(t, snapshot({ [U]: '80.00' }, 20)));
    // 4 x 80 x 365 / 12 = 9733.333… -> 973333 fen net, tax 5% = 48666.65 -> 48667.
    expect(line).toMatchObject({
      netFen: 973333,
      taxFen: 48667,
      totalFen: 1022000,
      dueDate: '2026-12-22',
      issueDate: '2026-12-02',
    });
  });

  it('charges a month half at each of two prices the average of the two monthly amounts', () => {
    // A 30-day contract month (2027-04-01..04-30), 15 days at 100 and 15 at 110 a m²: (8000 + 8800) / 2 = 8400.
    const t = terms({
      startDate: '2027-04-01',
      endDate: '2027-04-30',
      escalations: [{ from: '2027-04-16', kind: 'price', value: '110' }],
    });
    expect(chargeSchedule(one(t))[0]!.totalFen).toBe(840000);
  });

  it('follows an amendment from its effective date: new price, a second unit, a new cycle on a period boundary', () => {
    const v1 = terms({ endDate: '2027-12-31', billingCycleMonths: 3 });
    const v2 = terms({
      endDate: '2028-03-31',
      billingCycleMonths: 1,
      units: [{ unitId: U }, { unitId: U2 }],
      rent: { basis: 'per_sqm_month', price: '110', taxInclusive: true, vatRate: '0.09' },
    });
    const versions: ScheduleVersion[] = [
      { effectiveFrom: '2027-01-01', terms: v1, snapshot: snapshot() },
      { effectiveFrom: '2027-07-01', terms: v2, snapshot: snapshot({ [U]: '80.00', [U2]: '20.00' }) },
    ];
    const lines = chargeSchedule(versions);
    expect(periodsOf(versions).map((p) => p.start)).toEqual([
      '2027-01-01',
      '2027-04-01',
      '2027-07-01',
      '2027-08-01',
      '2027-09-01',
      '2027-10-01',
      '2027-11-01',
      '2027-12-01',
      '2028-01-01',
      '2028-02-01',
      '2028-03-01',
    ]);
    expect(lines.filter((l) => l.periodStart === '2027-04-01').map((l) => [l.unitId, l.totalFen])).toEqual([
      [U, 2400000],
    ]);
    expect(lines.filter((l) => l.periodStart === '2027-07-01').map((l) => [l.unitId, l.totalFen])).toEqual([
      [U, 880000],
      [U2, 220000],
    ]);
  });

  it('bills nothing for a line whose total is zero', () => {
    const t = terms({ endDate: '2027-02-28', rentFree: [{ from: '2027-01-01', to: '2027-01-31' }] });
    expect(chargeSchedule(one(t)).map((l) => l.periodStart)).toEqual(['2027-02-01']);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2026-01-01', n));

  it('covers every day of the term exactly once with periods', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 27 }),
        fc.constantFrom(1, 3, 6, 12),
        (start, months, extra, cycle) => {
          const end = addDays(addMonths(start, months), extra);
          const p = periodsOf(one(terms({ startDate: start, endDate: end, billingCycleMonths: cycle as 1 })));
          expect(p[0]!.start).toBe(start);
          expect(p.at(-1)!.end).toBe(end);
          for (let i = 1; i < p.length; i++) expect(p[i]!.start).toBe(addDays(p[i - 1]!.end, 1));
          expect(p.reduce((n, x) => n + daysInclusive(x.start, x.end), 0)).toBe(daysInclusive(start, end));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('costs exactly the monthly amount times the months for a term of whole months without rent-free or increases', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom(1, 3, 6, 12),
        fc.integer({ min: 1, max: 99_999 }),
        (start, months, cycle, cents) => {
          const price = (cents / 100).toFixed(2);
          const t = terms({
            startDate: start,
            endDate: addDays(addMonths(start, months), -1),
            billingCycleMonths: cycle as 1,
            rent: { basis: 'fixed_month', price, taxInclusive: true, vatRate: '0.09' },
          });
          const total = chargeSchedule(one(t)).reduce((n, l) => n + l.totalFen, 0);
          expect(total).toBe(cents * months);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps net + tax = total on every line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_00 }), fc.boolean(), (cents, inclusive) => {
        const t = terms({
          rent: {
            basis: 'per_sqm_month',
            price: (cents / 100).toFixed(2),
            taxInclusive: inclusive,
            vatRate: '0.09',
          },
          escalations: [{ from: '2027-03-17', kind: 'percent', value: '0.037' }],
        });
        for (const l of chargeSchedule(one(t, snapshot({ [U]: '123.45' }))))
          expect(l.netFen + l.taxFen).toBe(l.totalFen);
      }),
      { numRuns: 100 },
    );
  });
});
