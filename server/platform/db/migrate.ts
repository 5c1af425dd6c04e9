import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Applies the committed migrations; servers starting together take turns under a lock. */
export async function migrate(db: Database & { client?: PGlite; pool?: pg.Pool }): Promise<void> {
  await db.withLock('migrate', async () => {
    if (db.client)
      await migratePglite(drizzlePglite({ client: db.client }), { migrationsFolder: MIGRATIONS_DIR });
    else if (db.pool) await migratePg(drizzlePg({ client: db.pool }), { migrationsFolder: MIGRATIONS_DIR });
    else throw new Error('unknown database driver');
  });
}
