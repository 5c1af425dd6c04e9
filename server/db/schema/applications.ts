import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProposedTerms } from '../../../common/schemas/applications.ts';
import { ts } from './columns.ts';
import { customers } from './customers.ts';
import { organizations, users } from './platform.ts';
import { buildings, sites } from './spaces.ts';

/**
 * Gapless document numbers per organization, kind and year (申请 SQ-2026-000001, 准入 ZR-2026-000001,
 * contracts later): taken in the transaction that uses the number, so a rollback gives it back.
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.prefix, t.year] })],
);

/** The lease application (《空间租赁申请表》, R2.2.1) and where it stands in the review. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status').notNull().default('draft'),
    spaceType: text('space_type').notNull(),
    areaMin: numeric('area_min', { precision: 12, scale: 2 }).notNull(),
    areaMax: numeric('area_max', { precision: 12, scale: 2 }).notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'`),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    termMonths: integer('term_months').notNull(),
    occupants: integer('occupants').notNull(),
    intendedUse: text('intended_use').notNull(),
    useDescription: text('use_description'),
    terms: jsonb('terms').$type<ProposedTerms>().notNull(),
    notes: text('notes'),
    /** The stage that returned it: a resubmission goes back there. */
    returnedFrom: text('returned_from'),
    /** When the current review stage began, and the calendar day it should be decided by. */
    stageStartedAt: ts('stage_started_at'),
    stageDueOn: date('stage_due_on', { mode: 'string' }),
    /** The last day an overdue reminder went out for the current stage: one a day, re-runs add none. */
    remindedOn: date('reminded_on', { mode: 'string' }),
    noticeNumber: text('notice_number'),
    noticeIssuedOn: date('notice_issued_on', { mode: 'string' }),
    noticeSignBy: date('notice_sign_by', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_org_number_key').on(t.orgId, t.number),
    index('applications_org_status_idx').on(t.orgId, t.status, t.createdAt, t.id),
    index('applications_customer_idx').on(t.customerId, t.createdAt),
    index('applications_org_created_idx').on(t.orgId, t.createdAt, t.id),
    check('applications_area_check', sql`${t.areaMin} <= ${t.areaMax}`),
  ],
);

/** Every decision, in order, never changed (R2.2.2-R2.2.5). */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    stage: text('stage').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment'),
    rejectReason: text('reject_reason'),
    checklist: jsonb('checklist').$type<Record<string, boolean | number>>().notNull().default({}),
    /** When the stage began: with decided_at, the time the stage took. */
    stageStartedAt: ts('stage_started_at').notNull(),
    /** The day the stage should have been decided by: a later decision counts as overdue. */
    dueOn: date('due_on', { mode: 'string' }),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [
    index('application_reviews_application_idx').on(t.applicationId, t.decidedAt, t.id),
    index('application_reviews_org_decided_idx').on(t.orgId, t.decidedAt),
  ],
);
