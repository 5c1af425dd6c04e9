import type { z } from 'zod';
import type { auditEntry, auditQuery } from '../../../common/schemas/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { toIso } from '../../platform/db/database.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { listAudit as selectAudit } from './repo.ts';

type Entry = z.infer<typeof auditEntry>;

export async function listAudit(ctx: Ctx, q: z.output<typeof auditQuery>, timeZone: string) {
  const after = decodeCursor<[string]>(q.cursor, 1);
  const rows = await selectAudit(ctx.tx, {
    entityType: q.entityType,
    entityId: q.entityId,
    actor: q.actor,
    from: q.from,
    to: q.to,
    timeZone,
    afterId: after?.[0],
    limit: q.limit + 1,
  });
  return page(
    rows,
    q.limit,
    (r) => [r.entry.id],
    ({ entry: e, actorName }): Entry => ({
      id: e.id,
      at: toIso(e.at)!,
      actorId: e.actorId,
      actorName: actorName ?? null,
      actorKind: e.actorKind,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      before: (e.before as Entry['before']) ?? null,
      after: (e.after as Entry['after']) ?? null,
      requestId: e.requestId,
      jobRunId: e.jobRunId,
    }),
  );
}
