import { createHash } from 'node:crypto';
import type { ExtractTablesWithRelations, Query, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema/index.ts';

export type Schema = typeof schema;
/** A transaction handle; every use-case receives one and never opens its own. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  /** A transaction as the application role with the organization set: row-level security applies. */
  inOrg<T>(orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * A transaction as the application role with no organization: it can see no business row and only
   * call the sign-in lookups (SECURITY DEFINER functions). Used by the auth repository alone.
   */
  beforeOrg<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement outside any transaction: for the SECURITY DEFINER session lookup that opens every
   * request. The function runs with its owner's rights whoever calls it, so the transaction and role
   * switch of `beforeOrg` would only add three round trips to each request. Nothing else may use it.
   */
  sessionLookup<T>(query: SQL): Promise<T[]>;
  /** A transaction as the owning role: migrations, creating organizations, listing them for jobs. */
  asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn only if this process gets the named lock; other servers holding it make this a no-op. */
  tryWithLock<T>(
    name: string,
    fn: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }>;
  /** Runs fn holding the named lock, waiting for it if needed (migrations). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const APP_ROLE = 'tenantry_app';

/** The kinds of transaction over a Drizzle database (PGlite's; PostgreSQL saves a round trip, see postgres.ts). */
export function scopedTransactions(
  db: PgDatabase<PgQueryResultHKT>,
): Pick<Database, 'inOrg' | 'beforeOrg' | 'asSystem' | 'sessionLookup'> {
  const run = <T>(orgId: string | null, asApp: boolean, fn: (tx: Tx) => Promise<T>) =>
    db.transaction(async (tx) => {
      if (asApp) await tx.execute(sql.raw(scopeSql(orgId)));
      return fn(tx as unknown as Tx);
    });
  return {
    inOrg: (orgId, fn) => run(orgId, true, fn),
    beforeOrg: (fn) => run(null, true, fn),
    sessionLookup: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    asSystem: (fn) => run(null, false, fn),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The scope of a transaction: the app role and the organization, for this transaction only. Literal SQL,
 * since PostgreSQL sends it with BEGIN in one simple-protocol message, which takes no parameters: only a
 * well-formed id gets in.
 */
export function scopeSql(orgId: string | null): string {
  if (orgId !== null && !UUID.test(orgId)) throw new Error(`not an organization id: ${orgId}`);
  return `select set_config('role', '${APP_ROLE}', true), set_config('app.org_id', '${orgId ?? ''}', true)`;
}

/** A user's text taken literally inside a LIKE pattern: `%`, `_` and the escape character itself. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Raw rows of a query whose one right plan does not depend on its values: an exact key, or an index walk
 * in list order whose limit is written into the text. On PostgreSQL it is a named statement, parsed once
 * per connection; after five runs PostgreSQL keeps its generic plan when that costs no more than the ones
 * made for the values, and stops planning. That halves the cost of a short list query. Never for a query
 * whose plan should follow a value the planner can see (a LIKE prefix, a filter on a value of skewed
 * frequency): those stay with `rows`, planned at each run.
 */
export async function plannedRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const { session, dialect } = tx as unknown as {
    session: {
      prepareQuery(
        q: Query,
        fields: undefined,
        name: string,
        arrayMode: boolean,
      ): { execute(): Promise<unknown> };
    };
    dialect: { sqlToQuery(q: SQL): Query };
  };
  const q = dialect.sqlToQuery(query);
  const result = (await session.prepareQuery(q, undefined, statementName(q.sql), false).execute()) as {
    rows: T[];
  };
  return result.rows;
}

/** A prepared statement's name on a connection, the same for the same text. */
export const statementName = (text: string) =>
  `p_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;

/** Raw rows of a SQL query on either driver (both return `{ rows }`). */
export async function rows<T>(tx: Pick<Tx, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Timestamps come back as Date or as text depending on driver and query path; present them one way. */
export function toIso(v: Date | string | null | undefined): string | null {
  if (v == null) return null;
  if (v instanceof Date) return v.toISOString();
  // PostgreSQL text form: '2026-11-26 23:12:05.715+00' (offset may lack minutes)
  const s = v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(s).toISOString();
}

/** The PostgreSQL error under a driver or ORM wrapper, if any. */
export function pgError(e: unknown): { code: string; constraint?: string; message: string } | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as { code?: unknown; constraint?: string; message?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
      return { code: c.code, constraint: c.constraint, message: c.message ?? '' };
    }
    cur = c.cause;
  }
  return null;
}

/**
 * Runs a write in a savepoint and turns a unique or exclusion violation into the caller's error, leaving
 * the outer transaction usable (PostgreSQL aborts a transaction on any failed statement).
 */
export async function guardConflict<T>(
  tx: Tx,
  write: (sp: Tx) => Promise<T>,
  onConflict: (constraint: string | undefined) => Error,
): Promise<T> {
  try {
    return await tx.transaction((sp) => write(sp as unknown as Tx));
  } catch (e) {
    const pg = pgError(e);
    if (pg && (pg.code === '23505' || pg.code === '23P01')) throw onConflict(pg.constraint);
    throw e;
  }
}
