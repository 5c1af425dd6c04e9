import { z } from 'zod';
import { CHARGE_REQUEST_KINDS, CHARGE_REQUEST_STATUSES } from '../billing/chargeRequest.ts';
import { CHARGE_TYPES } from './billing.ts';

/** Charges raised by hand (费用调整单): one-off charges and corrections of issued lines; amounts in fen. */
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const rate = z.string().regex(/^0(\.\d{1,4})?$/, 'a decimal fraction such as 0.06');
/** Ten million yuan: more is a typing slip, not a charge. */
const MAX_FEN = 1_000_000_000;

export const oneOffBody = z.object({
  kind: z.literal('one_off'),
  contractId: z.uuid(),
  unitId: z.uuid().nullable().default(null),
  /** What it is for, printed on the bill: 空调维修, 加班空调 … */
  name: text(60),
  /** The day or days the service was given. */
  periodStart: day,
  periodEnd: day,
  dueDate: day,
  /** Tax-inclusive, as quoted to the customer. */
  totalFen: z.number().int().min(1).max(MAX_FEN),
  vatRate: rate,
  reason: text(500),
});

export const correctionBody = z.object({
  kind: z.literal('correction'),
  /** The issued line it corrects. */
  lineId: z.uuid(),
  /** Tax-inclusive: negative credits the customer (a waiver, an overcharge), positive charges more. */
  totalFen: z
    .number()
    .int()
    .min(-MAX_FEN)
    .max(MAX_FEN)
    .refine((n) => n !== 0, 'not zero'),
  reason: text(500),
});

export const chargeRequestBody = z.discriminatedUnion('kind', [oneOffBody, correctionBody]);
export type ChargeRequestBody = z.input<typeof chargeRequestBody>;

export const approveChargeRequestBody = z.object({ note: z.string().trim().max(500).optional() });
/** A rejection says why (CHARGE_REQUEST_NOTE_REQUIRED on `note`). */
export const rejectChargeRequestBody = z.object({ note: z.string().trim().max(500).optional() });

export const chargeRequestsQuery = z.object({
  status: z.enum(CHARGE_REQUEST_STATUSES).optional(),
  kind: z.enum(CHARGE_REQUEST_KINDS).optional(),
  customerId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const chargeRequestView = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(CHARGE_REQUEST_KINDS),
  status: z.enum(CHARGE_REQUEST_STATUSES),
  needsApproval: z.boolean(),
  contractId: z.uuid(),
  contractNumber: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  chargeType: z.enum(CHARGE_TYPES),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  name: z.string(),
  periodStart: day,
  periodEnd: day,
  dueDate: day.nullable(),
  netFen: z.number().int(),
  taxFen: z.number().int(),
  totalFen: z.number().int(),
  vatRate: z.string(),
  reason: z.string(),
  /** The line a correction corrects, with its bill. */
  corrects: z
    .object({
      lineId: z.uuid(),
      billId: z.uuid(),
      billNumber: z.string(),
      totalFen: z.number().int(),
    })
    .nullable(),
  requestedBy: z.string(),
  requestedById: z.uuid(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Once posted: the bill it is on. */
  postedOn: day.nullable(),
  billId: z.uuid().nullable(),
  billNumber: z.string().nullable(),
});
export type ChargeRequestView = z.infer<typeof chargeRequestView>;
