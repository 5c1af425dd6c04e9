import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

export interface PeriodLockRow {
  id: string;
  lockedThrough: string;
  reason: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date | string;
}

/**
 * The organization's closings, newest first; the first is in force. Ids are UUIDv7 made after the books'
 * lock is taken, so their order is the order closings were written (created_at is the transaction's start).
 */
export async function periodLocks(tx: Tx, limit = 50): Promise<PeriodLockRow[]> {
  return rows<PeriodLockRow>(
    tx,
    sql`select l.id, l.locked_through::text as "lockedThrough", l.reason, l.created_by as "createdBy",
          u.display_name as "createdByName", l.created_at as "createdAt"
        from period_locks l left join users u on u.id = l.created_by
        order by l.id desc
        limit ${limit}`,
  );
}

/** The date through which the books are closed, or null; `share` waits for a closing being written. */
export async function lockedThrough(tx: Tx): Promise<string | null> {
  const [r] = await rows<{ d: string }>(
    tx,
    sql`select locked_through::text as d from period_locks order by id desc limit 1`,
  );
  return r?.d ?? null;
}

export async function insertPeriodLock(
  tx: Tx,
  v: { id: string; orgId: string; lockedThrough: string; reason: string | null; createdBy: string | null },
) {
  await tx.execute(
    sql`insert into period_locks (id, org_id, locked_through, reason, created_by)
        values (${v.id}, ${v.orgId}, ${v.lockedThrough}, ${v.reason}, ${v.createdBy})`,
  );
}

/** Serializes closings with postings that check them: a posting holds it shared, a closing exclusively. */
export async function lockBooks(tx: Tx, mode: 'share' | 'exclusive') {
  await tx.execute(
    mode === 'share'
      ? sql`select pg_advisory_xact_lock_shared(hashtext('tenantry.books'), hashtext(current_setting('app.org_id', true)))`
      : sql`select pg_advisory_xact_lock(hashtext('tenantry.books'), hashtext(current_setting('app.org_id', true)))`,
  );
}
