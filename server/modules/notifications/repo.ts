import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';

export type NotificationRow = typeof notifications.$inferSelect;
type Text = { 'zh-CN': string; en: string };

export interface NewNotification {
  title: Text;
  body: Text;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
}

export async function insertForUsers(
  tx: Tx,
  orgId: string,
  rows: { id: string; userId: string }[],
  n: NewNotification,
  jobRunId: string | null,
): Promise<void> {
  if (!rows.length) return;
  await tx.insert(notifications).values(
    rows.map((r) => ({
      id: r.id,
      orgId,
      userId: r.userId,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
      jobRunId,
    })),
  );
}

export async function listForUser(
  tx: Tx,
  userId: string,
  f: { unread?: boolean; afterId?: string; limit: number },
) {
  return tx
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        f.unread ? isNull(notifications.readAt) : undefined,
        f.afterId ? lt(notifications.id, f.afterId) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(f.limit);
}

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const r = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(r[0]?.n ?? 0);
}

export async function markRead(tx: Tx, userId: string, id: string | null): Promise<number> {
  const r = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return r.length;
}

export async function exists(tx: Tx, userId: string, id: string): Promise<boolean> {
  const r = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return r.length > 0;
}
