import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  uscc: char('uscc', { length: 18 }).notNull().unique(),
  address: text('address'),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  currency: char('currency', { length: 3 }).notNull().default('CNY'),
  /** Validated by common/schemas/organization.ts (orgSettings), which supplies the defaults. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    roles: text('roles').array().notNull(),
    /** Set for portal users (role `customer`); the customers table arrives with the customer module. */
    customerId: uuid('customer_id'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Usernames are unique in the whole installation: sign-in happens before the organization is known.
    uniqueIndex('users_username_key').on(t.username),
    index('users_org_created_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per key (`u:<username>` or `ip:<address>`); installation-wide, like usernames. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
  blockedUntil: ts('blocked_until'),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind', { enum: ['user', 'system', 'job'] }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    jobRunId: uuid('job_run_id'),
    /** The customer the change concerns, whatever the entity: the customer's timeline reads by it (R2.3.2). */
    customerId: uuid('customer_id'),
  },
  (t) => [
    index('audit_log_customer_idx').on(t.orgId, t.customerId, t.at),
    index('audit_log_org_at_idx').on(t.orgId, t.at, t.id),
    index('audit_log_entity_idx').on(t.orgId, t.entityType, t.entityId, t.at),
    index('audit_log_actor_idx').on(t.orgId, t.actorId, t.at),
  ],
);

export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    job: text('job').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** schedule: the once-a-day run; tick: a frequent job's scheduled run that did work; manual: asked for. */
    trigger: text('trigger', { enum: ['schedule', 'tick', 'manual'] }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
    host: text('host'),
    durationMs: bigint('duration_ms', { mode: 'number' }),
  },
  (t) => [
    index('job_runs_org_started_idx').on(t.orgId, t.startedAt, t.id),
    // A scheduled job runs once per organization and business date, however many servers tick.
    uniqueIndex('job_runs_scheduled_once')
      .on(t.orgId, t.job, t.businessDate)
      .where(sql`${t.trigger} = 'schedule' and ${t.status} <> 'failed'`),
  ],
);
