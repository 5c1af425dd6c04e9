import { bundleBench } from './bundle.ts';
import { startupBench } from './startup.ts';

/**
 * Runs the benchmarks and prints their figures. `--check` exits non-zero when a target is missed
 * (CI runs it so). `--size=full` is for benchmarks with data sizes; the ones here have none yet.
 */
const check = process.argv.includes('--check');
let ok = true;
for (const bench of [bundleBench, startupBench]) {
  const r = await bench();
  for (const line of r.lines) process.stdout.write(`${r.ok ? 'ok  ' : 'MISS'} ${line}\n`);
  ok &&= r.ok;
}
if (check && !ok) process.exit(1);
