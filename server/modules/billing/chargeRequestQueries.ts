import type { z } from 'zod';
import type { chargeRequestsQuery } from '../../../common/schemas/charges.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { type ChargeRequestViewRow, chargeRequestView, listChargeRequests } from './chargeRequestRepo.ts';

const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : null);
const present = (r: ChargeRequestViewRow) => ({
  ...r,
  requestedAt: iso(r.requestedAt)!,
  decidedAt: iso(r.decidedAt),
});

export async function findChargeRequests(ctx: Ctx, q: z.output<typeof chargeRequestsQuery>) {
  const after = decodeCursor<[string]>(q.cursor, 1, [CURSOR_PART.uuid]);
  const list = await listChargeRequests(ctx.tx, { ...q, after, limit: q.limit + 1 });
  return page(list, q.limit, (r) => [r.id], present);
}

export async function getChargeRequest(ctx: Ctx, id: string) {
  const r = await chargeRequestView(ctx.tx, id);
  if (!r) throw notFound('charge request');
  return present(r);
}
