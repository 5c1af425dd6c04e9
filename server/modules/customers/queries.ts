import type { z } from 'zod';
import type { customersQuery, timelineEntry } from '../../../common/schemas/customers.ts';
import { checkPhone } from '../../../common/validators/phone.ts';
import type { Ctx } from '../../platform/context.ts';
import { toIso } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { presentCustomer, presentSummary } from './present.ts';
import { type CustomerFilter, customerById, listCustomers, timelineRows } from './repo.ts';

/**
 * What a search box term means: an exact USCC, an exact phone number, a name substring (three or more
 * characters: trigram index) or, for one or two characters, a name prefix.
 */
export function searchTerm(q: string | undefined): CustomerFilter['term'] {
  const t = q?.trim();
  if (!t) return undefined;
  if (/^[0-9A-Za-z]{18}$/.test(t)) return { kind: 'uscc', value: t.toUpperCase() };
  if (/^[\d\s+()-]{7,}$/.test(t)) {
    const phone = checkPhone(t);
    return { kind: 'phone', value: phone.ok ? phone.value : t.replace(/\D/g, '') };
  }
  return [...t].length >= 3 ? { kind: 'substring', value: t } : { kind: 'prefix', value: t };
}

export async function findCustomers(ctx: Ctx, q: z.output<typeof customersQuery>) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [
    q.sort === 'newest' ? CURSOR_PART.instant : undefined,
    CURSOR_PART.uuid,
  ]);
  const list = await listCustomers(ctx.tx, {
    term: searchTerm(q.q),
    status: q.status,
    industry: q.industry,
    accountManagerId: q.accountManagerId,
    tag: q.tag,
    sort: q.sort,
    after,
    limit: q.limit + 1,
  });
  return page(
    list,
    q.limit,
    (c) => (q.sort === 'name' ? [c.name, c.id] : [c.createdKey, c.id]),
    presentSummary,
  );
}

export async function getCustomer(ctx: Ctx, id: string) {
  const c = await customerById(ctx.tx, id);
  if (!c) throw notFound('customer');
  return presentCustomer(c);
}

type Entry = z.infer<typeof timelineEntry>;

/** The customer's history from the audit trail, newest first (R2.3.2: who, when, before and after). */
export async function customerTimeline(ctx: Ctx, id: string, cursor: string | undefined, limit: number) {
  await getCustomer(ctx, id);
  const after = decodeCursor<[string, string]>(cursor, 2, [CURSOR_PART.instant, CURSOR_PART.uuid]);
  const list = await timelineRows(ctx.tx, id, after, limit + 1);
  return page(
    list,
    limit,
    (r) => [r.atKey, r.id],
    (r): Entry => {
      const before = r.before ?? {};
      const afterValues = r.after ?? {};
      // Created or removed things keep their whole record on one side: show it as a summary, not as changes.
      const isChange = r.before !== null && r.after !== null;
      return {
        id: r.id,
        at: toIso(r.at)!,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        actorName: r.actorName,
        changes: isChange
          ? Object.keys(afterValues).map((field) => ({
              field,
              before: before[field] ?? null,
              after: afterValues[field] ?? null,
            }))
          : [],
        summary: isChange ? null : (r.after ?? r.before),
      };
    },
  );
}
