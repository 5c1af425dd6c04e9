import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnTenantry } from '../test/spawnServer.ts';

/**
 * `npm start` to first answer of GET /api/health on the embedded database, on a new data directory
 * (creates, migrates and seeds it) and again on the existing one. Targets from DESIGN.md: 15 s and 5 s.
 */
async function timeStart(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const s = spawnTenantry(['serve', '--demo'], {
    TENANTRY_DATA_DIR: dataDir,
    PORT: '0',
    TENANTRY_SCHEDULER: 'off',
  });
  const url = await s.ready;
  const r = await fetch(`${url}/api/health`);
  if (r.status !== 200) throw new Error(`health answered ${r.status}`);
  const ms = performance.now() - t0;
  s.proc.kill('SIGTERM');
  if ((await s.exited) !== 0) throw new Error(`server did not stop cleanly:\n${s.output()}`);
  return ms;
}

export async function startupBench(): Promise<{ ok: boolean; lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-start-'));
  try {
    const first = await timeStart(dir);
    const later = await timeStart(dir);
    const ok = first < 15_000 && later < 5_000;
    return {
      ok,
      lines: [
        `startup, first (create + migrate + seed): ${(first / 1000).toFixed(2)} s (target < 15 s)`,
        `startup, later: ${(later / 1000).toFixed(2)} s (target < 5 s)`,
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
