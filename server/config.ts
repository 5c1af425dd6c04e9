import path from 'node:path';
import { z } from 'zod';

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  TENANTRY_DATA_DIR: z.string().default('./data'),
  TENANTRY_FILES_DIR: z.string().optional(),
  TENANTRY_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TENANTRY_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TENANTRY_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(240),
  TENANTRY_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(72),
  TENANTRY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TENANTRY_SCHEDULER: z.enum(['on', 'off']).default('on'),
  TENANTRY_WEB_DIR: z.string().default('./web/dist'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('no-reply@tenantry.local'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Uploaded files (qualification documents); `<data dir>/files` unless TENANTRY_FILES_DIR says otherwise. */
  filesDir: string;
  poolMax: number;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  scheduler: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (sign-in throttling uses it). */
  trustProxy: boolean;
  webDir: string;
  logLevel: string;
  /** smtp://user:pass@host:587 — without it, delivered mail stays in the outbox table, readable in the app. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Extra job schedules by job name, e.g. TENANTRY_JOB_SCHEDULE_PURGE_EXPIRED_SESSIONS="0 3 * * *". */
  jobSchedules: Record<string, string>;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error in ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const jobSchedules: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (k.startsWith('TENANTRY_JOB_SCHEDULE_') && v) {
      jobSchedules[k.slice('TENANTRY_JOB_SCHEDULE_'.length).toLowerCase().replaceAll('_', '-')] = v;
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TENANTRY_DATA_DIR),
    filesDir: path.resolve(e.TENANTRY_FILES_DIR ?? path.join(e.TENANTRY_DATA_DIR, 'files')),
    poolMax: e.TENANTRY_DB_POOL_MAX,
    cookieSecure: e.TENANTRY_COOKIE_SECURE === 'true',
    sessionIdleMinutes: e.TENANTRY_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.TENANTRY_SESSION_ABSOLUTE_HOURS,
    scheduler: e.TENANTRY_SCHEDULER === 'on',
    trustProxy: e.TENANTRY_TRUST_PROXY === 'true',
    webDir: path.resolve(e.TENANTRY_WEB_DIR),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jobSchedules,
  };
}
