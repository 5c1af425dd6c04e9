import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Gzipped size of the JavaScript the browser loads before the first page: entry scripts and modulepreloads. */
export function bundleBench(distDir = 'web/dist'): { ok: boolean; lines: string[] } {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return { ok: false, lines: [`no ${index}: run npm run build:web`] };
  const html = fs.readFileSync(index, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const f of new Set(files)) total += zlib.gzipSync(fs.readFileSync(path.join(distDir, f))).length;
  const kb = total / 1024;
  return {
    ok: kb < 600,
    lines: [`web initial JavaScript: ${kb.toFixed(1)} KB gzipped in ${files.length} files (target < 600 KB)`],
  };
}
