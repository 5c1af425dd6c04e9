import { CONTRACT_STATUSES } from '../../../../common/contracts/machine.ts';
import { addDays } from '../../../../common/dates.ts';
import type { ContractFilters, ContractStatus } from './contractsApi.ts';

/** How far ahead the "expiring" filter looks, in days: the dashboard's two figures. */
export const EXPIRING_CHOICES = [30, 90] as const;
export type ExpiringWithin = (typeof EXPIRING_CHOICES)[number];

/** The filters as the bar and the address hold them; "expiring" becomes a date in the organization's calendar. */
export interface ContractFilterState {
  status?: ContractStatus;
  q?: string;
  expiring?: ExpiringWithin;
  holdingOver?: boolean;
}

/**
 * The filters of the address (`/contracts?status=active&expiring=30&holdingOver=true&q=…`), so the
 * dashboard can link to a filtered list and a filtered list can be bookmarked. Anything unknown is ignored.
 */
export function filtersFromParams(params: URLSearchParams): ContractFilterState {
  const state: ContractFilterState = {};
  const status = params.get('status');
  if (status && (CONTRACT_STATUSES as readonly string[]).includes(status))
    state.status = status as ContractStatus;
  const q = params.get('q')?.trim();
  if (q) state.q = q;
  const expiring = Number(params.get('expiring'));
  if ((EXPIRING_CHOICES as readonly number[]).includes(expiring)) state.expiring = expiring as ExpiringWithin;
  if (params.get('holdingOver') === 'true') state.holdingOver = true;
  return state;
}

/** The address's search part for the filters, in a fixed order; empty filters are left out. */
export function paramsFromFilters(state: ContractFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.q?.trim()) params.set('q', state.q.trim());
  if (state.expiring) params.set('expiring', String(state.expiring));
  if (state.holdingOver) params.set('holdingOver', 'true');
  return params;
}

/** The list's link for a set of filters, e.g. from the dashboard. */
export function contractsLink(state: ContractFilterState): string {
  const search = paramsFromFilters(state).toString();
  return search ? `/contracts?${search}` : '/contracts';
}

export function toContractFilters(state: ContractFilterState, today: string): ContractFilters {
  return {
    status: state.status,
    q: state.q,
    expiringBefore: state.expiring ? addDays(today, state.expiring) : undefined,
    holdingOver: state.holdingOver ? 'true' : undefined,
  };
}

export const isFiltered = (state: ContractFilterState) => Object.values(state).some(Boolean);
