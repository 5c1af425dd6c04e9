import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
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
import { units } from './spaces.ts';

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * A charge raised by hand (费用调整单): a one-off charge (repairs, extra services), which finance always
 * approves, or a correction of an issued line (a waiver or a charge short-billed), which finance approves
 * above the organization's threshold. Once approved it is posted as its own bill and never changes; a
 * correction's line is `kind = 'correction'`, which no redrawing of the schedule undoes.
 */
export const chargeRequests = pgTable(
  'charge_requests',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['one_off', 'correction'] }).notNull(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The issued line a correction corrects (not a foreign key: bill lines have none, see billing.ts). */
    correctsLineId: uuid('corrects_line_id'),
    chargeType: text('charge_type').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** A one-off charge's due date as asked; a correction is due when it is posted (+ the signing days). */
    dueDate: date('due_date', { mode: 'string' }),
    netFen: fen('net_fen'),
    taxFen: fen('tax_fen'),
    totalFen: fen('total_fen'),
    vatRate: numeric('vat_rate', { precision: 6, scale: 4 }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'posted', 'rejected', 'cancelled'] }).notNull(),
    /** Whether it needed finance's approval when it was raised (a correction at or under the threshold did not). */
    needsApproval: boolean('needs_approval').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    /** The bill line it became (its id in the plan and on the bill). */
    lineId: uuid('line_id'),
    postedOn: date('posted_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('charge_requests_org_number_key').on(t.orgId, t.number),
    index('charge_requests_org_status_idx').on(t.orgId, t.status, t.requestedAt),
    index('charge_requests_customer_idx').on(t.customerId, t.requestedAt),
    index('charge_requests_line_idx').on(t.correctsLineId),
    check('charge_requests_amount_check', sql`total_fen <> 0 and net_fen + tax_fen = total_fen`),
    check(
      'charge_requests_kind_check',
      sql`(kind = 'one_off' and total_fen > 0 and due_date is not null) or (kind = 'correction' and corrects_line_id is not null)`,
    ),
  ],
);
