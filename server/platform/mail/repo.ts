import { and, eq, sql } from 'drizzle-orm';
import { type AttachmentRef, organizations, outbox } from '../../db/schema/index.ts';
import type { Tx } from '../db/database.ts';
import { rows } from '../db/database.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export async function insertMessages(tx: Tx, values: (typeof outbox.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(outbox).values(values);
}

/**
 * Claims due messages for one delivery pass. SKIP LOCKED lets several servers deliver side by side
 * without taking the same message; a claim expires, so a server that dies mid-send does not strand it.
 */
export async function claimDue(tx: Tx, limit: number, claimSeconds: number): Promise<OutboxRow[]> {
  const claimed = await rows<{ id: string }>(
    tx,
    sql`update outbox set status = 'sending', locked_until = now() + make_interval(secs => ${claimSeconds})
         where id in (
           select id from outbox
            where (status = 'pending' and next_attempt_at <= now())
               or (status = 'sending' and locked_until < now())
            order by next_attempt_at, id
            limit ${limit}
            for update skip locked)
        returning id`,
  );
  if (!claimed.length) return [];
  return tx
    .select()
    .from(outbox)
    .where(sql`${outbox.id} in ${claimed.map((c) => c.id)}`)
    .orderBy(outbox.id);
}

export async function markDelivered(
  tx: Tx,
  id: string,
  status: 'sent' | 'delivered_to_outbox',
  messageId: string | null,
) {
  await tx
    .update(outbox)
    .set({
      status,
      messageId,
      sentAt: sql`now()`,
      lockedUntil: null,
      lastError: null,
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

/** Records a failed attempt: back off and try again, or give up after the last attempt. */
export async function markAttemptFailed(tx: Tx, id: string, error: string, maxAttempts: number) {
  await tx.execute(sql`
    update outbox set
      attempts = attempts + 1,
      last_error = ${error.slice(0, 2000)},
      locked_until = null,
      status = case when attempts + 1 >= ${maxAttempts} then 'failed' else 'pending' end,
      -- 1, 2, 4 … minutes, at most 6 hours
      next_attempt_at = now() + least(make_interval(mins => power(2, attempts)::int), interval '6 hours')
    where id = ${id} and status = 'sending'`);
}

export async function requeue(tx: Tx, id: string): Promise<boolean> {
  const r = await tx
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, lockedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  return r.length > 0;
}

/** The sender's display name. */
export async function organizationName(tx: Tx, orgId: string): Promise<string | null> {
  const r = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return r[0]?.name ?? null;
}

export type { AttachmentRef };
