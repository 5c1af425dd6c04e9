import { z } from 'zod';
import { CHARGE_TYPES, LINE_KINDS } from './billing.ts';

/** Invoices (发票) recorded after the tax system issued them, and what the invoicing tool needs (DOMAIN.md). */
const day = z.iso.date();
const fen = z.number().int();

export const INVOICE_TYPES = ['special', 'ordinary'] as const;
export const INVOICE_STATUSES = ['issued', 'void'] as const;

export const invoiceBody = z.object({
  customerId: z.uuid(),
  type: z.enum(INVOICE_TYPES),
  /** The number the tax system gave: 8 digits (paper) to 20 (全电发票). */
  number: z
    .string()
    .trim()
    .regex(/^\d{8,20}$/, '8 to 20 digits'),
  issuedOn: day,
  lineIds: z.array(z.uuid()).min(1).max(500),
  note: z.string().trim().max(500).nullish(),
});

export const voidInvoiceBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const invoicesQuery = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Issued bill lines with what an invoice for them carries; `invoiced=false` lists what is still to invoice. */
export const invoicingQuery = z.object({
  customerId: z.uuid().optional(),
  /** One bill's lines (its page shows which are invoiced). */
  billId: z.uuid().optional(),
  /** Posting dates, inclusive. */
  from: day.optional(),
  to: day.optional(),
  invoiced: z.enum(['true', 'false', 'all']).default('false'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const invoicingLine = z.object({
  lineId: z.uuid(),
  billId: z.uuid(),
  billNumber: z.string(),
  customerId: z.uuid(),
  buyerName: z.string(),
  buyerTaxId: z.string().nullable(),
  kind: z.enum(LINE_KINDS),
  chargeType: z.enum(CHARGE_TYPES),
  name: z.string(),
  postingDate: day,
  periodStart: day,
  periodEnd: day,
  /** The property as the signed terms froze it: address, building and unit; certificate; billing area. */
  propertyAddress: z.string().nullable(),
  certificateNo: z.string().nullable(),
  areaSqm: z.string().nullable(),
  leaseStart: day.nullable(),
  leaseEnd: day.nullable(),
  contractNumber: z.string().nullable(),
  netFen: fen,
  taxFen: fen,
  totalFen: fen,
  vatRate: z.string(),
  invoiceId: z.uuid().nullable(),
  invoiceNumber: z.string().nullable(),
});
export type InvoicingLine = z.infer<typeof invoicingLine>;

export const invoiceSummary = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string(),
  type: z.enum(INVOICE_TYPES),
  number: z.string(),
  issuedOn: day,
  buyerName: z.string(),
  buyerTaxId: z.string().nullable(),
  netFen: fen,
  taxFen: fen,
  totalFen: fen,
  status: z.enum(INVOICE_STATUSES),
  lineCount: z.number().int(),
  note: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const invoiceView = invoiceSummary.extend({ lines: z.array(invoicingLine) });
export type InvoiceView = z.infer<typeof invoiceView>;
