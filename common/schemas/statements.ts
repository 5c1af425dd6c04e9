import { z } from 'zod';
import { CHARGE_TYPES, LINE_KINDS, PAYMENT_METHODS } from './billing.ts';

/** Customer statements (对账单, R5.2.3): amounts are integer fen; a positive balance is what the customer owes. */
const day = z.iso.date();
const fen = z.number().int();

export const STATEMENT_STATUSES = ['issued', 'confirmed', 'disputed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const STATEMENT_ENTRY_KINDS = ['charge', 'adjustment', 'credit', 'payment', 'reversal'] as const;

/** `to` before `from` is refused by the use-case (DATE_RANGE_INVALID on `to`), in the user's language. */
export const statementPeriod = z.object({ from: day, to: day });

/** One movement of the customer's account: a bill line (debit or credit), a payment, a reversal. */
export const statementEntry = z.object({
  date: day,
  kind: z.enum(STATEMENT_ENTRY_KINDS),
  /** The bill or payment number. */
  document: z.string(),
  documentId: z.uuid(),
  chargeType: z.enum(CHARGE_TYPES).nullable(),
  lineKind: z.enum(LINE_KINDS).nullable(),
  name: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS).nullable(),
  reference: z.string().nullable(),
  contractNumber: z.string().nullable(),
  unitCode: z.string().nullable(),
  periodStart: day.nullable(),
  periodEnd: day.nullable(),
  debitFen: fen,
  creditFen: fen,
  /** The balance after this entry. */
  balanceFen: fen,
});
export type StatementEntry = z.infer<typeof statementEntry>;

export const statementFigures = z.object({
  customerId: z.uuid(),
  customerName: z.string(),
  from: day,
  to: day,
  openingFen: fen,
  chargesFen: fen,
  receivedFen: fen,
  closingFen: fen,
  entries: z.array(statementEntry),
});

export const issueStatementBody = statementPeriod.extend({
  /** Also e-mail it, with the PDF, to the customer's finance contact (or primary contact). */
  send: z.boolean().default(false),
});

/** A dispute needs a note saying what is wrong (STATEMENT_DISPUTE_NOTE_REQUIRED on `note`). */
export const respondStatementBody = z.object({
  response: z.enum(['confirmed', 'disputed']),
  respondedOn: day,
  respondent: z.string().trim().min(1).max(100),
  note: z.string().trim().max(2000).optional(),
});

export const statementSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  from: day,
  to: day,
  openingFen: fen,
  chargesFen: fen,
  receivedFen: fen,
  closingFen: fen,
  status: z.enum(STATEMENT_STATUSES),
  sentAt: z.string().nullable(),
  sentTo: z.string().nullable(),
  respondedOn: day.nullable(),
  respondent: z.string().nullable(),
  responseNote: z.string().nullable(),
  createdAt: z.string(),
});

export const statementView = statementSummary.extend({ entries: z.array(statementEntry) });
export const statementsQuery = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(STATEMENT_STATUSES).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
