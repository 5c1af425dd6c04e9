import { and, arrayContains, arrayOverlaps, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { escapeLike, type Tx } from '../../platform/db/database.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUser(tx: Tx, id: string): Promise<UserRow | null> {
  const r = await tx.select().from(users).where(eq(users.id, id));
  return r[0] ?? null;
}

export async function insertUser(tx: Tx, row: typeof users.$inferInsert): Promise<UserRow> {
  const r = await tx.insert(users).values(row).returning();
  return r[0]!;
}

export async function updateUserRow(
  tx: Tx,
  id: string,
  set: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const r = await tx
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return r[0]!;
}

/** Locks the organization's active admins, so two concurrent demotions cannot both pass the last-admin check. */
export async function countActiveAdmins(tx: Tx): Promise<number> {
  const r = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), arrayContains(users.roles, ['admin'])))
    .for('update');
  return r.length;
}

export interface UserFilter {
  q?: string;
  role?: string;
  active?: boolean;
  afterUsername?: string;
  limit: number;
}

export async function listUsers(tx: Tx, f: UserFilter): Promise<UserRow[]> {
  const like = f.q ? `%${escapeLike(f.q)}%` : null;
  return tx
    .select()
    .from(users)
    .where(
      and(
        like
          ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.email, like))
          : undefined,
        f.role ? arrayContains(users.roles, [f.role]) : undefined,
        f.active === undefined ? undefined : eq(users.active, f.active),
        f.afterUsername ? gt(users.username, f.afterUsername) : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(f.limit);
}

/** Active staff (no portal users), by display name: who can be named as custodian, assignee … */
export async function staffDirectory(tx: Tx) {
  return tx
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.active, true), sql`not ('customer' = any(${users.roles}))`))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** An active member of staff (not a portal user) by username, any case. */
export async function staffIdByUsername(tx: Tx, username: string): Promise<string | null> {
  const [u] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.username}) = lower(${username})`,
        eq(users.active, true),
        sql`not ('customer' = any(${users.roles}))`,
      ),
    );
  return u?.id ?? null;
}

export async function markLoggedIn(tx: Tx, id: string): Promise<void> {
  await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
}

/** Active users holding any of the roles (notifications to a department). */
export async function activeUserIdsWithRoles(tx: Tx, roles: readonly string[]): Promise<string[]> {
  const r = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), arrayOverlaps(users.roles, [...roles])))
    .orderBy(users.id);
  return r.map((x) => x.id);
}
