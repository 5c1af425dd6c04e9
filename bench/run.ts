import { bundleBench } from './bundle.ts';
import { outboxBench } from './outbox.ts';
import { startupBench } from './startup.ts';

/**
 * Runs the benchmarks and prints their figures. `--check` exits non-zero when a target is missed
 * (CI runs it so). `--size=full` runs the data benchmarks at the sizes of DESIGN.md.
 */
const check = process.argv.includes('--check');
const full = process.argv.includes('--size=full');
let ok = true;
for (const bench of [bundleBench, startupBench, () => outboxBench(full ? 100_000 : 10_000)]) {
  const r = await bench();
  for (const line of r.lines) process.stdout.write(`${r.ok ? 'ok  ' : 'MISS'} ${line}\n`);
  ok &&= r.ok;
}
if (check && !ok) process.exit(1);
