import { sql } from 'drizzle-orm';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../db/database.ts';
import { rows } from '../db/database.ts';

/**
 * The one narrow path that reads before the organization is known: sign-in by username, session by token
 * hash, and the sign-in throttle. It runs as the application role with no organization set, so it can
 * see nothing but what the two SECURITY DEFINER functions return.
 */

export interface LoginRow {
  id: string;
  org_id: string;
  password_hash: string;
  active: boolean;
}

export async function findLogin(db: Database, username: string): Promise<LoginRow | null> {
  const r = await db.beforeOrg((tx) =>
    rows<LoginRow>(tx, sql`select * from tenantry_auth_user(${username.trim().toLowerCase()})`),
  );
  return r[0] ?? null;
}

export interface SessionRow {
  id: string;
  org_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date | string;
  idle_expires_at: Date | string;
  absolute_expires_at: Date | string;
  username: string;
  display_name: string;
  email: string | null;
  roles: Role[];
  customer_id: string | null;
  active: boolean;
  org_name: string;
  time_zone: string;
}

export async function findSession(db: Database, tokenHash: string): Promise<SessionRow | null> {
  // The columns by name: the lookup is a statement prepared once per connection, and a prepared `select *`
  // fails on every later run once the function's columns change (a migration while servers run).
  const r = await db.sessionLookup<SessionRow>(
    sql`select id, org_id, user_id, csrf_token, last_seen_at, idle_expires_at, absolute_expires_at, username,
               display_name, email, roles, customer_id, active, org_name, time_zone
          from tenantry_auth_session(${tokenHash})`,
  );
  return r[0] ?? null;
}

export interface ThrottleRule {
  key: string;
  limit: number;
}

/** Seconds until the first blocked key frees up, or 0 when none is blocked. */
export async function throttleWait(db: Database, keys: string[]): Promise<number> {
  const r = await db.beforeOrg((tx) =>
    rows<{ wait: number | null }>(
      tx,
      sql`select ceil(extract(epoch from max(blocked_until) - now()))::int as wait
            from login_throttle where key in ${keys} and blocked_until > now()`,
    ),
  );
  return r[0]?.wait ?? 0;
}

/** Counts a failure per key within a window; reaching the limit blocks the key for one window. */
export async function recordFailure(
  db: Database,
  rules: ThrottleRule[],
  windowSeconds: number,
): Promise<void> {
  await db.beforeOrg(async (tx) => {
    for (const { key, limit } of rules) {
      await tx.execute(sql`
        insert into login_throttle as t (key, failures, window_started_at, blocked_until)
        values (${key}, 1, now(), case when ${limit} <= 1 then now() + make_interval(secs => ${windowSeconds}) end)
        on conflict (key) do update set
          failures = case when t.window_started_at < now() - make_interval(secs => ${windowSeconds})
                          then 1 else t.failures + 1 end,
          window_started_at = case when t.window_started_at < now() - make_interval(secs => ${windowSeconds})
                                   then now() else t.window_started_at end,
          blocked_until = case
            when t.window_started_at >= now() - make_interval(secs => ${windowSeconds})
                 and t.failures + 1 >= ${limit}
            then now() + make_interval(secs => ${windowSeconds})
            else t.blocked_until end`);
    }
  });
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.beforeOrg((tx) => tx.execute(sql`delete from login_throttle where key = ${key}`));
}
