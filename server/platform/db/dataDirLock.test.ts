import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './dataDirLock.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    // a live process other than us holds it: simulate with our parent's pid
    fs.writeFileSync(lock.file, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: 'x' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(dir);
    fs.rmSync(lock.file);
    const again = lockDataDir(dir);
    again.release();
    expect(fs.existsSync(again.file)).toBe(false);
  });

  it('takes over a lock whose process is gone', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(
      path.join(dir, 'tenantry.lock'),
      JSON.stringify({ pid: Number(dead), host: os.hostname(), startedAt: 'x' }),
    );
    let tookOver = false;
    const lock = lockDataDir(dir, () => {
      tookOver = true;
    });
    expect(tookOver).toBe(true);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held from another host rather than guessing', () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'tenantry.lock'),
      JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'x' }),
    );
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('does not remove a lock that another process holds when releasing', () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    fs.writeFileSync(lock.file, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: 'x' }));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(true);
  });
});
