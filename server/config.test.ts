import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults for a laptop: port 3000, ./data, PGlite', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      scheduler: true,
      cookieSecure: false,
      trustProxy: false,
    });
    expect(c.dataDir).toMatch(/\/data$/);
  });
  it('reads overrides and per-job schedules', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      TENANTRY_JOB_SCHEDULE_PURGE_EXPIRED_SESSIONS: '*/5 * * * *',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@h/db',
      jobSchedules: { 'purge-expired-sessions': '*/5 * * * *' },
    });
  });
  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
