import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { importBaci } from '../src/data/importers/baci.ts';

/**
 * One measured run for bench/import.ts, in its own process so that its peak RSS is its own:
 *   node --import tsx bench/_importChild.ts copy|import <csv> <workdir>
 * prints {"ms":…,"cpuMs":…,"maxRssMB":…} on stdout.
 */
const [mode, file, work] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
if (mode === 'copy') {
  // DuckDB's own conversion, defaults and all: the yardstick of the target.
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_csv('${file}')) TO '${path.join(work, 'copy.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
} else if (mode === 'import') {
  await importBaci({ dataDir: new DataDir(path.join(work, 'data')), inputs: [file] });
} else {
  throw new Error(`unknown mode ${mode}`);
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
