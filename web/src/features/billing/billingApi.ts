import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  allocationPreview,
  allocationView,
  BillStatus,
  balanceView,
  billingRunPreview,
  billLineView,
  billSummary,
  billView,
  CHARGE_TYPES,
  closePeriodBody,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  paymentBody,
  paymentSummary,
  paymentView,
  periodLockView,
  reversePaymentBody,
} from '../../../../common/schemas/billing.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { MONEY_HANDLERS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import type { JobRun } from '../jobs/jobsApi.ts';

export type BillSummary = z.output<typeof billSummary>;
export type BillView = z.output<typeof billView>;
export type BillLine = z.output<typeof billLineView>;
export type AllocationView = z.output<typeof allocationView>;
export type PaymentSummary = z.output<typeof paymentSummary>;
export type PaymentView = z.output<typeof paymentView>;
export type PaymentBody = z.input<typeof paymentBody>;
export type AllocationPreview = z.output<typeof allocationPreview>;
export type PreviewItem = AllocationPreview['items'][number];
export type Balance = z.output<typeof balanceView>;
export type RunPreview = z.output<typeof billingRunPreview>;
export type PeriodLock = z.output<typeof periodLockView>;
export type ChargeType = (typeof CHARGE_TYPES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type { BillStatus };

export interface BillFilters {
  customerId?: string;
  contractId?: string;
  status?: BillStatus;
  unpaid?: 'true';
  dueBefore?: string;
  q?: string;
}

/** Every query of this feature starts with it: a payment or a run refreshes bills, payments and balances. */
export const BILLING = 'billing';

const id = encodeURIComponent;

export const listBills = (filters: BillFilters, cursor: string | undefined) =>
  api.get<Page<BillSummary>>('/v1/bills', { ...filters, cursor, limit: 50 });
export const getBill = (billId: string) => api.get<BillView>(`/v1/bills/${id(billId)}`);
export const listPayments = (filters: { customerId?: string }, cursor: string | undefined) =>
  api.get<Page<PaymentSummary>>('/v1/payments', { ...filters, cursor, limit: 50 });
export const getPayment = (paymentId: string) => api.get<PaymentView>(`/v1/payments/${id(paymentId)}`);
export const getBalance = (customerId: string) => api.get<Balance>(`/v1/customers/${id(customerId)}/balance`);
export const previewAllocation = (customerId: string, amountFen: number) =>
  api.get<AllocationPreview>('/v1/payments/allocation-preview', { customerId, amountFen });
export const recordPayment = (body: PaymentBody) => api.post<PaymentView>('/v1/payments', body);
export const reversePayment = (paymentId: string, body: z.input<typeof reversePaymentBody>) =>
  api.post<PaymentView>(`/v1/payments/${id(paymentId)}/reverse`, body);
export const previewRun = (asOf: string) => api.get<RunPreview>('/v1/billing/preview', { asOf });
export const runBilling = (asOf: string) => api.post<JobRun>('/v1/billing/runs', { asOf });
export const getPeriodLock = () => api.get<PeriodLock>('/v1/billing/period-lock');
export const closePeriod = (body: z.input<typeof closePeriodBody>) =>
  api.post<PeriodLock>('/v1/billing/period-lock', body);
/** E-mails the bill with its PDF to the customer's finance contact (again, if it was sent before). */
export const sendBill = (billId: string) => api.post<BillView>(`/v1/bills/${id(billId)}/send`);

/** The print views (HTML, opened in a new tab); without `format` the server sends the PDF. */
export const receiptUrl = (paymentId: string) =>
  buildUrl(`/v1/documents/payment-receipt/${id(paymentId)}`, { format: 'html' });
export const billDocumentUrl = (billId: string) =>
  buildUrl(`/v1/documents/bill/${id(billId)}`, { format: 'html' });

export function useBill(billId: string) {
  return useQuery({ queryKey: [BILLING, 'bill', billId], queryFn: () => getBill(billId) });
}

/** The date the books are closed through (null: never closed) and the history of closings. */
export function usePeriodLock() {
  return useQuery({ queryKey: [BILLING, 'periodLock'], queryFn: getPeriodLock });
}

/** Days on or before the closed date take no postings: the date pickers of payments and runs grey them out. */
export function useClosedThrough(): string | null {
  return usePeriodLock().data?.lockedThrough ?? null;
}

export function usePayment(paymentId: string) {
  return useQuery({ queryKey: [BILLING, 'payment', paymentId], queryFn: () => getPayment(paymentId) });
}

export function useBalance(customerId: string) {
  return useQuery({
    queryKey: [BILLING, 'balance', customerId],
    queryFn: () => getBalance(customerId),
    placeholderData: keepPreviousData,
  });
}

/** Finance and administrators record payments and run billing; everyone else reads. The server checks again. */
export function useCanHandleMoney(): boolean {
  return hasAnyRole(useUser(), MONEY_HANDLERS);
}
