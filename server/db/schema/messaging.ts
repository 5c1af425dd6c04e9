import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organizations, users } from './platform.ts';

export interface AttachmentRef {
  /** A document kind registered with the document service, rendered at delivery. */
  kind: string;
  id: string;
  filename: string;
}

/**
 * Every message to a person, written in the transaction of the change that caused it and delivered
 * later by the deliver-outbox job. Status 'sending' is a short claim while a server delivers it.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default(sql`'{}'`),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'delivered_to_outbox', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    jobRunId: uuid('job_run_id'),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    index('outbox_org_id_idx').on(t.orgId, t.id),
    index('outbox_entity_idx').on(t.orgId, t.entityType, t.entityId),
  ],
);

/** In-app messages to one user; title and body are kept in both languages. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    title: jsonb('title').$type<{ 'zh-CN': string; en: string }>().notNull(),
    body: jsonb('body').$type<{ 'zh-CN': string; en: string }>().notNull(),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    jobRunId: uuid('job_run_id'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);
