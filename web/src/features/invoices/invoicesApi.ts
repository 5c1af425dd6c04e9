import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  INVOICE_STATUSES,
  INVOICE_TYPES,
  InvoiceView,
  InvoicingLine,
  invoiceBody,
  invoiceSummary,
  voidInvoiceBody,
} from '../../../../common/schemas/invoices.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { BILLING } from '../billing/billingApi.ts';

export type InvoiceSummary = z.output<typeof invoiceSummary>;
export type InvoiceBody = z.input<typeof invoiceBody>;
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type { InvoiceView, InvoicingLine };

/** Posting dates, inclusive. */
export interface InvoicingFilters {
  customerId?: string;
  billId?: string;
  from?: string;
  to?: string;
}

/** Issue dates, inclusive. */
export interface InvoiceFilters {
  customerId?: string;
  status?: InvoiceStatus;
  from?: string;
  to?: string;
}

// Under BILLING: a credit or a correction posted elsewhere adds lines to invoice, and recording an invoice
// refreshes whatever of billing shows them.
const KEY = [BILLING, 'invoices'] as const;
const id = encodeURIComponent;

export const listInvoicingLines = (
  filters: InvoicingFilters & { invoiced?: 'true' | 'false' | 'all' },
  cursor: string | undefined,
  limit = 50,
) => api.get<Page<InvoicingLine>>('/v1/invoicing/lines', { invoiced: 'false', ...filters, cursor, limit });
export const listInvoices = (filters: InvoiceFilters, cursor: string | undefined) =>
  api.get<Page<InvoiceSummary>>('/v1/invoices', { ...filters, cursor, limit: 50 });
export const getInvoice = (invoiceId: string) => api.get<InvoiceView>(`/v1/invoices/${id(invoiceId)}`);
export const recordInvoice = (body: InvoiceBody) => api.post<InvoiceView>('/v1/invoices', body);
export const voidInvoice = (invoiceId: string, body: z.input<typeof voidInvoiceBody>) =>
  api.post<InvoiceView>(`/v1/invoices/${id(invoiceId)}/void`, body);

/** The lines still to invoice as the invoicing tool reads them (a download, in Chinese whatever the language). */
export const invoicingXlsxUrl = (filters: InvoicingFilters) =>
  buildUrl('/v1/invoicing/lines.xlsx', { ...filters, invoiced: 'false' });

export function useInvoicingLines(filters: InvoicingFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'lines', filters, cursor],
    queryFn: () => listInvoicingLines(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

export function useInvoices(filters: InvoiceFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', filters, cursor],
    queryFn: () => listInvoices(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(invoiceId: string) {
  return useQuery({ queryKey: [...KEY, 'one', invoiceId], queryFn: () => getInvoice(invoiceId) });
}

/** The invoiced lines of one bill, for its page. */
export function useBillInvoicing(bill: { id: string }) {
  const filters = { billId: bill.id, invoiced: 'true' as const };
  return useQuery({
    queryKey: [...KEY, 'bill', bill.id],
    queryFn: async () => (await listInvoicingLines(filters, undefined, 500)).items,
  });
}

/** What a write invalidates: every invoice query (the lines, the lists, the invoices). */
export const INVOICES_KEY = KEY;
