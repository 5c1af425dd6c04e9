import { z } from 'zod';
import { CHARGE_TYPES, PAYMENT_METHODS } from './billing.ts';

/** The deposit ledger and the final settlement of a contract (R3.3.3); amounts are integer fen. */
const day = z.iso.date();
const fen = z.number().int();

/**
 * What a settlement lists. Amounts are signed from the customer's side: positive is owed by the customer,
 * negative is owed to them. `customer_credit` is the customer's unapplied money (positive, not part of due);
 * `deduction` is written at confirmation: what the deposit paid.
 */
export const SETTLEMENT_ITEM_KINDS = [
  'pending',
  'unpaid',
  'credit',
  'deposit_unreceived',
  'penalty',
  'damage',
  'other',
  'customer_credit',
  'deduction',
] as const;
export type SettlementItemKind = (typeof SETTLEMENT_ITEM_KINDS)[number];
/** The items finance adds by hand, each with a reason. */
export const MANUAL_ITEM_KINDS = ['penalty', 'other'] as const;
export const SETTLEMENT_STATUSES = ['draft', 'confirmed', 'refunded', 'cancelled'] as const;

export const settlementItem = z.object({
  kind: z.enum(SETTLEMENT_ITEM_KINDS),
  name: z.string(),
  amountFen: fen,
  chargeType: z.enum(CHARGE_TYPES).nullable(),
  periodStart: day.nullable(),
  periodEnd: day.nullable(),
  /** The bill line it is (unpaid, credit) or the plan row (pending). */
  ref: z.string().nullable(),
  billNumber: z.string().nullable(),
  reason: z.string().nullable(),
  evidenceFileIds: z.array(z.uuid()),
});
export type SettlementItem = z.output<typeof settlementItem>;

export const manualItem = z.object({
  kind: z.enum(MANUAL_ITEM_KINDS),
  name: z.string().trim().min(1).max(60),
  amountFen: z.number().int().min(1).max(10_000_000_000),
  reason: z.string().trim().min(1).max(500),
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
});

export const settlementDraftBody = z.object({
  /** The settlement date; today when left out. */
  asOf: day.optional(),
  /** Penalties and other deductions finance adds; a recomputed draft replaces the last one's. */
  items: z.array(manualItem).max(50).default([]),
});

export const refundBody = z.object({
  refundedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().min(1).max(100),
});

const fileRef = z.object({ id: z.uuid(), fileName: z.string() });

export const settlementView = z.object({
  id: z.uuid(),
  number: z.string(),
  contractId: z.uuid(),
  contractNumber: z.string(),
  contractStatus: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  asOf: day,
  /** The contract's last day: the termination date or the end of the term. */
  endsOn: day,
  status: z.enum(SETTLEMENT_STATUSES),
  items: z.array(settlementItem),
  depositHeldFen: fen,
  customerCreditFen: fen,
  dueFen: fen,
  /** Deposit held + customer credit - due: positive is a refund, negative is still due. */
  resultFen: fen,
  /** The move-out inspection: no confirmation or refund before it. */
  movedOutOn: day.nullable(),
  moveOutRequired: z.boolean(),
  /** What the termination agreed about liabilities and the violations recorded: hints for penalties. */
  liabilities: z.string().nullable(),
  violations: z.array(z.object({ kind: z.string(), foundOn: day, description: z.string() })),
  bill: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  deductedFen: fen,
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  refundFen: fen.nullable(),
  refundedOn: day.nullable(),
  refundMethod: z.enum(PAYMENT_METHODS).nullable(),
  refundReference: z.string().nullable(),
  files: z.array(fileRef),
});
export type SettlementView = z.output<typeof settlementView>;

export const depositLedgerView = z.object({
  contractId: z.uuid(),
  billedFen: fen,
  receivedFen: fen,
  deductedFen: fen,
  refundedFen: fen,
  /** Received - deducted - refunded: never negative (the integrity check proves it). */
  heldFen: fen,
  /** Billed but not received. */
  unreceivedFen: fen,
  lines: z.array(
    z.object({
      id: z.uuid(),
      billId: z.uuid(),
      billNumber: z.string(),
      name: z.string(),
      kind: z.string(),
      dueDate: day,
      totalFen: fen,
    }),
  ),
  received: z.array(
    z.object({
      id: z.uuid(),
      postingDate: day,
      amountFen: fen,
      billNumber: z.string(),
      paymentId: z.uuid().nullable(),
      paymentNumber: z.string().nullable(),
    }),
  ),
  movements: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['deducted', 'refunded']),
      amountFen: fen,
      postingDate: day,
      reason: z.string().nullable(),
      evidence: z.array(fileRef),
      method: z.enum(PAYMENT_METHODS).nullable(),
      reference: z.string().nullable(),
      settlementId: z.uuid().nullable(),
      settlementNumber: z.string().nullable(),
      billNumber: z.string().nullable(),
    }),
  ),
});
export type DepositLedgerView = z.output<typeof depositLedgerView>;
