import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite does not stop a second process from opening the same directory (its writes would be lost),
 * so the server holds an exclusive lock file. A lock whose process is gone is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Tenantry process (pid ${holderPid}). ` +
        'Stop that process first, or set TENANTRY_DATA_DIR to another directory.',
    );
  }
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null; // vanished or half-written: treat as stale
  }
}

/**
 * Removes a stale lock under a short-lived takeover mutex (mkdir is atomic), re-checking inside it,
 * so that two processes starting at once cannot both take the lock over.
 */
function takeOverStale(file: string, seen: LockInfo | null, onTakeOver?: (stale: LockInfo | null) => void) {
  const mutex = `${file}.takeover`;
  try {
    fs.mkdirSync(mutex);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A takeover mutex older than a few seconds belongs to a process that died in the middle of one.
    const st = fs.statSync(mutex, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > 5000) fs.rmSync(mutex, { recursive: true, force: true });
    else sleepSync(20);
    return;
  }
  try {
    const now = readLock(file);
    if (now?.pid === seen?.pid && now?.startedAt === seen?.startedAt) {
      fs.rmSync(file, { force: true });
      onTakeOver?.(seen);
    }
  } finally {
    fs.rmSync(mutex, { recursive: true, force: true });
  }
}

export function lockDataDir(dataDir: string, onTakeOver?: (stale: LockInfo | null) => void): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tenantry.lock');
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(file);
    if (holder && holder.pid !== process.pid && holder.host === info.host && isAlive(holder.pid)) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    if (holder && holder.host !== info.host) {
      // Another machine on a shared disk: we cannot check its process, so refuse rather than guess.
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    takeOverStale(file, holder, onTakeOver);
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
