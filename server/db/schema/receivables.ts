import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { billLines } from './billing.ts';
import { ts } from './columns.ts';
import { contracts } from './contracts.ts';
import { customers } from './customers.ts';
import { organizations, users } from './platform.ts';
import { buildings, units } from './spaces.ts';

const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);
const fen = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * A water, electricity or gas meter (R5.2.1). A unit's own meter has `unitId`; a shared meter (a floor's
 * or a building's) has `shared` and is split among units by area share or fixed percentages
 * (`meter_shares`).
 */
export const meters = pgTable(
  'meters',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    code: text('code').notNull(),
    type: text('type', { enum: ['water', 'electricity', 'gas'] }).notNull(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    shared: boolean('shared').notNull().default(false),
    splitRule: text('split_rule', { enum: ['area', 'percent'] }),
    multiplier: numeric('multiplier', { precision: 10, scale: 2 }).notNull().default('1'),
    notes: text('notes'),
    retiredAt: ts('retired_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meters_org_code_key').on(t.orgId, t.code),
    index('meters_unit_idx').on(t.unitId),
    index('meters_org_building_idx').on(t.orgId, t.buildingId, t.code),
    check('meters_multiplier_check', sql`${t.multiplier} > 0`),
    check(
      'meters_shared_check',
      sql`(${t.shared} and ${t.unitId} is null and ${t.splitRule} is not null) or (not ${t.shared} and ${t.unitId} is not null)`,
    ),
  ],
);

/** The units a shared meter is split among; `percent` for the fixed-percentage rule (they add up to 100). */
export const meterShares = pgTable(
  'meter_shares',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    percent: numeric('percent', { precision: 7, scale: 4 }),
  },
  (t) => [uniqueIndex('meter_shares_meter_unit_key').on(t.meterId, t.unitId)],
);

/**
 * A monthly reading. Consumption = (value - the previous reading) x multiplier; a replacement meter starts
 * again from `startValue` (the new meter's first figure), so its reading may be lower than the last.
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    readOn: date('read_on', { mode: 'string' }).notNull(),
    value: numeric('value', { precision: 14, scale: 2 }).notNull(),
    previousValue: numeric('previous_value', { precision: 14, scale: 2 }),
    replacement: boolean('replacement').notNull().default(false),
    startValue: numeric('start_value', { precision: 14, scale: 2 }),
    consumption: numeric('consumption', { precision: 16, scale: 4 }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meter_readings_meter_date_key').on(t.meterId, t.readOn),
    index('meter_readings_org_date_idx').on(t.orgId, t.readOn),
  ],
);

/**
 * Utility prices: the organization's (no contract) or a contract's own, by meter type, from a date.
 * Price in yuan per unit of consumption (kWh, t, m³), up to four decimals.
 */
export const utilityRates = pgTable(
  'utility_rates',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id').references(() => contracts.id),
    meterType: text('meter_type', { enum: ['water', 'electricity', 'gas'] }).notNull(),
    price: numeric('price', { precision: 12, scale: 4 }).notNull(),
    vatRate: numeric('vat_rate', { precision: 6, scale: 4 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('utility_rates_lookup_idx').on(t.orgId, t.meterType, t.contractId, t.effectiveFrom),
    check('utility_rates_price_check', sql`${t.price} >= 0`),
  ],
);

/**
 * A customer statement (对账单, R5.2.3) as issued: its entries are kept as they were, so what the customer
 * confirms or disputes is exactly what was sent.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    openingFen: fen('opening_fen'),
    chargesFen: fen('charges_fen'),
    receivedFen: fen('received_fen'),
    closingFen: fen('closing_fen'),
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    status: text('status', { enum: ['issued', 'confirmed', 'disputed'] })
      .notNull()
      .default('issued'),
    sentAt: ts('sent_at'),
    sentTo: text('sent_to'),
    respondedOn: date('responded_on', { mode: 'string' }),
    respondent: text('respondent'),
    responseNote: text('response_note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('statements_org_number_key').on(t.orgId, t.number),
    index('statements_customer_idx').on(t.customerId, t.periodTo),
  ],
);

/**
 * The deposit ledger's movements out (R3.3.3): a deduction (with reason and evidence) or a refund. What was
 * received is what payments settled on the contract's deposit lines.
 */
export const depositMovements = pgTable(
  'deposit_movements',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: ['deducted', 'refunded'] }).notNull(),
    amountFen: fen('amount_fen'),
    postingDate: date('posting_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'`),
    /** The credit line a deduction put against the customer's bills. */
    creditLineId: uuid('credit_line_id').references(() => billLines.id),
    settlementId: uuid('settlement_id'),
    method: text('method'),
    reference: text('reference'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('deposit_movements_contract_idx').on(t.contractId, t.postingDate),
    check('deposit_movements_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/**
 * The final settlement of a contract at termination or expiry: every item, the deposit, and the result (a
 * refund to the customer when positive, an amount still due when negative). Finance confirms it; then the
 * refund is recorded.
 */
export const settlements = pgTable(
  'settlements',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    number: text('number').notNull(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    items: jsonb('items').$type<unknown[]>().notNull(),
    depositHeldFen: fen('deposit_held_fen'),
    dueFen: fen('due_fen'),
    resultFen: fen('result_fen'),
    status: text('status', { enum: ['draft', 'confirmed', 'refunded', 'cancelled'] })
      .notNull()
      .default('draft'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: ts('confirmed_at'),
    refundedOn: date('refunded_on', { mode: 'string' }),
    refundMethod: text('refund_method'),
    refundReference: text('refund_reference'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('settlements_org_number_key').on(t.orgId, t.number),
    index('settlements_contract_idx').on(t.contractId),
    uniqueIndex('settlements_contract_open_key')
      .on(t.contractId)
      .where(sql`status in ('draft', 'confirmed', 'refunded')`),
  ],
);

/**
 * Closing the books (R5.1.3): nothing dated on or before `lockedThrough` may be posted or changed once
 * the row is written; corrections go into an open month. The latest row is in force; an administrator may
 * reopen by writing an earlier date with a reason. Append-only, so the history of closings is kept.
 */
export const periodLocks = pgTable(
  'period_locks',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    lockedThrough: date('locked_through', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('period_locks_org_idx').on(t.orgId, t.createdAt)],
);
