import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed/demo.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import type { OpenDatabase } from '../server/platform/db/open.ts';
import { openPglite } from '../server/platform/db/pglite.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import { buildDeps } from '../server/services.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet } from '../test/sheets.ts';

const TARGET_MS = 30_000;

/** A fresh database: in memory for PGlite, or a new one beside DATABASE_URL's, dropped afterwards. */
async function freshDatabase(): Promise<{ db: OpenDatabase; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite({});
    return { db, drop: () => db.close() };
  }
  const name = `tenantry_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 4);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Importing a customer sheet of `size` rows through the real code and HTTP (app.inject): upload (parse,
 * check every row, stage), preview (the rows with problems) and commit (customers, contacts, audit rows).
 * Target: under 30 s for 10,000 rows.
 */
export async function importBench(size: number): Promise<{ ok: boolean; lines: string[] }> {
  const { db, drop } = await freshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-bench-import-'));
  try {
    await migrate(db);
    await seedDemo(db);
    const config = loadConfig({
      TENANTRY_SCHEDULER: 'off',
      TENANTRY_WEB_DIR: '/nonexistent',
      TENANTRY_DATA_DIR: dataDir,
    });
    const app = await buildApp(buildDeps(db, config, 'bench'));
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'business', password: DEMO_PASSWORD },
    });
    const cookie = `tenantry_session=${login.cookies.find((c) => c.name === 'tenantry_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };

    const rows = Array.from({ length: size }, (_, i) =>
      customerRow(1_000_000 + i, `基准导入贸易有限公司${i}`),
    );
    const bytes = await sheet(CUSTOMER_HEADERS, rows);
    const body = multipart({ kind: 'customers' }, { name: 'customers.xlsx', bytes });

    const t0 = performance.now();
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: body.payload,
      headers: { ...headers, ...body.headers },
    });
    if (up.statusCode !== 201) throw new Error(`upload answered ${up.statusCode}: ${up.body}`);
    const id = up.json().id as string;
    const t1 = performance.now();
    const preview = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}/rows?onlyErrors=true`,
      headers,
    });
    if (preview.json().items.length !== 0)
      throw new Error(`unexpected problems: ${preview.body.slice(0, 300)}`);
    const t2 = performance.now();
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/commit`,
      payload: { mode: 'all_or_nothing' },
      headers,
    });
    if (done.json().importedRows !== size)
      throw new Error(`commit answered ${done.statusCode}: ${done.body}`);
    const t3 = performance.now();
    await app.close();

    const total = t3 - t0;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return {
      ok: total < TARGET_MS,
      lines: [
        `import: ${size.toLocaleString('en')} customers with contacts from a ${(bytes.length / 1024).toFixed(0)} KB .xlsx: ` +
          `upload+check+stage ${s(t1 - t0)}, preview ${s(t2 - t1)}, commit ${s(t3 - t2)}, total ${s(total)} ` +
          `(target < 30 s, ${Math.round(size / (total / 1000)).toLocaleString('en')} rows/s, ${db.kind})`,
      ],
    };
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await importBench(Number(process.argv[2] ?? 10_000));
  for (const line of r.lines) process.stdout.write(`${r.ok ? 'ok  ' : 'MISS'} ${line}\n`);
}
