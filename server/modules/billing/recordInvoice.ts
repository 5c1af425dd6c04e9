import type { z } from 'zod';
import { addFen } from '../../../common/money.ts';
import type { invoiceBody, voidInvoiceBody } from '../../../common/schemas/invoices.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  insertInvoice,
  invoiceById,
  invoiceByNumber,
  linesToInvoice,
  voidInvoiceRows,
} from './invoiceRepo.ts';

/**
 * Records an invoice the tax system issued (DOMAIN.md): its type, number and date and the customer's bill
 * lines it covers, each line on one invoice at most; the buyer is recorded as invoiced. A credit line may
 * ride along (a discount line), but the invoice's total must be positive.
 */
export async function recordInvoice(ctx: Ctx, body: z.output<typeof invoiceBody>, today: string) {
  if (body.issuedOn > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'issuedOn');
  const ids = [...new Set(body.lineIds)];
  const lines = await linesToInvoice(ctx.tx, ctx.orgId, ids);
  if (lines.length !== ids.length || lines.some((l) => l.customerId !== body.customerId))
    throw new AppError('INVOICE_LINE_NOT_CUSTOMERS', {}, 'lineIds');
  const taken = lines.find((l) => l.invoiceId);
  if (taken)
    throw new AppError(
      'INVOICE_LINE_TAKEN',
      { bill: taken.billNumber, number: taken.invoiceNumber ?? '' },
      'lineIds',
    );
  if (await invoiceByNumber(ctx.tx, body.number))
    throw new AppError('INVOICE_NUMBER_TAKEN', { number: body.number }, 'number');
  const net = addFen(...lines.map((l) => l.netFen));
  const tax = addFen(...lines.map((l) => l.taxFen));
  const total = addFen(net, tax);
  if (total <= 0) throw new AppError('INVOICE_TOTAL_NOT_POSITIVE', {}, 'lineIds');
  const id = newId();
  const buyer = lines[0]!;
  await insertInvoice(
    ctx.tx,
    {
      id,
      orgId: ctx.orgId,
      customerId: body.customerId,
      type: body.type,
      number: body.number,
      issuedOn: body.issuedOn,
      buyerName: buyer.buyerName,
      buyerTaxId: buyer.buyerTaxId,
      netFen: net,
      taxFen: tax,
      totalFen: total,
      note: body.note ?? null,
      createdBy: ctx.actor.id,
      createdAt: nowOf(ctx),
    },
    lines.map((l) => ({
      id: newId(),
      orgId: ctx.orgId,
      invoiceId: id,
      billLineId: l.lineId,
      netFen: l.netFen,
      taxFen: l.taxFen,
      totalFen: l.totalFen,
    })),
  );
  await recordAudit(ctx, {
    entityType: 'invoice',
    entityId: id,
    action: 'invoice.record',
    customerId: body.customerId,
    after: {
      type: body.type,
      number: body.number,
      issuedOn: body.issuedOn,
      totalFen: total,
      lines: ids.length,
    },
  });
  return id;
}

/** Voids an invoice (作废, or a red-letter invoice 红冲 issued for it): its lines can be invoiced again. */
export async function voidInvoice(ctx: Ctx, id: string, body: z.output<typeof voidInvoiceBody>) {
  const inv = await invoiceById(ctx.tx, id, true);
  if (!inv) throw notFound('invoice');
  if (inv.status === 'void') throw new AppError('INVOICE_ALREADY_VOID', { number: inv.number });
  await voidInvoiceRows(ctx.tx, id, { reason: body.reason, by: ctx.actor.id, at: nowOf(ctx) });
  await recordAudit(ctx, {
    entityType: 'invoice',
    entityId: id,
    action: 'invoice.void',
    customerId: inv.customerId,
    before: { status: 'issued' },
    after: { status: 'void', number: inv.number, reason: body.reason },
  });
}
