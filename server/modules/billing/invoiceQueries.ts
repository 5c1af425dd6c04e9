import type { z } from 'zod';
import type { invoicesQuery, invoicingQuery } from '../../../common/schemas/invoices.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { type InvoiceRow, invoiceById, invoicingLines, linesOfInvoice, listInvoices } from './invoiceRepo.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : null);
const present = (r: InvoiceRow) => ({ ...r, voidedAt: iso(r.voidedAt), createdAt: iso(r.createdAt)! });

/** Issued lines for invoicing, oldest posting first (the export pages through the same query). */
export async function findInvoicingLines(ctx: Ctx, q: z.output<typeof invoicingQuery>) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [DAY, CURSOR_PART.uuid]);
  const list = await invoicingLines(ctx.tx, { ...q, after, limit: q.limit + 1 });
  return page(
    list,
    q.limit,
    (l) => [l.postingDate, l.lineId],
    (l) => l,
  );
}

export async function findInvoices(ctx: Ctx, q: z.output<typeof invoicesQuery>) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [DAY, CURSOR_PART.uuid]);
  const list = await listInvoices(ctx.tx, { ...q, after, limit: q.limit + 1 });
  return page(list, q.limit, (i) => [i.issuedOn, i.id], present);
}

export async function getInvoice(ctx: Ctx, id: string) {
  const inv = await invoiceById(ctx.tx, id);
  if (!inv) throw notFound('invoice');
  return { ...present(inv), lines: await linesOfInvoice(ctx.tx, id) };
}
