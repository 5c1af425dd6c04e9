import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/tenantry.js');

export interface Spawned {
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the URL once the server says it is running; rejects if it exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `tenantry <args>` as its own process, with a clean environment plus `env`. */
export function spawnTenantry(args: string[], env: Record<string, string>): Spawned {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: process.env.TZ ?? 'UTC' };
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: 'pipe',
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before it was ready:\n${out}`)));
  });
  ready.catch(() => {});
  return { proc, output: () => out, ready, exited };
}
