import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { DEMO_PASSWORD, seedDemo } from './db/seed/demo.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';
import { Scheduler } from './platform/jobs/scheduler.ts';
import { buildDeps } from './services.ts';
import { VERSION } from './version.ts';

export interface ServeOptions {
  /** Seed the demo organization when the database has none (what `npm start` does). */
  demo: boolean;
}

/** Opens and migrates the database, serves the API and the web app, runs the scheduler; stops cleanly on SIGTERM. */
export async function serve(config: Config, opts: ServeOptions) {
  const started = Date.now();
  const say = (msg: string) => process.stdout.write(`${msg}\n`);
  const db = await openDatabase(config, say);
  try {
    await migrate(db);
    const deps = buildDeps(db, config);
    const seeded = opts.demo ? await seedDemo(db, { files: deps.files }) : null;
    const app = await buildApp(deps, {
      logger: { level: config.logLevel, ...(process.stdout.isTTY ? {} : {}) },
    });
    const scheduler = config.scheduler ? new Scheduler(db, deps.jobs, app.log) : null;

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      // Stop taking requests and let those in flight finish, then stop jobs, then close the database.
      await app.close();
      await scheduler?.stop();
      await db.close();
      deps.mail.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));

    await app.listen({ port: config.port, host: config.host });
    await scheduler?.start();
    const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    if (seeded) {
      say(`Demo sign-ins (password "${DEMO_PASSWORD}"): ${seeded.usernames.join(', ')}`);
    }
    say(
      `Tenantry ${VERSION} is running at ${url} (database: ${db.kind}${db.kind === 'pglite' ? `, ${config.dataDir}` : ''}), started in ${Date.now() - started} ms`,
    );
    return { app, db, url, stop };
  } catch (e) {
    await db.close();
    throw e;
  }
}
