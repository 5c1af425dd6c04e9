import { addFen } from '../../../../common/money.ts';
import { INVOICE_STATUSES } from '../../../../common/schemas/invoices.ts';
import { ApiError } from '../../app/api.ts';
import type {
  InvoiceFilters,
  InvoiceStatus,
  InvoiceType,
  InvoicingFilters,
  InvoicingLine,
} from './invoicesApi.ts';

/** The page's two tabs: the issued lines still to invoice (the default), and the invoices recorded. */
export const INVOICE_TABS = ['pending', 'issued'] as const;
export type InvoiceTab = (typeof INVOICE_TABS)[number];

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, string> = { issued: 'green', void: 'default' };
export const INVOICE_TYPE_COLORS: Record<InvoiceType, string> = { special: 'volcano', ordinary: 'blue' };

/**
 * The page's filters: the customer is shared by both tabs (find what a customer still needs, record it,
 * see it among the invoices); the dates are posting dates on one tab and issue dates on the other.
 */
export interface InvoicesState {
  tab: InvoiceTab;
  customerId?: string;
  /** Posting dates of the lines to invoice, inclusive. */
  from?: string;
  to?: string;
  status?: InvoiceStatus;
  /** Issue dates of the invoices, inclusive. */
  issuedFrom?: string;
  issuedTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_KEYS = ['from', 'to', 'issuedFrom', 'issuedTo'] as const;

/** The filters in the address (`/invoices?tab=issued&customerId=…&status=void`); what is unknown is dropped. */
export function invoicesStateFromParams(params: URLSearchParams): InvoicesState {
  const tab = params.get('tab');
  const state: InvoicesState = { tab: tab === 'issued' ? 'issued' : 'pending' };
  const customerId = params.get('customerId');
  if (customerId && UUID.test(customerId)) state.customerId = customerId;
  for (const key of DATE_KEYS) {
    const value = params.get(key);
    if (value && DAY.test(value)) state[key] = value;
  }
  const status = params.get('status');
  if (status && (INVOICE_STATUSES as readonly string[]).includes(status))
    state.status = status as InvoiceStatus;
  return state;
}

export function paramsFromInvoicesState(state: InvoicesState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.tab !== 'pending') params.set('tab', state.tab);
  if (state.customerId) params.set('customerId', state.customerId);
  for (const key of DATE_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.status) params.set('status', state.status);
  return params;
}

/** What the list of lines to invoice (and its export) asks the API for. */
export function invoicingFilters(state: InvoicesState): InvoicingFilters {
  return {
    ...(state.customerId ? { customerId: state.customerId } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
  };
}

/** What the list of invoices asks the API for. */
export function invoiceFilters(state: InvoicesState): InvoiceFilters {
  return {
    ...(state.customerId ? { customerId: state.customerId } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.issuedFrom ? { from: state.issuedFrom } : {}),
    ...(state.issuedTo ? { to: state.issuedTo } : {}),
  };
}

export interface SelectionTotals {
  count: number;
  netFen: number;
  taxFen: number;
  totalFen: number;
  /** The one customer all the lines belong to; null when none are chosen or they are of several. */
  customerId: string | null;
  buyerName: string | null;
  buyerTaxId: string | null;
}

/** The chosen lines added up, exactly in fen, and whose they are: one invoice has one buyer. */
export function selectionTotals(lines: readonly InvoicingLine[]): SelectionTotals {
  const customers = new Set(lines.map((l) => l.customerId));
  const first = lines[0];
  const one = customers.size === 1 && first ? first : null;
  return {
    count: lines.length,
    netFen: addFen(...lines.map((l) => l.netFen)),
    taxFen: addFen(...lines.map((l) => l.taxFen)),
    totalFen: addFen(...lines.map((l) => l.totalFen)),
    customerId: one?.customerId ?? null,
    buyerName: one?.buyerName ?? null,
    buyerTaxId: one?.buyerTaxId ?? null,
  };
}

/**
 * Whether an API error is about the chosen lines (taken by another invoice, not the customer's, adding up
 * to nothing): the form has no field for them, so it is shown as an alert above the fields.
 */
export function isLinesError(error: unknown): error is ApiError {
  return error instanceof ApiError && /^(body\.)?lineIds\b/.test(error.field ?? '');
}

/** Only digits, as many as an invoice number may have: what the number field keeps of what was typed. */
export const invoiceNumberInput = (typed: string) => typed.replace(/\D/g, '').slice(0, 20);
