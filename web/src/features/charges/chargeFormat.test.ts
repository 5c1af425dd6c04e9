import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import {
  chargeFen,
  chargeFilters,
  chargeStateFromParams,
  correctionFen,
  isCorrectable,
  onChargeFormField,
  paramsFromChargeState,
  periodText,
} from './chargeFormat.ts';

const id = '0190a0b0-0000-7000-8000-000000000001';

describe('the charge request list in the address', () => {
  it('opens on what waits for finance, and keeps the default out of the address', () => {
    expect(chargeStateFromParams(new URLSearchParams(''))).toEqual({ view: 'pending' });
    expect(paramsFromChargeState({ view: 'pending' }).toString()).toBe('');
  });

  it('reads a tab, a kind and a customer, and writes them back in a fixed order', () => {
    const state = chargeStateFromParams(new URLSearchParams(`customerId=${id}&kind=correction&status=all`));
    expect(state).toEqual({ view: 'all', kind: 'correction', customerId: id });
    expect(paramsFromChargeState(state).toString()).toBe(`status=all&kind=correction&customerId=${id}`);
  });

  it('ignores what it does not know', () => {
    expect(chargeStateFromParams(new URLSearchParams('status=open&kind=rent&customerId=x'))).toEqual({
      view: 'pending',
    });
  });

  it('asks the API for every status under "all"', () => {
    expect(chargeFilters({ view: 'all' })).toEqual({});
    expect(chargeFilters({ view: 'posted', kind: 'one_off', customerId: id })).toEqual({
      status: 'posted',
      kind: 'one_off',
      customerId: id,
    });
  });
});

describe('amounts typed in yuan', () => {
  it('reads them as exact fen, with or without grouping and symbol', () => {
    expect(chargeFen('1130')).toBe(113_000);
    expect(chargeFen('1,130.00')).toBe(113_000);
    expect(chargeFen('¥0.29')).toBe(29);
    // A float product would give 1_005.9999… here.
    expect(chargeFen('10.06')).toBe(1_006);
  });

  it('refuses nothing, negatives, three decimals and more than a charge may be', () => {
    for (const text of ['', '0', '-5', '1.005', 'abc', '10000000.01', undefined, null])
      expect(chargeFen(text), String(text)).toBeNull();
    expect(chargeFen('10,000,000.00')).toBe(1_000_000_000);
  });

  it('signs a correction: a waiver takes money off, 补收 adds it', () => {
    expect(correctionFen('credit', 20_000)).toBe(-20_000);
    expect(correctionFen('charge', 20_000)).toBe(20_000);
  });
});

describe('which bill lines can be corrected', () => {
  const line = { kind: 'charge', chargeType: 'rent', totalFen: 100 };
  it('takes original charges of the correctable types', () => {
    for (const chargeType of ['rent', 'property_fee', 'other', 'utility', 'one_off', 'penalty'])
      expect(isCorrectable({ ...line, chargeType }), chargeType).toBe(true);
  });

  it('leaves deposits, adjustments, corrections and empty lines alone', () => {
    expect(isCorrectable({ ...line, chargeType: 'deposit' })).toBe(false);
    expect(isCorrectable({ ...line, kind: 'adjustment' })).toBe(false);
    expect(isCorrectable({ ...line, kind: 'correction' })).toBe(false);
    expect(isCorrectable({ ...line, totalFen: 0 })).toBe(false);
  });
});

describe('a service period', () => {
  it('shows one day alone and a range with a tilde', () => {
    expect(periodText('2026-11-05', '2026-11-05')).toBe('2026-11-05');
    expect(periodText('2026-11-01', '2026-11-30')).toBe('2026-11-01 ~ 2026-11-30');
  });
});

describe('server errors on the charge forms', () => {
  const error = (field?: string) => new ApiError({ status: 400, code: 'X', message: 'm', field });
  const fieldOf = (e: unknown) => (e as ApiError).field;
  it('point at the yuan amount and the period picker', () => {
    expect(fieldOf(onChargeFormField(error('totalFen')))).toBe('amount');
    expect(fieldOf(onChargeFormField(error('body.periodEnd')))).toBe('period');
    expect(fieldOf(onChargeFormField(error('dueDate')))).toBe('dueDate');
  });

  it('leave errors without a field, and other errors, as they are', () => {
    const bare = error();
    expect(onChargeFormField(bare)).toBe(bare);
    const other = new Error('network');
    expect(onChargeFormField(other)).toBe(other);
  });
});
