import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** A date is a whole day in the organization's time zone; an instant is taken as is. */
  from?: string;
  to?: string;
  timeZone: string;
  afterId?: string;
  limit: number;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function fromBound(v: string, tz: string): SQL {
  return isDate(v) ? sql`(${v}::date)::timestamp at time zone ${tz}` : sql`${v}::timestamptz`;
}

export async function listAudit(tx: Tx, f: AuditFilter) {
  return tx
    .select({ entry: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.actor ? eq(auditLog.actorId, f.actor) : undefined,
        f.from ? gte(auditLog.at, fromBound(f.from, f.timeZone)) : undefined,
        f.to
          ? isDate(f.to)
            ? lt(auditLog.at, sql`(${f.to}::date + 1)::timestamp at time zone ${f.timeZone}`)
            : sql`${auditLog.at} <= ${f.to}::timestamptz`
          : undefined,
        f.afterId ? lt(auditLog.id, f.afterId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
