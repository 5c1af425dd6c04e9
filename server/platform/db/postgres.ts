import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema/index.ts';
import type { Database } from './database.ts';
import { scopedTransactions } from './database.ts';

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
  const db = drizzle({ client: pool, schema });

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
    ...scopedTransactions(db),
    tryWithLock: (name, fn) => lockOn(name, false, fn),
    async withLock(name, fn) {
      const r = await lockOn(name, true, fn);
      if (!r.acquired) throw new Error('unreachable: waiting lock not acquired');
      return r.value;
    },
    close: () => pool.end(),
  };
}
