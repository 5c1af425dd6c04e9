import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from './database.ts';
import { scopedTransactions } from './database.ts';
import { lockDataDir } from './dataDirLock.ts';
import { InProcessLocks } from './locks.ts';

// Same shapes as our pg pool: int8 as number (fen stay far below 2^53), date as 'YYYY-MM-DD'.
const parsers = { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v };

export interface PgliteOptions {
  /** Directory for a persistent database; omitted for an in-memory one. */
  dataDir?: string;
  /** A dump (from dumpDataDir) to start from: tests clone a migrated template this way. */
  loadDataDir?: Blob | File;
  onLockTakeOver?: () => void;
}

export async function openPglite(opts: PgliteOptions): Promise<Database & { client: PGlite }> {
  const lock = opts.dataDir ? lockDataDir(opts.dataDir, opts.onLockTakeOver) : null;
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined,
      loadDataDir: opts.loadDataDir,
      parsers,
      // btree_gist: the exclusion constraint that keeps a unit's leases and reservations from overlapping;
      // pg_trgm: substring search on customer and contact names
      extensions: { btree_gist, pg_trgm },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  // No relational schema, as on PostgreSQL: nothing uses `db.query`.
  const db = drizzle({ client });
  const locks = new InProcessLocks();
  return {
    kind: 'pglite',
    client,
    ...scopedTransactions(db),
    tryWithLock: (name, fn) => locks.tryWith(name, fn),
    withLock: (name, fn) => locks.with(name, fn),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
