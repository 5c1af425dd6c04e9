import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { applicationBody, updateApplicationBody } from '../../../../common/schemas/applications.ts';
import { blankValues, toCreateBody, toFields, type Values } from './applicationForm.ts';

const CUSTOMER = '0190a0b0-0000-7000-8000-000000000001';

function filled(change: Partial<Values> = {}): Values {
  const blank = blankValues('2026-01-15', CUSTOMER) as Values;
  return {
    ...blank,
    areaMin: '200',
    areaMax: '320.5',
    occupants: 25,
    useDescription: '  研发办公 ',
    terms: { ...blank.terms, price: '4.5' },
    ...change,
  };
}

describe('the application form', () => {
  it('starts on the first of next month for 36 months, with 5% a year and 0.05% a day', () => {
    const blank = blankValues('2026-01-31', undefined);
    expect(blank.startDate?.format('YYYY-MM-DD')).toBe('2026-02-01');
    expect(blank.termMonths).toBe(36);
    expect(blank.terms).toMatchObject({ yearlyIncrease: '5', penaltyRatePerDay: '0.05' });
  });

  it('sends an existing customer and fractions the shared schema accepts', () => {
    const body = toCreateBody(filled());
    expect(body).toMatchObject({
      customerId: CUSTOMER,
      startDate: '2026-02-01',
      useDescription: '研发办公',
      notes: null,
      siteId: null,
      terms: { price: '4.5', yearlyIncrease: '0.05', penaltyRatePerDay: '0.0005', paymentCycleMonths: 3 },
    });
    expect(body.newCustomer).toBeUndefined();
    const parsed = applicationBody.safeParse(body);
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('sends a new customer with its capital in fen instead of a customer id', () => {
    const body = toCreateBody(
      filled({
        customerMode: 'new',
        newCustomer: {
          name: ' 杭州云栖数据科技有限公司 ',
          uscc: '91330106MA2KXXXX1X',
          registeredCapital: '500',
        },
      }),
    );
    expect(body.customerId).toBeUndefined();
    expect(body.newCustomer).toMatchObject({
      name: '杭州云栖数据科技有限公司',
      registeredCapital: 500_000_000,
      legalRepresentative: null,
      industry: null,
    });
  });

  it('sends every field on an update, which the update schema accepts', () => {
    const fields = toFields(filled({ startDate: dayjs('2026-04-01'), unitIds: [CUSTOMER] }));
    expect(fields.unitIds).toEqual([CUSTOMER]);
    expect(updateApplicationBody.safeParse(fields).success).toBe(true);
  });
});
