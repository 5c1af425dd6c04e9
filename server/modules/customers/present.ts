import type { z } from 'zod';
import { addDays } from '../../../common/dates.ts';
import type {
  contactView,
  customerSummary,
  customerView,
  documentView,
} from '../../../common/schemas/customers.ts';
import { toIso } from '../../platform/db/database.ts';
import type { ContactRow, CustomerListRow, CustomerSummaryRow, DocumentListRow } from './repo.ts';

type Summary = z.infer<typeof customerSummary>;
type View = z.infer<typeof customerView>;

export function presentSummary(c: CustomerSummaryRow): Summary {
  return {
    id: c.id,
    name: c.name,
    uscc: c.uscc,
    status: c.status,
    industry: c.industry as Summary['industry'],
    accountManagerId: c.accountManagerId,
    accountManagerName: c.accountManagerName,
    tags: c.tags,
    primaryContact: c.primaryContactName
      ? { name: c.primaryContactName, mobile: c.primaryContactMobile }
      : null,
    createdAt: c.createdAt,
  };
}

export function presentCustomer(c: CustomerListRow): View {
  return {
    ...presentSummary({ ...c, createdAt: toIso(c.createdAt)! }),
    kind: c.kind,
    legalRepresentative: c.legalRepresentative,
    registeredCapital: c.registeredCapital == null ? null : Number(c.registeredCapital),
    establishedOn: c.establishedOn,
    registeredAddress: c.registeredAddress,
    scale: c.scale as View['scale'],
    notes: c.notes,
    blacklistReason: c.blacklistReason,
    blacklistedAt: toIso(c.blacklistedAt),
    updatedAt: toIso(c.updatedAt)!,
  };
}

export function presentContact(c: ContactRow): z.infer<typeof contactView> {
  return {
    id: c.id,
    customerId: c.customerId,
    name: c.name,
    title: c.title,
    mobile: c.mobile,
    email: c.email,
    isPrimary: c.isPrimary,
    roles: c.roles as z.infer<typeof contactView>['roles'],
    notes: c.notes,
  };
}

/** Expiring means within 30 days of the organization's today (the warning job uses the same window). */
export const EXPIRY_WARNING_DAYS = 30;

export function validity(expiresOn: string | null, today: string) {
  if (!expiresOn) return 'no_expiry' as const;
  if (expiresOn < today) return 'expired' as const;
  return expiresOn <= addDays(today, EXPIRY_WARNING_DAYS) ? ('expiring' as const) : ('valid' as const);
}

export function presentDocument(d: DocumentListRow, today: string): z.infer<typeof documentView> {
  return {
    id: d.id,
    customerId: d.customerId,
    kind: d.kind,
    title: d.title,
    documentNo: d.documentNo,
    fileName: d.fileName,
    mediaType: d.mediaType as z.infer<typeof documentView>['mediaType'],
    size: d.size,
    sha256: d.sha256,
    issuedOn: d.issuedOn,
    expiresOn: d.expiresOn,
    validity: validity(d.expiresOn, today),
    verifiedAt: toIso(d.verifiedAt),
    verifiedById: d.verifiedBy,
    verifiedByName: d.verifiedByName,
    uploadedAt: toIso(d.createdAt)!,
    uploadedByName: d.uploadedByName,
  };
}
