import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import type { Tx } from '../db/database.ts';
import { newId } from '../ids.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  tx: Tx,
  orgId: string,
  userId: string,
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string },
): Promise<{ id: string; token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const id = newId();
  await tx.insert(sessions).values({
    id,
    orgId,
    userId,
    tokenHash: hashToken(token),
    csrfToken,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    idleExpiresAt: sql`now() + make_interval(mins => ${policy.idleMinutes})`,
    absoluteExpiresAt: sql`now() + make_interval(hours => ${policy.absoluteHours})`,
  });
  return { id, token, csrfToken };
}

/** Slides the idle expiry; callers do it at most once a minute per session to spare writes. */
export async function touchSession(tx: Tx, sessionId: string, policy: SessionPolicy): Promise<void> {
  await tx
    .update(sessions)
    .set({
      lastSeenAt: sql`now()`,
      idleExpiresAt: sql`least(absolute_expires_at, now() + make_interval(mins => ${policy.idleMinutes}))`,
    })
    .where(eq(sessions.id, sessionId));
}

export async function deleteSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revokes every session of a user, but the one given (a user who changes their own password stays in). */
export async function revokeUserSessions(tx: Tx, userId: string, keepSessionId?: string): Promise<number> {
  const r = await tx
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return r.length;
}

export async function purgeExpiredSessions(tx: Tx): Promise<number> {
  const r = await tx
    .delete(sessions)
    .where(or(lt(sessions.idleExpiresAt, sql`now()`), lt(sessions.absoluteExpiresAt, sql`now()`)))
    .returning({ id: sessions.id });
  return r.length;
}
