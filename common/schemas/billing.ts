import { z } from 'zod';

/** Bills, payments and balances (R5.1): amounts are integer fen, dates inclusive `YYYY-MM-DD`. */
const day = z.iso.date();
const fen = z.number().int();

export const CHARGE_TYPES = [
  'rent',
  'property_fee',
  'other',
  'deposit',
  'utility',
  'one_off',
  'penalty',
] as const;
export const LINE_KINDS = ['charge', 'adjustment', 'correction'] as const;
export const BILL_STATUSES = ['open', 'partially_paid', 'paid', 'credited'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'wechat_pay', 'alipay', 'cheque', 'other'] as const;
export const PAYMENT_STATUSES = ['received', 'reversed'] as const;

export const billingRunBody = z.object({ asOf: day });
export const billingRunPreview = z.object({
  asOf: day,
  contracts: z.number().int(),
  bills: z.number().int(),
  lines: z.number().int(),
  totalFen: fen,
  /** The first bills it would issue, for the person who runs it to look over. */
  sample: z.array(
    z.object({
      contractId: z.uuid(),
      contractNumber: z.string(),
      customerName: z.string(),
      dueDate: day,
      lines: z.number().int(),
      totalFen: fen,
    }),
  ),
});

export const billsQuery = z.object({
  customerId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  status: z.enum(BILL_STATUSES).optional(),
  /** Outstanding bills only (open or partly paid). */
  unpaid: z.stringbool().optional(),
  dueBefore: day.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const billSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  contractId: z.uuid().nullable(),
  contractNumber: z.string().nullable(),
  dueDate: day,
  issuedOn: day,
  netFen: fen,
  taxFen: fen,
  totalFen: fen,
  paidFen: fen,
  creditedFen: fen,
  outstandingFen: fen,
  status: z.enum(BILL_STATUSES),
  overdueDays: z.number().int(),
  /** When the bill was e-mailed to the customer, and to whom. */
  sentAt: z.string().nullable(),
  sentTo: z.string().nullable(),
});

export const billLineView = z.object({
  id: z.uuid(),
  kind: z.enum(LINE_KINDS),
  chargeType: z.enum(CHARGE_TYPES),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  name: z.string(),
  seq: z.number().int(),
  periodStart: day,
  periodEnd: day,
  dueDate: day,
  postingDate: day,
  netFen: fen,
  taxFen: fen,
  totalFen: fen,
  vatRate: z.string(),
  reason: z.string().nullable(),
  settledFen: fen,
  outstandingFen: fen,
});

export const allocationView = z.object({
  id: z.uuid(),
  billLineId: z.uuid(),
  billId: z.uuid(),
  billNumber: z.string(),
  paymentId: z.uuid().nullable(),
  paymentNumber: z.string().nullable(),
  creditLineId: z.uuid().nullable(),
  amountFen: fen,
  postingDate: day,
  reverses: z.uuid().nullable(),
});

export const billView = billSummary.extend({
  lines: z.array(billLineView),
  allocations: z.array(allocationView),
});

const allocationChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('auto') }),
  z.object({
    mode: z.literal('lines'),
    lines: z
      .array(z.object({ lineId: z.uuid(), amountFen: z.number().int().min(1).optional() }))
      .min(1)
      .max(500),
  }),
]);

export const paymentBody = z.object({
  customerId: z.uuid(),
  amountFen: z.number().int().min(1).max(100_000_000_000),
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100).nullish(),
  payerName: z.string().trim().max(200).nullish(),
  /** The same key twice records one payment (a double click, a retried request). */
  idempotencyKey: z.string().trim().min(8).max(100),
  allocation: allocationChoice.default({ mode: 'auto' }),
});

export const allocationPreviewQuery = z.object({
  customerId: z.uuid(),
  amountFen: z.coerce.number().int().min(1).max(100_000_000_000),
});
export const allocationPreview = z.object({
  items: z.array(
    z.object({
      lineId: z.uuid(),
      billId: z.uuid(),
      billNumber: z.string(),
      chargeType: z.enum(CHARGE_TYPES),
      periodStart: day,
      periodEnd: day,
      dueDate: day,
      outstandingFen: fen,
      amountFen: fen,
    }),
  ),
  toCreditFen: fen,
});

export const reversePaymentBody = z.object({
  reason: z.string().trim().min(1).max(500),
  reversedOn: day,
});

export const paymentView = z.object({
  id: z.uuid(),
  number: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  amountFen: fen,
  allocatedFen: fen,
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  reversedOn: day.nullable(),
  reversalReason: z.string().nullable(),
  createdAt: z.string(),
  allocations: z.array(allocationView),
});

export const paymentsQuery = z.object({
  customerId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const paymentSummary = paymentView.omit({ allocations: true });

export const balanceView = z.object({
  customerId: z.uuid(),
  /** What the customer owes on issued bills (after credits and payments applied). */
  outstandingFen: fen,
  /** Of that, what is past its due date. */
  overdueFen: fen,
  /** Money received or credited and not yet applied to a line. */
  creditFen: fen,
});

/** Closing the books through a date; moving it back (reopening) needs a reason and an administrator. */
export const closePeriodBody = z.object({
  lockedThrough: day,
  reason: z.string().trim().min(1).max(500).optional(),
});
export const periodLockView = z.object({
  lockedThrough: day.nullable(),
  history: z.array(
    z.object({
      id: z.uuid(),
      lockedThrough: day,
      reason: z.string().nullable(),
      createdBy: z.uuid().nullable(),
      createdByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
