import { describe, expect, it } from 'vitest';
import {
  contractsLink,
  filtersFromParams,
  isFiltered,
  paramsFromFilters,
  toContractFilters,
} from './contractFilters.ts';

const from = (search: string) => filtersFromParams(new URLSearchParams(search));

describe('the contract list filters in the address', () => {
  it('reads what the dashboard links to', () => {
    expect(from('holdingOver=true')).toEqual({ holdingOver: true });
    expect(from('expiring=30')).toEqual({ expiring: 30 });
    expect(from('status=active&q=%20海纳%20&expiring=90')).toEqual({
      status: 'active',
      q: '海纳',
      expiring: 90,
    });
  });

  it('ignores what it does not know rather than sending it to the server', () => {
    expect(from('status=bogus&expiring=45&holdingOver=yes&q=%20%20&page=3')).toEqual({});
    expect(isFiltered(from('page=3'))).toBe(false);
  });

  it('writes the filters back in a fixed order and leaves empty ones out', () => {
    const state = { holdingOver: true, q: ' HT-2026 ', status: 'signed' as const, expiring: undefined };
    expect(paramsFromFilters(state).toString()).toBe('status=signed&q=HT-2026&holdingOver=true');
    expect(from(paramsFromFilters(state).toString())).toEqual({
      status: 'signed',
      q: 'HT-2026',
      holdingOver: true,
    });
    expect(contractsLink({})).toBe('/contracts');
    expect(contractsLink({ expiring: 30 })).toBe('/contracts?expiring=30');
  });

  it('turns "ending within n days" into a day of the organization calendar', () => {
    expect(toContractFilters({ expiring: 30 }, '2026-12-15')).toEqual({
      status: undefined,
      q: undefined,
      expiringBefore: '2027-01-14',
      holdingOver: undefined,
    });
    expect(toContractFilters({ holdingOver: true }, '2026-12-15').holdingOver).toBe('true');
  });
});
