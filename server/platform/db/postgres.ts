import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type Database, scopeSql, statementName, type Tx } from './database.ts';

const { Pool, types } = pg;
// Same shapes as PGlite: int8 as number (fen stay far below 2^53), date as 'YYYY-MM-DD'.
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.DATE, (v) => v);

export async function openPostgres(url: string, poolMax = 10): Promise<Database & { pool: pg.Pool }> {
  // No JIT: compiling a plan costs tens of milliseconds, and every query here is a short one whose cost
  // estimate can still cross jit_above_cost on a large table.
  const pool = new Pool({
    connectionString: url,
    max: poolMax,
    application_name: 'tenantry',
    options: '-c jit=off',
  });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it. Queries in flight get their own error.
  });
  await pool.query('select 1'); // fail at start, not at the first request
  const dialect = new PgDialect();

  /**
   * A transaction on its own connection. BEGIN and the scope (role and organization) go in one round
   * trip, as one simple-protocol message: a search request is a handful of short statements, and each
   * round trip to the server costs about as much as the statement itself.
   */
  async function transaction<T>(scope: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // No relational schema: nothing uses `tx.query`, and a schema makes every transaction build a query
    // builder per table.
    const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined), undefined);
    let broken: Error | undefined;
    try {
      await client.query(scope ? `begin; ${scope}` : 'begin');
      const result = await fn(tx as unknown as Tx);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((e: Error) => {
        broken = e; // the connection is gone: do not hand it to the next request
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  // Session-level advisory locks live on one connection, held for the whole of fn.
  async function lockOn<T>(name: string, wait: boolean, fn: () => Promise<T>) {
    const client = await pool.connect();
    try {
      const fnName = wait ? 'pg_advisory_lock' : 'pg_try_advisory_lock';
      const r = await client.query(`select ${fnName}(hashtextextended($1, 0)) as ok`, [`tenantry:${name}`]);
      if (!wait && r.rows[0].ok !== true) return { acquired: false as const };
      try {
        return { acquired: true as const, value: await fn() };
      } finally {
        await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [`tenantry:${name}`]);
      }
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    pool,
    inOrg: async (orgId, fn) => transaction(scopeSql(orgId), fn),
    beforeOrg: (fn) => transaction(scopeSql(null), fn),
    asSystem: (fn) => transaction(null, fn),
    // Every request makes it: a named statement, parsed once per connection.
    sessionLookup: async (query) => {
      const q = dialect.sqlToQuery(query);
      return (await pool.query({ name: statementName(q.sql), text: q.sql, values: q.params })).rows;
    },
    tryWithLock: (name, fn) => lockOn(name, false, fn),
    async withLock(name, fn) {
      const r = await lockOn(name, true, fn);
      if (!r.acquired) throw new Error('unreachable: waiting lock not acquired');
      return r.value;
    },
    close: () => pool.end(),
  };
}
