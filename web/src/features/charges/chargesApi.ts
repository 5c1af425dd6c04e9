import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChargeRequestKind, ChargeRequestStatus } from '../../../../common/billing/chargeRequest.ts';
import type { Role } from '../../../../common/roles.ts';
import type {
  approveChargeRequestBody,
  ChargeRequestBody,
  ChargeRequestView,
  rejectChargeRequestBody,
} from '../../../../common/schemas/charges.ts';
import { api, type Page } from '../../app/api.ts';
import { MONEY_HANDLERS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { BILLING } from '../billing/billingApi.ts';

export type { ChargeRequestBody, ChargeRequestKind, ChargeRequestStatus, ChargeRequestView };
export type OneOffBody = Extract<ChargeRequestBody, { kind: 'one_off' }>;
export type CorrectionBody = Extract<ChargeRequestBody, { kind: 'correction' }>;

export interface ChargeRequestFilters {
  status?: ChargeRequestStatus;
  kind?: ChargeRequestKind;
  customerId?: string;
  contractId?: string;
}

/** Who raises one-off charges and corrections (the server's RAISE policy); finance approves them. */
export const CHARGE_RAISERS: readonly Role[] = ['admin', 'finance', 'business', 'service'];
/** Who corrects an issued bill line from the bill page. */
export const LINE_CORRECTORS: readonly Role[] = ['admin', 'finance', 'business'];

// Under BILLING: a posted request issues a bill, and a billing change refreshes the requests with it.
const KEY = [BILLING, 'chargeRequests'] as const;
const id = encodeURIComponent;
const base = '/v1/charge-requests';

export const listChargeRequests = (filters: ChargeRequestFilters, cursor: string | undefined) =>
  api.get<Page<ChargeRequestView>>(base, { ...filters, cursor, limit: 50 });
export const raiseChargeRequest = (body: ChargeRequestBody) => api.post<ChargeRequestView>(base, body);
export const approveChargeRequest = (requestId: string, body: z.input<typeof approveChargeRequestBody>) =>
  api.post<ChargeRequestView>(`${base}/${id(requestId)}/approve`, body);
export const rejectChargeRequest = (requestId: string, body: z.input<typeof rejectChargeRequestBody>) =>
  api.post<ChargeRequestView>(`${base}/${id(requestId)}/reject`, body);
export const cancelChargeRequest = (requestId: string) =>
  api.post<ChargeRequestView>(`${base}/${id(requestId)}/cancel`);

export function useChargeRequests(filters: ChargeRequestFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', filters, cursor],
    queryFn: () => listChargeRequests(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

/**
 * What the signed-in user may do with requests: raise them, decide them (finance and administrators) and
 * withdraw any (administrators); nobody decides their own. The server checks again
 * (CHARGE_REQUEST_SELF_APPROVAL, CHARGE_REQUEST_NOT_YOURS).
 */
export function useChargeRoles() {
  const user = useUser();
  return {
    raise: hasAnyRole(user, CHARGE_RAISERS),
    correct: hasAnyRole(user, LINE_CORRECTORS),
    decide: hasAnyRole(user, MONEY_HANDLERS),
    admin: hasAnyRole(user, ['admin']),
    isOwn: (r: Pick<ChargeRequestView, 'requestedById'>) => r.requestedById === user.id,
  };
}
