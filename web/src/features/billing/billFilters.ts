import { isBusinessDate } from '../../../../common/dates.ts';
import { BILL_STATUSES } from '../../../../common/schemas/billing.ts';
import type { BillFilters, BillStatus } from './billingApi.ts';

/** The bill list's filters as the bar and the address hold them. */
export interface BillFilterState {
  status?: BillStatus;
  unpaid?: boolean;
  dueBefore?: string;
  q?: string;
}

/**
 * The filters of the address (`/bills?status=open&unpaid=true&dueBefore=2026-12-31&q=…`), so a filtered
 * list can be bookmarked and the billing run can link to what it issued. Anything unknown is ignored.
 */
export function billFiltersFromParams(params: URLSearchParams): BillFilterState {
  const state: BillFilterState = {};
  const status = params.get('status');
  if (status && (BILL_STATUSES as readonly string[]).includes(status)) state.status = status as BillStatus;
  if (params.get('unpaid') === 'true') state.unpaid = true;
  const dueBefore = params.get('dueBefore');
  if (isBusinessDate(dueBefore)) state.dueBefore = dueBefore;
  const q = params.get('q')?.trim();
  if (q) state.q = q;
  return state;
}

/** The address's search part for the filters, in a fixed order; empty filters are left out. */
export function paramsFromBillFilters(state: BillFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.unpaid) params.set('unpaid', 'true');
  if (state.dueBefore) params.set('dueBefore', state.dueBefore);
  if (state.q?.trim()) params.set('q', state.q.trim());
  return params;
}

export function billsLink(state: BillFilterState): string {
  const search = paramsFromBillFilters(state).toString();
  return search ? `/bills?${search}` : '/bills';
}

export function toBillFilters(state: BillFilterState): BillFilters {
  return {
    status: state.status,
    unpaid: state.unpaid ? 'true' : undefined,
    dueBefore: state.dueBefore,
    q: state.q,
  };
}

export const isBillFiltered = (state: BillFilterState) => Object.values(state).some(Boolean);
