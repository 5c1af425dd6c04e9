import {
  CHARGE_REQUEST_KINDS,
  CHARGE_REQUEST_STATUSES,
  CORRECTABLE_CHARGE_TYPES,
} from '../../../../common/billing/chargeRequest.ts';
import { MoneyError, parseYuan } from '../../../../common/money.ts';
import { ApiError } from '../../app/api.ts';
import type { ChargeRequestFilters, ChargeRequestKind, ChargeRequestStatus } from './chargesApi.ts';

/** Waiting in gold, posted in green, rejected in red, withdrawn in grey. */
export const CHARGE_STATUS_COLORS: Record<ChargeRequestStatus, string> = {
  pending: 'gold',
  posted: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export const CHARGE_KIND_COLORS: Record<ChargeRequestKind, string> = {
  one_off: 'blue',
  correction: 'purple',
};

/** The list's tabs: each status, and all of them; what waits for finance comes first and is the default. */
export const CHARGE_VIEWS = [...CHARGE_REQUEST_STATUSES, 'all'] as const;
export type ChargeView = (typeof CHARGE_VIEWS)[number];

export interface ChargeListState {
  view: ChargeView;
  kind?: ChargeRequestKind;
  customerId?: string;
}

/** The list's filters in the address (`/charge-requests?status=posted&kind=correction&customerId=…`). */
export function chargeStateFromParams(params: URLSearchParams): ChargeListState {
  const view = params.get('status');
  const state: ChargeListState = {
    view: view && (CHARGE_VIEWS as readonly string[]).includes(view) ? (view as ChargeView) : 'pending',
  };
  const kind = params.get('kind');
  if (kind && (CHARGE_REQUEST_KINDS as readonly string[]).includes(kind))
    state.kind = kind as ChargeRequestKind;
  const customerId = params.get('customerId');
  if (customerId && /^[0-9a-f-]{36}$/i.test(customerId)) state.customerId = customerId;
  return state;
}

export function paramsFromChargeState(state: ChargeListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== 'pending') params.set('status', state.view);
  if (state.kind) params.set('kind', state.kind);
  if (state.customerId) params.set('customerId', state.customerId);
  return params;
}

/** What the API is asked for: every status under "all". */
export function chargeFilters(state: ChargeListState): ChargeRequestFilters {
  return {
    ...(state.view === 'all' ? {} : { status: state.view }),
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.customerId ? { customerId: state.customerId } : {}),
  };
}

/** The VAT rates a one-off charge is usually raised at: services (物业/服务) first, the default. */
export const ONE_OFF_VAT_RATES = ['0.06', '0.09', '0.13', '0'] as const;

/** Ten million yuan, as the API allows: more is a typing slip. */
export const MAX_CHARGE_FEN = 1_000_000_000;

/**
 * An amount typed in yuan (`1,130.00`, `¥1130`, `1130 元`) as fen through the shared parser, never a float;
 * null unless it is more than zero and no more than a charge may be.
 */
export function chargeFen(text: string | undefined | null): number | null {
  let fen: number;
  try {
    fen = parseYuan(text ?? '');
  } catch (e) {
    if (e instanceof MoneyError) return null;
    throw e;
  }
  return fen > 0 && fen <= MAX_CHARGE_FEN ? fen : null;
}

export type CorrectionDirection = 'credit' | 'charge';

/** A correction's signed amount: a waiver or credit (减免/冲减) takes money off, a 补收 adds it. */
export const correctionFen = (direction: CorrectionDirection, amountFen: number) =>
  direction === 'credit' ? -amountFen : amountFen;

/** Whether a bill line may be corrected: an original charge of a type that is not settled otherwise. */
export function isCorrectable(line: { kind: string; chargeType: string; totalFen: number }): boolean {
  return (
    line.kind === 'charge' &&
    (CORRECTABLE_CHARGE_TYPES as readonly string[]).includes(line.chargeType) &&
    line.totalFen > 0
  );
}

/** A service period as read: one day alone, or `from ~ to`. */
export const periodText = (from: string, to: string) => (from === to ? from : `${from} ~ ${to}`);

/** The API's fields as the charge forms name them: the amount is typed in yuan, the period is one picker. */
const FORM_FIELDS: Record<string, string> = {
  totalFen: 'amount',
  periodStart: 'period',
  periodEnd: 'period',
};

/** The same error, pointing at the form's own field, for showError. */
export function onChargeFormField(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field) return error;
  const field = error.field.replace(/^body\./, '');
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    field: FORM_FIELDS[field] ?? field,
    requestId: error.requestId,
  });
}
