import { configDefaults, defineConfig } from 'vitest/config';

/**
 * CI runs the suite twice, on PGlite and on PostgreSQL (.ci/run). A browser journey shows that the screens
 * work, which one database shows as well as two, so with E2E_SPLIT=1 each journey runs in one half only:
 * these on PostgreSQL, the others on PGlite (about equal in time). Every other test runs in both halves,
 * and without E2E_SPLIT every journey runs on the database under test.
 */
const JOURNEYS_ON_POSTGRES = [
  'applications',
  'billing',
  'contracts',
  'invoices',
  'reports',
  'settlement',
  'spaces',
];
const JOURNEYS_ON_PGLITE = [
  'billingClose',
  'charges',
  'customers',
  'imports',
  'journeys',
  'receivables',
  'utilities',
];

const otherHalf = process.env.DATABASE_URL ? JOURNEYS_ON_PGLITE : JOURNEYS_ON_POSTGRES;
const skipped = process.env.E2E_SPLIT === '1' ? otherHalf.map((name) => `e2e/${name}.test.ts`) : [];

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'test/**/*.test.ts',
      'web/src/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    exclude: [...configDefaults.exclude, ...skipped],
    globalSetup: ['test/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
