import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { contracts } from './contracts.ts';
import { customers } from './customers.ts';
import { organizations, users } from './platform.ts';

const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);
const fen = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * The charges of a contract still to be billed: the charge schedule written out at signing and redrawn on
 * each amendment or termination (only what is not yet issued, plus adjustments for what was). A billing run
 * moves the rows whose issue date has come into `bill_lines`, so this table only holds what is pending.
 * The key of a charge is (contract, charge type, unit, name, period start, seq); seq 0 is the scheduled
 * charge, 1, 2 … its later adjustments.
 */
export const chargePlan = pgTable(
  'charge_plan',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').notNull(),
    chargeType: text('charge_type').notNull(),
    unitId: uuid('unit_id'),
    name: text('name').notNull().default(''),
    seq: integer('seq').notNull().default(0),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    vatRate: numeric('vat_rate', { precision: 6, scale: 4 }).notNull(),
    reason: text('reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('charge_plan_org_issue_idx').on(t.orgId, t.issueDate, t.contractId),
    index('charge_plan_contract_idx').on(t.contractId, t.issueDate),
  ],
);

/** A bill (应收账单): one per contract, due date and run; its lines never change once issued. */
export const bills = pgTable(
  'bills',
  {
    id: uuid('id').primaryKey(),
    // Organization and customer are not foreign keys: row-level security holds every row to the
    // organization of the transaction, a contract's bill has the contract's customer (the integrity check
    // compares them), and a billing run writes 100,000 bills at once.
    orgId: uuid('org_id').notNull(),
    number: text('number').notNull(),
    contractId: uuid('contract_id').references(() => contracts.id),
    customerId: uuid('customer_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    /** The positive lines' total: what payments and credits must settle (credit lines are credits). */
    chargesFen: fen('charges_fen'),
    /** What payments and credits have settled, kept with every allocation for lists and status. */
    paidFen: fen('paid_fen').default(0),
    creditedFen: fen('credited_fen').default(0),
    status: text('status').notNull().default('open'),
    runId: uuid('run_id'),
    /** When the bill went to the customer's outbox, and to whom; null until then. */
    sentAt: ts('sent_at'),
    sentTo: text('sent_to'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bills_org_number_key').on(t.orgId, t.number),
    uniqueIndex('bills_contract_due_issued_key').on(t.contractId, t.dueDate, t.issuedOn),
    index('bills_customer_due_idx').on(t.customerId, t.dueDate, t.id),
    index('bills_org_due_idx').on(t.orgId, t.dueDate, t.id),
    index('bills_org_status_idx').on(t.orgId, t.status, t.dueDate),
    index('bills_unsent_idx').on(t.orgId, t.issuedOn).where(sql`sent_at is null`),
  ],
);

/** An issued line. A correction is another line (kind `adjustment`) with the same key and a higher seq. */
export const billLines = pgTable(
  'bill_lines',
  {
    id: uuid('id').primaryKey(),
    // Bill, organization, contract and customer are not foreign keys: lines are written with their bill
    // in one statement, and a run of 100,000 contracts would spend a third of its time on four lookups a
    // line. The integrity check finds any line without its bill or naming another customer or contract.
    orgId: uuid('org_id').notNull(),
    billId: uuid('bill_id').notNull(),
    contractId: uuid('contract_id'),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    chargeType: text('charge_type').notNull(),
    unitId: uuid('unit_id'),
    name: text('name').notNull().default(''),
    seq: integer('seq').notNull().default(0),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    postingDate: date('posting_date', { mode: 'string' }).notNull(),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    vatRate: numeric('vat_rate', { precision: 6, scale: 4 }).notNull(),
    reason: text('reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('bill_lines_bill_idx').on(t.billId),
    index('bill_lines_customer_due_idx').on(t.customerId, t.dueDate),
    // The collection report and the fee ledger read lines by due month and charge type.
    index('bill_lines_org_due_idx').on(t.orgId, t.dueDate, t.chargeType),
    index('bill_lines_credit_idx').on(t.customerId).where(sql`total_fen < 0`),
    // A contract's charge keys: redrawing its plan, the next seq of a key, corrections and utilities.
    index('bill_lines_contract_key_idx').on(t.contractId, t.chargeType, t.periodStart),
  ],
);

/** A payment received (R5.1.2); the same idempotency key twice records one payment. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    amountFen: fen('amount_fen'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    reference: text('reference'),
    payerName: text('payer_name'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** What allocations have taken of it; the rest is the customer's credit balance. */
    allocatedFen: fen('allocated_fen').default(0),
    status: text('status').notNull().default('received'),
    reversedOn: date('reversed_on', { mode: 'string' }),
    reversalReason: text('reversal_reason'),
    reversedBy: uuid('reversed_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_org_key_key').on(t.orgId, t.idempotencyKey),
    uniqueIndex('payments_org_number_key').on(t.orgId, t.number),
    index('payments_customer_idx').on(t.customerId, t.receivedOn, t.id),
    index('payments_org_received_idx').on(t.orgId, t.receivedOn, t.id),
    index('payments_unallocated_idx')
      .on(t.customerId)
      .where(sql`status = 'received' and allocated_fen < amount_fen`),
  ],
);

/**
 * What settled a line: part of a payment or of a credit line (a negative line). Append-only: a reversal
 * adds a row with the negative amount that points at the row it undoes.
 */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    creditLineId: uuid('credit_line_id').references(() => billLines.id),
    billLineId: uuid('bill_line_id')
      .notNull()
      .references(() => billLines.id),
    billId: uuid('bill_id')
      .notNull()
      .references(() => bills.id),
    amountFen: fen('amount_fen'),
    reverses: uuid('reverses'),
    postingDate: date('posting_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('allocations_line_idx').on(t.billLineId),
    index('allocations_payment_idx').on(t.paymentId),
    index('allocations_credit_idx').on(t.creditLineId),
    index('allocations_customer_idx').on(t.customerId),
    check('allocations_one_source', sql`(payment_id is null) <> (credit_line_id is null)`),
  ],
);
