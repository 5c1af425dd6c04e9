import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ContractTerms, TermsSnapshot } from '../../../common/schemas/contracts.ts';
import { applications } from './applications.ts';
import { ts } from './columns.ts';
import { customers } from './customers.ts';
import { organizations, users } from './platform.ts';

const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** Contract templates per organization and kind, versioned: a contract keeps the version it used. */
export const contractTemplates = pgTable(
  'contract_templates',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    clauses: text('clauses').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_templates_org_kind_version_key').on(t.orgId, t.kind, t.version)],
);

/** The lease contract (R3.1): who, which template, where it stands; its terms live in versions. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    applicationId: uuid('application_id').references(() => applications.id),
    noApplicationReason: text('no_application_reason'),
    renewalOf: uuid('renewal_of'),
    templateId: uuid('template_id')
      .notNull()
      .references(() => contractTemplates.id),
    status: text('status').notNull().default('draft'),
    /** The term as the version in force last says it: for lists, expiry and overlap checks. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    notes: text('notes'),
    /** R3.1.3: who heard the explanation, when, which clauses were highlighted. */
    explanation: jsonb('explanation').$type<Record<string, unknown>>(),
    signedOn: date('signed_on', { mode: 'string' }),
    lessorSignatory: text('lessor_signatory'),
    customerSignatory: text('customer_signatory'),
    signedCopyFileId: uuid('signed_copy_file_id'),
    /** R3.1.4: the original's keeper and place. */
    custodianId: uuid('custodian_id').references(() => users.id),
    archiveLocation: text('archive_location'),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    handover: jsonb('handover').$type<Record<string, unknown>>(),
    terminatedOn: date('terminated_on', { mode: 'string' }),
    termination: jsonb('termination').$type<Record<string, unknown>>(),
    movedOutOn: date('moved_out_on', { mode: 'string' }),
    moveOut: jsonb('move_out').$type<Record<string, unknown>>(),
    cancelReason: text('cancel_reason'),
    /** An imported lease was billed outside Tenantry up to this day: billing starts after it. */
    billedThrough: date('billed_through', { mode: 'string' }),
    /** Where the contract came from when it was not drafted here (an import batch). */
    importId: uuid('import_id'),
    /** Art. 734: expired, the customer still in, no renewal signed. */
    holdingOver: boolean('holding_over').notNull().default(false),
    /** The smallest "days before the end" reminder already sent (90, 60, 30): re-runs send none. */
    remindedDaysBefore: integer('reminded_days_before'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contracts_org_number_key').on(t.orgId, t.number),
    index('contracts_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('contracts_org_status_end_idx').on(t.orgId, t.status, t.endDate),
    index('contracts_customer_idx').on(t.customerId, t.createdAt),
    index('contracts_application_idx').on(t.applicationId),
    index('contracts_renewal_idx').on(t.renewalOf),
  ],
);

/**
 * The terms, one row per version (R3.3.1): version 1 is the signed contract, later ones amendments with an
 * effective date. A version in force never changes; billing reads the one in force on each day.
 */
export const contractVersions = pgTable(
  'contract_versions',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    terms: jsonb('terms').$type<ContractTerms>().notNull(),
    snapshot: jsonb('snapshot').$type<TermsSnapshot>(),
    reason: text('reason'),
    agreementFileId: uuid('agreement_file_id'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_versions_contract_version_key').on(t.contractId, t.version)],
);

/** The contract ledger's entries (合同台账, R3.1.4): append-only, one per thing that happened. */
export const contractEvents = pgTable(
  'contract_events',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('contract_events_contract_idx').on(t.contractId, t.at, t.id),
    index('contract_events_org_kind_idx').on(t.orgId, t.kind, t.onDate),
  ],
);

/** Signed copies, agreements, evidence, photos: stored by checksum in the file store. */
export const contractFiles = pgTable(
  'contract_files',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    storagePath: text('storage_path').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('contract_files_contract_idx').on(t.contractId, t.uploadedAt)],
);

/** Change of use or subletting found (R3.2.2), and what was done about it. */
export const contractViolations = pgTable(
  'contract_violations',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    kind: text('kind').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'`),
    action: text('action'),
    actionOn: date('action_on', { mode: 'string' }),
    actionNote: text('action_note'),
    /** The day the art. 718 warning went out: once per violation. */
    warnedOn: date('warned_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('contract_violations_contract_idx').on(t.contractId, t.foundOn),
    index('contract_violations_open_idx').on(t.orgId, t.kind, t.foundOn),
  ],
);

/** Formal demands for payment (催告, art. 722): until collections keeps its own, recorded here by hand. */
export const contractPaymentDemands = pgTable(
  'contract_payment_demands',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    demandedOn: date('demanded_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    proofFileId: uuid('proof_file_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contract_payment_demands_contract_idx').on(t.contractId, t.deadline)],
);
