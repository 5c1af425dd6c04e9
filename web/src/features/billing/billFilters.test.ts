import { describe, expect, it } from 'vitest';
import {
  billFiltersFromParams,
  billsLink,
  isBillFiltered,
  paramsFromBillFilters,
  toBillFilters,
} from './billFilters.ts';

const from = (search: string) => billFiltersFromParams(new URLSearchParams(search));

describe('the bill list filters in the address', () => {
  it('reads the status, the unpaid toggle, the due date and the search', () => {
    expect(from('status=partially_paid&unpaid=true&dueBefore=2026-12-31&q=%20ZD-2026%20')).toEqual({
      status: 'partially_paid',
      unpaid: true,
      dueBefore: '2026-12-31',
      q: 'ZD-2026',
    });
  });

  it('ignores what it does not know rather than sending it to the server', () => {
    expect(from('status=overdue&unpaid=1&dueBefore=2027-02-29&q=%20&page=2')).toEqual({});
    expect(isBillFiltered(from('page=2'))).toBe(false);
    expect(isBillFiltered(from('unpaid=true'))).toBe(true);
  });

  it('writes them back in a fixed order, leaves empty ones out and round-trips', () => {
    const state = { q: ' 海纳 ', dueBefore: '2026-11-30', unpaid: true, status: 'open' as const };
    const search = paramsFromBillFilters(state).toString();
    expect(search).toBe('status=open&unpaid=true&dueBefore=2026-11-30&q=%E6%B5%B7%E7%BA%B3');
    expect(from(search)).toEqual({ ...state, q: '海纳' });
    expect(billsLink({})).toBe('/bills');
    expect(billsLink({ unpaid: true, q: '' })).toBe('/bills?unpaid=true');
  });

  it('sends the toggle as the text the API parses', () => {
    expect(toBillFilters({ unpaid: true, status: 'paid' })).toEqual({
      status: 'paid',
      unpaid: 'true',
      dueBefore: undefined,
      q: undefined,
    });
    expect(toBillFilters({}).unpaid).toBeUndefined();
  });
});
