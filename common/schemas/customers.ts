import { z } from 'zod';
import { emailField, phoneField } from './fields.ts';

/** The first five follow applications and contracts; `blacklisted` is management's decision (R2.3). */
export const CUSTOMER_STATUSES = [
  'prospect',
  'applicant',
  'admitted',
  'tenant',
  'former',
  'blacklisted',
] as const;
export const CUSTOMER_KINDS = ['company', 'individual_business'] as const;
export const BUSINESS_SCALES = ['micro', 'small', 'medium', 'large'] as const;
/** Industries as leasing staff group their tenants; labels live in the locales (`customers.industries.*`). */
export const INDUSTRIES = [
  'it',
  'ecommerce',
  'logistics',
  'manufacturing',
  'trade',
  'finance',
  'professional',
  'biotech',
  'education',
  'culture',
  'construction',
  'other',
] as const;
export const CONTACT_ROLES = ['legal', 'finance', 'onsite', 'signatory', 'emergency'] as const;
export const DOCUMENT_KINDS = ['business_licence', 'tax_registration', 'id_card', 'other'] as const;
/** Uploads: PDF or images, checked by their first bytes, not by the name or the browser's word. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

const businessDate = z.iso.date();
/** Registered capital in fen, as leasing staff type it in 万元 on the form and the server keeps in fen. */
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The fields without defaults, so that an update leaves out what it does not send. */
const customerFields = z.object({
  name: z.string().trim().min(2).max(100),
  kind: z.enum(CUSTOMER_KINDS),
  /** Checked by the use case (CUSTOMER_USCC_INVALID on field `uscc`), so the reason keeps its own code. */
  uscc: z.string().trim().min(1).max(64),
  legalRepresentative: z.string().trim().max(50).nullish(),
  registeredCapital: fen.nullish(),
  establishedOn: businessDate.nullish(),
  industry: z.enum(INDUSTRIES).nullish(),
  registeredAddress: z.string().trim().max(300).nullish(),
  scale: z.enum(BUSINESS_SCALES).nullish(),
  accountManagerId: z.uuid().nullish(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20),
  notes: z.string().trim().max(2000).nullish(),
  /** Set after the user has seen the similar-name warning and goes on anyway. */
  allowSimilarName: z.boolean().optional(),
});
export const customerBody = customerFields.extend({
  kind: customerFields.shape.kind.default('company'),
  tags: customerFields.shape.tags.default([]),
});
// zod keeps inner defaults under .partial(): built from the fields, an update never resets tags.
export const updateCustomerBody = customerFields.partial().omit({ kind: true });

export const blacklistBody = z.object({ reason: z.string().trim().min(4).max(500) });
export const unblacklistBody = z.object({ reason: z.string().trim().min(4).max(500) });

export const customerSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
  industry: z.enum(INDUSTRIES).nullable(),
  accountManagerId: z.uuid().nullable(),
  accountManagerName: z.string().nullable(),
  tags: z.array(z.string()),
  primaryContact: z.object({ name: z.string(), mobile: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});

export const customerView = customerSummary.extend({
  kind: z.enum(CUSTOMER_KINDS),
  legalRepresentative: z.string().nullable(),
  registeredCapital: z.number().int().nullable(),
  establishedOn: businessDate.nullable(),
  registeredAddress: z.string().nullable(),
  scale: z.enum(BUSINESS_SCALES).nullable(),
  notes: z.string().nullable(),
  blacklistReason: z.string().nullable(),
  blacklistedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const customersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  accountManagerId: z.uuid().optional(),
  tag: z.string().trim().max(20).optional(),
  sort: z.enum(['name', 'newest']).default('name'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const contactFields = z.object({
  name: z.string().trim().min(1).max(50),
  title: z.string().trim().max(50).nullish(),
  mobile: phoneField().nullish(),
  email: emailField().nullish(),
  isPrimary: z.boolean(),
  roles: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length),
  notes: z.string().trim().max(500).nullish(),
});
export const contactBody = contactFields.extend({
  isPrimary: contactFields.shape.isPrimary.default(false),
  roles: contactFields.shape.roles.default([]),
});
export const updateContactBody = contactFields.partial();
export const contactView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
  roles: z.array(z.enum(CONTACT_ROLES)),
  notes: z.string().nullable(),
});

/** Fields sent with the multipart upload, beside the file. */
export const documentFields = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().trim().max(100).nullish(),
  documentNo: z.string().trim().max(100).nullish(),
  issuedOn: businessDate.nullish(),
  expiresOn: businessDate.nullish(),
});
export const documentView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().nullable(),
  documentNo: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  issuedOn: businessDate.nullable(),
  expiresOn: businessDate.nullable(),
  /** On today's date in the organization: valid, expiring within 30 days, or expired. */
  validity: z.enum(['valid', 'expiring', 'expired', 'no_expiry']),
  verifiedAt: z.string().nullable(),
  verifiedById: z.uuid().nullable(),
  verifiedByName: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export const verifyDocumentBody = z.object({ verified: z.boolean() });

export const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Changed fields, before and after, as the audit trail kept them. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  summary: z.record(z.string(), z.unknown()).nullable(),
});

export const customerReport = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(CUSTOMER_STATUSES), count: z.number().int() })),
  byIndustry: z.array(z.object({ industry: z.enum(INDUSTRIES).nullable(), count: z.number().int() })),
  byAccountManager: z.array(
    z.object({ accountManagerId: z.uuid().nullable(), name: z.string().nullable(), count: z.number().int() }),
  ),
  newPerMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
});
