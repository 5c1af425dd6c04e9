import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organizations, users } from './platform.ts';

/**
 * The customer file (客户信息档案, R2.3.1). Name search uses a trigram index (substrings, Chinese included)
 * and a byte-order index (prefixes of one or two characters, and the list's sort order); both are created
 * in the migration because Drizzle cannot spell an operator class with a collation.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['company', 'individual_business'] })
      .notNull()
      .default('company'),
    uscc: text('uscc').notNull(),
    legalRepresentative: text('legal_representative'),
    registeredCapital: bigint('registered_capital', { mode: 'number' }),
    establishedOn: date('established_on', { mode: 'string' }),
    industry: text('industry'),
    registeredAddress: text('registered_address'),
    scale: text('scale'),
    accountManagerId: uuid('account_manager_id').references(() => users.id),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    status: text('status', {
      enum: ['prospect', 'applicant', 'admitted', 'tenant', 'former', 'blacklisted'],
    })
      .notNull()
      .default('prospect'),
    /** Where a blacklisted customer returns when management lifts it. */
    statusBeforeBlacklist: text('status_before_blacklist'),
    blacklistReason: text('blacklist_reason'),
    blacklistedAt: ts('blacklisted_at'),
    blacklistedBy: uuid('blacklisted_by').references(() => users.id),
    importBatchId: uuid('import_batch_id'),
    /**
     * The primary contact's name and mobile, kept by a trigger on customer_contacts (migration 0013) so
     * that a list page reads one row per customer. Written otherwise only by the import, with the values
     * the trigger would give.
     */
    primaryContactName: text('primary_contact_name'),
    primaryContactMobile: text('primary_contact_mobile'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_org_uscc_key').on(t.orgId, t.uscc),
    index('customers_org_manager_idx').on(t.orgId, t.accountManagerId),
    index('customers_org_created_idx').on(t.orgId, t.createdAt, t.id),
    check('customers_capital_check', sql`${t.registeredCapital} is null or ${t.registeredCapital} >= 0`),
    check(
      'customers_blacklist_check',
      sql`(${t.status} = 'blacklisted') = (${t.blacklistReason} is not null)`,
    ),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    roles: text('roles').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_contacts_customer_idx').on(t.customerId),
    index('customer_contacts_org_mobile_idx').on(t.orgId, t.mobile),
    index('customer_contacts_org_name_idx').on(t.orgId, t.name),
    // At most one primary contact per customer.
    uniqueIndex('customer_contacts_primary_key').on(t.customerId).where(sql`${t.isPrimary}`),
  ],
);

/** Qualification documents (R2.1): the file lives under the data directory, named by its SHA-256. */
export const customerDocuments = pgTable(
  'customer_documents',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', {
      enum: ['business_licence', 'tax_registration', 'id_card', 'other'],
    }).notNull(),
    title: text('title'),
    documentNo: text('document_no'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    /** The expiry date a 30-day warning was sent for: the daily job warns once per date, re-runs add nothing. */
    expiryWarnedFor: date('expiry_warned_for', { mode: 'string' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_documents_customer_idx').on(t.customerId, t.createdAt),
    index('customer_documents_expiry_idx').on(t.orgId, t.expiresOn),
    check(
      'customer_documents_dates_check',
      sql`${t.issuedOn} is null or ${t.expiresOn} is null or ${t.issuedOn} <= ${t.expiresOn}`,
    ),
  ],
);

/**
 * How many of an organization's customer names contain each three-character string: a hint for name
 * search, which must choose between walking the names in list order and reading every trigram match
 * (PostgreSQL's own guess for `LIKE '%…%'` depends only on the pattern's length). Rebuilt nightly by the
 * `refresh-customer-search-stats` job; stale or missing figures make a search slower, never wrong.
 */
export const customerNameTrigrams = pgTable(
  'customer_name_trigrams',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    trigram: text('trigram').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.trigram] })],
);

/**
 * How many customers an organization had when its trigram counts were made: with a count, name search
 * weighs walking the list against reading the matches (see READ_PER_WALKED in the customers repo).
 */
export const customerSearchStats = pgTable('customer_search_stats', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  customers: integer('customers').notNull(),
  countedAt: ts('counted_at').notNull().defaultNow(),
});
