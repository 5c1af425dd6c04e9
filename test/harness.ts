import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Response as LightResponse } from 'light-my-request';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { DEMO_PASSWORD } from '../server/db/seed/demo.ts';
import { checkIntegrity } from '../server/modules/billing/index.ts';
import type { OpenDatabase } from '../server/platform/db/open.ts';
import { openPglite } from '../server/platform/db/pglite.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import type { Deps } from '../server/platform/deps.ts';
import type { App } from '../server/platform/http/app-types.ts';
import { buildDeps } from '../server/services.ts';
import { orgIds } from './template.ts';

/** A private copy of the seeded template database for one test file. */
export async function openTestDb(): Promise<OpenDatabase & { drop(): Promise<void>; url?: string }> {
  const pgTemplate = inject('pgTemplate');
  if (pgTemplate) {
    const url = process.env.DATABASE_URL!;
    const name = `${pgTemplate}_c${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplate}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), 5);
    return Object.assign(db, {
      url: u.toString(),
      async drop() {
        await db.close().catch(() => {});
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    });
  }
  const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const db = await openPglite({ loadDataDir: blob });
  return Object.assign(db, { drop: () => db.close() });
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  orgId: string;
}

export interface Harness {
  app: App;
  db: OpenDatabase;
  deps: Deps;
  orgs: { demo: string; other: string };
  routes: { method: string; url: string; policy: unknown }[];
  login(username: string, password?: string): Promise<Session>;
  /** inject() with the session's cookie and, for writes, its CSRF token. */
  call(
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    remoteAddress?: string,
  ): Promise<LightResponse>;
  close(): Promise<void>;
}

export async function testApp(env: Record<string, string> = {}): Promise<Harness> {
  const db = await openTestDb();
  // Uploaded files go to a directory of this test file's own, removed on close.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-files-'));
  const config = loadConfig({
    TENANTRY_SCHEDULER: 'off',
    TENANTRY_WEB_DIR: '/nonexistent',
    TENANTRY_FILES_DIR: filesDir,
    ...env,
  });
  const deps = buildDeps(db, config, 'test');
  const routes: Harness['routes'] = [];
  const app = await buildApp(deps, {
    onRoute: (r) => {
      // Policies may be set by hooks that run after this one: read them when asked.
      for (const m of [r.method].flat()) {
        routes.push({
          method: m,
          url: r.url,
          get policy() {
            return r.config?.policy;
          },
        });
      }
    },
  });
  await app.ready();
  const h: Harness = {
    app,
    db,
    deps,
    routes,
    orgs: await orgIds(db),
    async login(username, password = DEMO_PASSWORD) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const body = r.json();
      const cookie = r.cookies.find((c) => c.name === 'tenantry_session')!;
      return {
        cookie: `tenantry_session=${cookie.value}`,
        csrf: body.csrfToken,
        userId: body.user.id,
        orgId: body.user.org.id,
      };
    },
    call(s, method, url, body, headers = {}, remoteAddress = undefined) {
      return app.inject({
        method,
        remoteAddress,
        url,
        payload: body as object | undefined,
        headers: {
          ...(s ? { cookie: s.cookie } : {}),
          ...(s && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}),
          ...headers,
        },
      });
    },
    async close() {
      // Whatever a test file did, the receivables still add up (R5.2.3): checked on all its data.
      const problems = [];
      for (const orgId of Object.values(h.orgs))
        problems.push(...(await db.inOrg(orgId, (tx) => checkIntegrity({ tx }))));
      await app.close();
      await db.drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
      if (problems.length) throw new Error(`receivables integrity: ${JSON.stringify(problems.slice(0, 5))}`);
    },
  };
  return h;
}
