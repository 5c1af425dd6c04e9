import { Command } from 'commander';
import { ZodError } from 'zod';
import { todayIn } from '../common/dates.ts';
import { formatError } from '../common/errors.ts';
import { ROLES, type Role } from '../common/roles.ts';
import { createUserBody } from '../common/schemas/users.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/dataDirLock.ts';
import type { OpenDatabase } from './platform/db/open.ts';
import { AppError } from './platform/errors.ts';
import { VERSION } from './version.ts';

// The application is loaded by the command that needs it, so `--help` and a mistyped command answer at once.
const out = (s: string) => process.stdout.write(`${s}\n`);

/** Opens and migrates the configured database for one command, and always closes it. */
async function withDb<T>(fn: (db: OpenDatabase) => Promise<T>): Promise<T> {
  const [{ openDatabase }, { migrate }] = await Promise.all([
    import('./platform/db/open.ts'),
    import('./platform/db/migrate.ts'),
  ]);
  const db = await openDatabase(loadConfig(), out);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const program = new Command('tenantry')
  .description('Tenantry: customer management for leasing office and warehouse space')
  .version(VERSION);

program
  .command('serve')
  .description('Migrate the database and serve the web app and API (PORT, DATABASE_URL, TENANTRY_DATA_DIR)')
  .option('--demo', 'seed the demo organization and users when the database is empty')
  .action(async (o: { demo?: boolean }) => {
    const { serve } = await import('./main.ts');
    await serve(loadConfig(), { demo: Boolean(o.demo) });
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    await withDb(async () => out('Migrations applied.'));
  });

program
  .command('seed')
  .description('Load data')
  .option('--demo', 'the demo organization and one user per staff role (only into an empty database)')
  .action((o: { demo?: boolean }) =>
    withDb(async (db) => {
      if (!o.demo) throw new Error('say what to seed: --demo');
      const [{ seedDemo }, { FileStore }] = await Promise.all([
        import('./db/seed/demo.ts'),
        import('./platform/files/fileStore.ts'),
      ]);
      const r = await seedDemo(db, { files: new FileStore(loadConfig().filesDir) });
      out(
        r.created
          ? `Demo data created; sign in as ${r.usernames.join(', ')}`
          : 'The database already has an organization; nothing seeded.',
      );
    }),
  );

const org = program.command('org').description('Organizations (lessors)');
org
  .command('create')
  .description('Create an organization')
  .requiredOption('--name <name>', 'legal name')
  .requiredOption('--uscc <code>', 'Unified Social Credit Code (18 characters)')
  .option('--address <address>', 'registered address')
  .option('--time-zone <tz>', 'IANA time zone for business dates', 'Asia/Shanghai')
  .action((o: { name: string; uscc: string; address?: string; timeZone: string }) =>
    withDb(async (db) => {
      const { createOrganization } = await import('./modules/orgs/createOrganization.ts');
      const created = await db.asSystem((tx) => createOrganization(tx, o));
      out(`Organization created: ${created.id} ${created.name}`);
    }),
  );

const user = program.command('user').description('Users');
user
  .command('create')
  .description('Create a user in an organization')
  .requiredOption('--org <idOrUscc>', 'organization id or USCC')
  .requiredOption('--username <username>')
  .requiredOption('--name <displayName>', 'display name')
  .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
  .option('--email <email>')
  .option('--password <password>', 'at least 10 characters (default: read TENANTRY_PASSWORD)')
  .action(
    (o: { org: string; username: string; name: string; roles: string; email?: string; password?: string }) =>
      withDb(async (db) => {
        const [{ findOrganization }, { createUser }, { systemCtx }] = await Promise.all([
          import('./modules/orgs/repo.ts'),
          import('./modules/users/createUser.ts'),
          import('./platform/context.ts'),
        ]);
        const target = await db.asSystem((tx) => findOrganization(tx, o.org));
        if (!target) throw new Error(`No organization ${o.org}`);
        const input = createUserBody.parse({
          username: o.username,
          displayName: o.name,
          email: o.email ?? null,
          roles: o.roles.split(',').map((r) => r.trim()) as Role[],
          password: o.password ?? process.env.TENANTRY_PASSWORD,
        });
        const u = await db.inOrg(target.id, (tx) => createUser(systemCtx(tx, target.id, 'en'), input));
        out(`User created: ${u.id} ${u.username}`);
      }),
  );

const jobs = program.command('jobs').description('Scheduled jobs');
jobs
  .command('run <name>')
  .description('Run a job now for a business date, for every organization or one')
  .option('--as-of <date>', 'business date YYYY-MM-DD (default: today in each organization)')
  .option('--org <idOrUscc>', 'only this organization')
  .action((name: string, o: { asOf?: string; org?: string }) =>
    withDb(async (db) => {
      const [{ buildDeps }, { findOrganization }, { listOrganizations }, { runJob }] = await Promise.all([
        import('./services.ts'),
        import('./modules/orgs/repo.ts'),
        import('./platform/jobs/repo.ts'),
        import('./platform/jobs/runner.ts'),
      ]);
      const deps = buildDeps(db, loadConfig());
      const job = deps.jobs.get(name);
      if (!job) throw new AppError('JOB_UNKNOWN', { job: name });
      if (o.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new Error('--as-of must be YYYY-MM-DD');
      let orgs = await db.asSystem((tx) => listOrganizations(tx));
      if (o.org) {
        const one = await db.asSystem((tx) => findOrganization(tx, o.org!));
        orgs = orgs.filter((x) => x.id === one?.id);
        if (!orgs.length) throw new Error(`No organization ${o.org}`);
      }
      let failed = 0;
      for (const x of orgs) {
        const date = o.asOf ?? todayIn(x.timeZone);
        const run = await runJob(db, job, { orgId: x.id, businessDate: date, trigger: 'manual' });
        if (!run) out(`${name} ${x.id} ${date}: already running elsewhere, skipped`);
        else
          out(
            `${name} ${x.id} ${date}: ${run.status} ${JSON.stringify(run.counts)}${run.error ? ` ${run.error}` : ''}`,
          );
        if (run?.status === 'failed') failed++;
      }
      if (failed) process.exitCode = 1;
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof DataDirLockedError) process.stderr.write(`${e.message}\n`);
  else if (e instanceof AppError)
    process.stderr.write(`${formatError(e.code, 'en', e.params)}${e.field ? ` (${e.field})` : ''}\n`);
  else if (e instanceof ZodError)
    process.stderr.write(`${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
  else process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
