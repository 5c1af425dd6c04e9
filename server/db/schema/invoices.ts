import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { customers } from './customers.ts';
import { organizations, users } from './platform.ts';

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull();
const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/**
 * An invoice (发票) issued through the tax system and recorded here: its type (专票 special, 普票 ordinary),
 * number and date, the buyer as invoiced, and the bill lines it covers. Voiding one (作废/红冲) frees its
 * lines to be invoiced again; nothing is deleted.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    type: text('type', { enum: ['special', 'ordinary'] }).notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    buyerName: text('buyer_name').notNull(),
    buyerTaxId: text('buyer_tax_id'),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    status: text('status', { enum: ['issued', 'void'] })
      .notNull()
      .default('issued'),
    note: text('note'),
    voidReason: text('void_reason'),
    voidedBy: uuid('voided_by').references(() => users.id),
    voidedAt: ts('voided_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_org_number_key').on(t.orgId, t.number),
    index('invoices_customer_idx').on(t.customerId, t.issuedOn),
    index('invoices_org_issued_idx').on(t.orgId, t.issuedOn, t.id),
    check('invoices_amount_check', sql`total_fen > 0 and net_fen + tax_fen = total_fen`),
  ],
);

/** A bill line an invoice covers; a line is on at most one invoice that is not void. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey(),
    orgId: org(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    // Not a foreign key, like every reference to bill lines (see billing.ts); the integrity check covers it.
    billLineId: uuid('bill_line_id').notNull(),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    /** False once the invoice is void. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    uniqueIndex('invoice_lines_active_key').on(t.billLineId).where(sql`active`),
  ],
);
