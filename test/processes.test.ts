import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Spawned, spawnTenantry } from './spawnServer.ts';

// Every test spawns command-line processes that each load the application: slow beside a full parallel run.
vi.setConfig({ testTimeout: 90_000 });

// These start real server processes on the embedded database (no DATABASE_URL) in a temporary directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-proc-'));
const env = { TENANTRY_DATA_DIR: dir, PORT: '0', TENANTRY_SCHEDULER: 'off' };
const started: Spawned[] = [];
const start = (args = ['serve', '--demo'], extra: Record<string, string> = {}) => {
  const s = spawnTenantry(args, { ...env, ...extra });
  started.push(s);
  return s;
};

afterAll(async () => {
  for (const s of started) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function login(url: string) {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'tenantry-demo' }),
  });
}

/** A request on its own connection, so that it is not an idle keep-alive socket the server may drop. */
/** A sign-in on its own connection; `sent` settles once the whole request is on the wire. */
function loginOnNewConnection(url: string): { sent: Promise<void>; status: Promise<number | undefined> } {
  let sent!: () => void;
  const written = new Promise<void>((r) => {
    sent = r;
  });
  const status = new Promise<number | undefined>((resolve, reject) => {
    const req = http.request(
      `${url}/api/v1/auth/login`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.on('finish', sent);
    req.end(JSON.stringify({ username: 'admin', password: 'tenantry-demo' }));
  });
  return { sent: written, status };
}

describe('server processes on the embedded database (issue 2 §2)', () => {
  // Three server starts, the first creating and seeding a database: give a busy CI machine room.
  it('refuses a second server on the same data directory, stops on SIGTERM and restarts with its data', {
    timeout: 90_000,
  }, async () => {
    const first = start();
    const url = await first.ready;
    expect(first.output()).toContain('Demo sign-ins');
    expect(first.output()).toMatch(/admin, business, legal, finance, management, service/);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    const second = start();
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`The data directory ${dir} is in use`);
    // the first one is untouched
    expect((await login(url)).status).toBe(200);

    // SIGTERM while a sign-in (argon2, tens of ms) is being handled: it still completes.
    // Only once the request is on the wire (a loaded machine may take longer than 30 ms to connect).
    const inFlight = loginOnNewConnection(url);
    await inFlight.sent;
    await new Promise((r) => setTimeout(r, 30));
    first.proc.kill('SIGTERM');
    expect(await inFlight.status).toBe(200);
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'tenantry.lock'))).toBe(false);

    const third = start();
    const url3 = await third.ready;
    expect((await login(url3)).status).toBe(200); // the demo data survived the restart
    third.proc.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('takes over a lock left by a process that died', async () => {
    fs.writeFileSync(
      path.join(dir, 'tenantry.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2020-01-01T00:00:00Z' }),
    );
    const s = start();
    const url = await s.ready;
    expect(s.output()).toContain('Took over a stale lock');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('runs a job from the command line for a business date', async () => {
    const s = start(['jobs', 'run', 'purge-expired-sessions', '--as-of', '2027-01-31']);
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/purge-expired-sessions \S+ 2027-01-31: succeeded \{"deleted":\d+\}/);
    const bad = start(['jobs', 'run', 'no-such-job']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('There is no job named "no-such-job"');
  });

  it('has --help for every command', async () => {
    for (const cmd of [
      [],
      ['serve'],
      ['migrate'],
      ['seed'],
      ['org', 'create'],
      ['user', 'create'],
      ['jobs', 'run'],
    ]) {
      const s = start([...cmd, '--help']);
      expect(await s.exited, cmd.join(' ')).toBe(0);
      expect(s.output()).toContain('Usage: tenantry');
    }
  });

  // Four command-line processes, each opening the embedded database: slow beside a full parallel run.
  it('creates an organization and a user from the command line, refusing a bad USCC', {
    timeout: 90_000,
  }, async () => {
    const bad = start(['org', 'create', '--name', '坏公司', '--uscc', '91350100M000100Y44']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Unified Social Credit Code is invalid');
    const org = start([
      'org',
      'create',
      '--name',
      '新租赁公司',
      '--uscc',
      '9144030071526726XG',
      '--time-zone',
      'Asia/Urumqi',
    ]);
    expect(await org.exited).toBe(0);
    const user = start(
      [
        'user',
        'create',
        '--org',
        '9144030071526726XG',
        '--username',
        'newadmin',
        '--name',
        '新管理员',
        '--roles',
        'admin,finance',
      ],
      { TENANTRY_PASSWORD: 'new-admin-password' },
    );
    expect(await user.exited, user.output()).toBe(0);
    const server = start();
    const url = await server.ready;
    const r = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'newadmin', password: 'new-admin-password' }),
    });
    expect(await r.json()).toMatchObject({
      user: { roles: ['admin', 'finance'], org: { name: '新租赁公司', timeZone: 'Asia/Urumqi' } },
    });
    server.proc.kill('SIGTERM');
    await server.exited;
  });
});
