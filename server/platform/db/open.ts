import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Config } from '../../config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type OpenDatabase = Database & { client?: PGlite; pool?: pg.Pool };

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite under the data directory. */
export function openDatabase(config: Config, log?: (msg: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolMax);
  return openPglite({
    dataDir: config.dataDir,
    onLockTakeOver: () => log?.(`Took over a stale lock on ${config.dataDir} left by a process that is gone`),
  });
}
