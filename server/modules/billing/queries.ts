import type { z } from 'zod';
import { epochDay } from '../../../common/dates.ts';
import type { billsQuery } from '../../../common/schemas/billing.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { getCustomer } from '../customers/index.ts';
import { type BillListRow, balanceOf, linesOfBill, listBills } from './billRepo.ts';
import { allocationsFor, listPayments, type PaymentListRow } from './paymentRepo.ts';
import { proposeAllocation } from './settle.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function billSummary(b: BillListRow, today: string) {
  const outstandingFen = b.chargesFen - b.paidFen - b.creditedFen;
  const { chargesFen: _, ...rest } = b;
  return {
    ...rest,
    sentAt: b.sentAt ? new Date(b.sentAt).toISOString() : null,
    outstandingFen,
    overdueDays: outstandingFen > 0 && b.dueDate < today ? epochDay(today) - epochDay(b.dueDate) : 0,
  };
}

export async function findBills(ctx: Ctx, q: z.output<typeof billsQuery>, today: string) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [DAY, CURSOR_PART.uuid]);
  const rows = await listBills(ctx.tx, { ...q, q: q.q || undefined, after, limit: q.limit + 1 });
  return page(
    rows,
    q.limit,
    (b) => [b.dueDate, b.id],
    (b) => billSummary(b, today),
  );
}

export async function getBill(ctx: Ctx, id: string, today: string) {
  const [b] = await listBills(ctx.tx, { id, limit: 1 });
  if (!b) throw notFound('bill');
  const lines = await linesOfBill(ctx.tx, id);
  return {
    ...billSummary(b, today),
    lines: lines.map((l) => ({
      ...l,
      kind: l.kind,
      outstandingFen: l.totalFen > 0 ? l.totalFen - l.settledFen : l.totalFen + l.settledFen,
    })),
    allocations: await allocationsFor(ctx.tx, { billId: id }),
  };
}

const paymentSummary = (p: PaymentListRow) => ({
  id: p.id,
  number: p.number,
  customerId: p.customerId,
  customerName: p.customerName,
  amountFen: p.amountFen,
  allocatedFen: p.allocatedFen,
  receivedOn: p.receivedOn,
  method: p.method,
  reference: p.reference,
  payerName: p.payerName,
  status: p.status,
  reversedOn: p.reversedOn,
  reversalReason: p.reversalReason,
  createdAt: new Date(p.createdAt).toISOString(),
});

export async function findPayments(ctx: Ctx, q: { customerId?: string; cursor?: string; limit: number }) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [DAY, CURSOR_PART.uuid]);
  const rows = await listPayments(ctx.tx, {
    customerId: q.customerId,
    after: after && { receivedOn: after[0], id: after[1] },
    limit: q.limit + 1,
  });
  return page(rows, q.limit, (p) => [p.receivedOn, p.id], paymentSummary);
}

export async function getPayment(ctx: Ctx, id: string) {
  const [p] = await listPayments(ctx.tx, { id, limit: 1 });
  if (!p) throw notFound('payment');
  return { ...paymentSummary(p), allocations: await allocationsFor(ctx.tx, { paymentId: id }) };
}

export async function customerBalance(ctx: Ctx, customerId: string, today: string) {
  await getCustomer(ctx, customerId);
  const b = await balanceOf(ctx.tx, customerId, today);
  return { customerId, outstandingFen: b.outstanding, overdueFen: b.overdue, creditFen: b.credit };
}

/** What a payment of this amount would settle under the automatic rule, before it is recorded. */
export async function previewAllocation(ctx: Ctx, customerId: string, amountFen: number) {
  await getCustomer(ctx, customerId);
  const { open, made } = await proposeAllocation(ctx, customerId, {
    extra: [{ id: 'new', availableFen: amountFen }],
  });
  const byLine = new Map(open.map((l) => [l.id, l]));
  const items = new Map<string, number>();
  for (const a of made) items.set(a.lineId, (items.get(a.lineId) ?? 0) + a.amountFen);
  const used = made.filter((a) => a.sourceId === 'new').reduce((s, a) => s + a.amountFen, 0);
  return {
    items: [...items].map(([lineId, amount]) => {
      const l = byLine.get(lineId)!;
      return {
        lineId,
        billId: l.billId,
        billNumber: l.billNumber,
        chargeType: l.chargeType,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        dueDate: l.dueDate,
        outstandingFen: l.outstandingFen,
        amountFen: amount,
      };
    }),
    toCreditFen: amountFen - used,
  };
}
