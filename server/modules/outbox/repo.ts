import { and, desc, eq, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import { escapeLike, type Tx } from '../../platform/db/database.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxFilter {
  status?: 'pending' | 'sent' | 'delivered_to_outbox' | 'failed';
  q?: string;
  afterId?: string;
  limit: number;
}

export async function listOutbox(tx: Tx, f: OutboxFilter): Promise<OutboxRow[]> {
  const like = f.q ? `%${escapeLike(f.q)}%` : null;
  return tx
    .select()
    .from(outbox)
    .where(
      and(
        // a message being sent right now is still pending to the reader
        f.status === 'pending'
          ? inArray(outbox.status, ['pending', 'sending'])
          : f.status
            ? eq(outbox.status, f.status)
            : undefined,
        like
          ? or(ilike(outbox.subject, like), sql`array_to_string(${outbox.to}, ',') ilike ${like}`)
          : undefined,
        f.afterId ? lt(outbox.id, f.afterId) : undefined,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(f.limit);
}

export async function findMessage(tx: Tx, id: string): Promise<OutboxRow | null> {
  const r = await tx.select().from(outbox).where(eq(outbox.id, id));
  return r[0] ?? null;
}
