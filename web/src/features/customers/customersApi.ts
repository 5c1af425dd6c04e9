import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CONTACT_ROLES,
  CUSTOMER_STATUSES,
  contactBody,
  contactView,
  customerBody,
  customerSummary,
  customerView,
  DOCUMENT_KINDS,
  documentView,
  INDUSTRIES,
  timelineEntry,
  updateContactBody,
  updateCustomerBody,
} from '../../../../common/schemas/customers.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';

export type CustomerSummary = z.infer<typeof customerSummary>;
export type CustomerView = z.infer<typeof customerView>;
export type CustomerBody = z.input<typeof customerBody>;
export type CustomerChanges = z.input<typeof updateCustomerBody>;
export type ContactView = z.infer<typeof contactView>;
export type ContactBody = z.input<typeof contactBody>;
export type ContactChanges = z.input<typeof updateContactBody>;
export type DocumentView = z.infer<typeof documentView>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export interface AccountManager {
  id: string;
  displayName: string;
}
/** A customer the similar-name warning points to. */
export interface SimilarCustomer {
  id: string;
  name: string;
  uscc: string;
}

export interface CustomerFilters {
  q?: string;
  status?: CustomerStatus;
  industry?: Industry;
  accountManagerId?: string;
  tag?: string;
  sort?: 'name' | 'newest';
}

/** Every query of this feature starts with it, so one invalidation refreshes them all after a change. */
export const CUSTOMERS = 'customers';
const id = encodeURIComponent;
const base = (customerId: string) => `/v1/customers/${id(customerId)}`;

export const listCustomers = (filters: CustomerFilters, cursor: string | undefined) =>
  api.get<Page<CustomerSummary>>('/v1/customers', { ...filters, cursor, limit: 50 });
export const getCustomer = (customerId: string) => api.get<CustomerView>(base(customerId));
export const createCustomer = (body: CustomerBody) => api.post<CustomerView>('/v1/customers', body);
export const updateCustomer = (customerId: string, body: CustomerChanges) =>
  api.patch<CustomerView>(base(customerId), body);
export const blacklistCustomer = (customerId: string, reason: string) =>
  api.post<CustomerView>(`${base(customerId)}/blacklist`, { reason });
export const unblacklistCustomer = (customerId: string, reason: string) =>
  api.post<CustomerView>(`${base(customerId)}/unblacklist`, { reason });

export const listContacts = (customerId: string) => api.get<ContactView[]>(`${base(customerId)}/contacts`);
export const createContact = (customerId: string, body: ContactBody) =>
  api.post<ContactView>(`${base(customerId)}/contacts`, body);
export const updateContact = (customerId: string, contactId: string, body: ContactChanges) =>
  api.patch<ContactView>(`${base(customerId)}/contacts/${id(contactId)}`, body);
export const deleteContact = (customerId: string, contactId: string) =>
  api.delete<void>(`${base(customerId)}/contacts/${id(contactId)}`);

export const listDocuments = (customerId: string) => api.get<DocumentView[]>(`${base(customerId)}/documents`);
/** The text fields go before the file: the server reads the parts in order and streams the file last. */
export const uploadDocument = (customerId: string, fields: Record<string, string | null>, file: Blob) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  form.append('file', file);
  return api.upload<DocumentView>(`${base(customerId)}/documents`, form);
};
export const documentFileUrl = (customerId: string, documentId: string) =>
  buildUrl(`${base(customerId)}/documents/${id(documentId)}/file`);
export const exportUrl = (filters: CustomerFilters) => buildUrl('/v1/customers/export.xlsx', { ...filters });
export const verifyDocument = (customerId: string, documentId: string, verified: boolean) =>
  api.post<DocumentView>(`${base(customerId)}/documents/${id(documentId)}/verification`, { verified });
export const deleteDocument = (customerId: string, documentId: string) =>
  api.delete<void>(`${base(customerId)}/documents/${id(documentId)}`);

export const listTimeline = (customerId: string, cursor: string | undefined) =>
  api.get<Page<TimelineEntry>>(`${base(customerId)}/timeline`, { cursor });

export function useCustomer(customerId: string) {
  return useQuery({ queryKey: [CUSTOMERS, 'one', customerId], queryFn: () => getCustomer(customerId) });
}

/** Active business users; a short list that changes rarely. */
export function useAccountManagers() {
  return useQuery({
    queryKey: [CUSTOMERS, 'account-managers'],
    queryFn: () => api.get<AccountManager[]>('/v1/customers/account-managers'),
    staleTime: 5 * 60_000,
  });
}

const EDITORS = ['admin', 'business'] as const;

/** Only these roles may change customers, contacts and documents; the server checks again. */
export function useCanEditCustomers(): boolean {
  return hasAnyRole(useUser(), EDITORS);
}

/** Putting a customer on the blacklist, or taking it off, is management's decision (R2.3). */
export function useCanBlacklist(): boolean {
  return hasAnyRole(useUser(), ['management']);
}
