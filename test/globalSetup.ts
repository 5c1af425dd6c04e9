import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../server/platform/db/pglite.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import { spawnTenantry } from './spawnServer.ts';
import { buildTemplate } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    /** The demo as `npm start` seeds it, for the browser journeys: its data directory and PostgreSQL database. */
    demoDir: string;
    pgDemo: string;
  }
}

/**
 * Seeds the demo once with the real command (files included) into `dir` and, on PostgreSQL, into database `db`;
 * each browser journey file starts its server on a copy instead of seeding its own (about 8 s each).
 */
async function seedDemoOnce(dir: string, url?: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  const env: Record<string, string> = { TENANTRY_DATA_DIR: dir };
  if (url) env.DATABASE_URL = url;
  const seed = spawnTenantry(['seed', '--demo'], env);
  const code = await seed.exited;
  if (code !== 0) throw new Error(`seeding the demo failed (${code}):\n${seed.output()}`);
}

/**
 * Builds one migrated and seeded template per run; every test file clones it (a PGlite dump, or
 * CREATE DATABASE ... TEMPLATE on PostgreSQL when DATABASE_URL is set).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const demoDir = path.resolve('.tmp', `demo-${process.pid}`);
  project.provide('demoDir', demoDir);
  const removeDemoDir = () => fs.rmSync(demoDir, { recursive: true, force: true });
  if (url) {
    const name = `tenantry_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const demo = `tenantry_tdemo_${process.pid}`;
    await admin.query(`drop database if exists ${demo}`);
    await admin.query(`create database ${demo}`);
    const demoUrl = new URL(url);
    demoUrl.pathname = `/${demo}`;
    const db = await openPostgres(u.toString(), 2);
    await Promise.all([buildTemplate(db), seedDemoOnce(demoDir, demoUrl.toString())]);
    await db.close();
    project.provide('pgTemplate', name);
    project.provide('pgDemo', demo);
    project.provide('pgliteTemplate', '');
    return async () => {
      // Drop the template and any clone a crashed worker left behind.
      const left = await admin.query(
        `select datname from pg_database where datname like 'tenantry_t%_${process.pid}%'`,
      );
      for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
      removeDemoDir();
    };
  }
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar.gz`);
  const db = await openPglite({});
  await Promise.all([buildTemplate(db), seedDemoOnce(demoDir)]);
  const dump = await db.client.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  project.provide('pgDemo', '');
  return () => {
    fs.rmSync(file, { force: true });
    removeDemoDir();
  };
}
