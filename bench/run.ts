import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.ts';

/**
 * `npm run bench [names…]` runs bench/<name>.ts modules (all when none is named); each exports
 * `run(): Promise<BenchResult[]>`. Results print as a table and are saved to bench/results/<name>.json;
 * copy the figures with the command into docs/benchmarks.md. A benchmark that fails or misses its target makes
 * the run exit with 1, after the others have run.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const skip = new Set(['run.ts', 'types.ts']);
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !skip.has(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}
const names = wanted.length ? wanted : available;
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
let failed = false;
for (const name of names) {
  process.stderr.write(`\n== bench ${name}\n`);
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as {
    run: () => Promise<BenchResult[]>;
  };
  let results: BenchResult[];
  try {
    results = await mod.run();
  } catch (error) {
    // One benchmark that cannot run (a tool missing, say) does not stop the others; the run fails at the end.
    process.stderr.write(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    failed = true;
    continue;
  }
  for (const r of results) {
    const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL';
    if (r.pass === false) failed = true;
    process.stdout.write(
      `${name}\t${r.name}\t${Number.isInteger(r.value) ? r.value : r.value.toFixed(3)} ${r.unit}\t${r.target ?? ''}\t${verdict}\t${r.note ?? ''}\n`,
    );
  }
  fs.writeFileSync(
    path.join(here, 'results', `${name}.json`),
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
}
process.exitCode = failed ? 1 : 0;
