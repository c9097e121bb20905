import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { openDuckDb } from '../src/data/analytics/duckdb.ts';
import { openClickHouse, type ClickHouseStore } from '../src/data/analytics/clickhouse.ts';
import { sqlString, type AnalyticsStore } from '../src/data/analytics/store.ts';
import { generateSyntheticBaci } from '../src/data/synth/baci.ts';
import { importBaci } from '../src/data/importers/baci.ts';
import { runScreen, screenAllToFile, type ScreenServices } from '../src/data/screening/screen.ts';
import { writeGrowthSvg } from './_growthPlot.ts';

/**
 * Scale-out (issue 23): the screen on the embedded DuckDB store and on a ClickHouse cluster (the local two-shard
 * one: deploy/clickhouse/cluster.sh start; SCALE_BENCH_CLICKHOUSE_URL, default its URL), in one run:
 * - screen ALL (every reporter × HS6, to Parquet) and one reporter (JPN) of a SYNTHETIC year (seed 3, 11 M flows;
 *   SCALE_BENCH_ROWS overrides), both engines, alternating;
 * - how the ALL screen grows with the rows it reads: stores of 1×, 3× and 10× the year's rows (SCALE_BENCH_SCALES;
 *   the year repeated as earlier years, the screen's persistence window covering them all, so the screen reads
 *   every row), each engine, a table and a plot (docs/scale-out-growth.svg);
 * - what one reporter's screen reads: DuckDB's bytes read from the files (/proc/self/io rchar) and ClickHouse's
 *   rows read, against the whole year.
 * The machine is shared: the figures to compare are the ratios within this run.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const rows = Number(process.env.SCALE_BENCH_ROWS ?? 11_000_000);
const scales = (process.env.SCALE_BENCH_SCALES ?? '1,3,10').split(',').map(Number);
const url =
  process.env.SCALE_BENCH_CLICKHOUSE_URL ?? 'clickhouse://127.0.0.1:8123,127.0.0.1:8124/chokepoint_bench?cluster=chokepoint';
const root = process.env.SCALE_BENCH_DIR ?? path.join(os.tmpdir(), `chokepoint-bench-scale-${rows}`);
const year = 2022;

function readChars(): number {
  return Number(/rchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dataDir = new DataDir(root).ensure();
  const catalog = new Catalog(dataDir);
  const duck = await openDuckDb({ tempDirectory: path.join(dataDir.tmpDir, 'duckdb') });
  const ch: ClickHouseStore = await openClickHouse(url, { local: () => openDuckDb() });
  const csv = path.join(root, `synthetic-baci-${year}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating a SYNTHETIC year of ${rows} flows in ${root}\n`);
    await generateSyntheticBaci({ year, rows, seed: 3, out: csv });
  }
  const growth: { scale: number; rows: number; duckMs: number; chMs: number }[] = [];
  for (const scale of scales) {
    const id = `synth-scale-${scale}`;
    if (!catalog.find(id)) {
      // The year, repeated as the years before it: `scale` × the rows.
      const multi = path.join(root, `synthetic-${scale}x.csv`);
      await duck.run(
        `COPY (SELECT t - n AS t, i, j, k, v, q FROM read_csv(${sqlString(csv)}, header = true, nullstr = 'NA',
           columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'DOUBLE', 'q': 'DOUBLE'}),
           range(0, ${scale}) AS r(n)) TO ${sqlString(multi)} (FORMAT csv, HEADER true)`,
      );
      process.stderr.write(`importing ${scale}× (${rows * scale} rows) into both engines\n`);
      await importBaci({ dataDir, inputs: [multi], datasetId: id, hs: 'HS17', synthetic: true, analytics: ch });
      fs.rmSync(multi, { force: true });
    }
    const services = (analytics: AnalyticsStore): ScreenServices => ({ dataDir, catalog, analytics });
    const request = { year, dataset: id, window: scale };
    const out = (name: string) => path.join(dataDir.tmpDir, `bench-${name}-${scale}.parquet`);
    // Alternating, twice; the faster of each (the machine is shared).
    const d: number[] = [];
    const c: number[] = [];
    for (let round = 0; round < 2; round++) {
      d.push((await timed(() => screenAllToFile(services(duck), request, out('duck'), 'parquet'))).ms);
      c.push((await timed(() => screenAllToFile(services(ch), request, out('ch'), 'parquet'))).ms);
    }
    growth.push({ scale, rows: rows * scale, duckMs: Math.min(...d), chMs: Math.min(...c) });
    results.push({
      name: `screen ALL, ${scale}× (${rows * scale} rows read), DuckDB ms`,
      value: Math.min(...d),
      unit: 'ms',
      note: `runs ${d.map(Math.round).join(', ')} ms; load ${load()}`,
    });
    results.push({
      name: `screen ALL, ${scale}× (${rows * scale} rows read), ClickHouse 2 shards ms`,
      value: Math.min(...c),
      unit: 'ms',
      note: `runs ${c.map(Math.round).join(', ')} ms; ClickHouse ${ch.version}`,
    });
    if (scale === scales[0]) {
      // One reporter: time, and what each engine read of the year.
      const one = { reporter: 'JPN', year, dataset: id };
      const before = readChars();
      const dj = await timed(() => runScreen(services(duck), one));
      const readByReporter = readChars() - before;
      const beforeAll = readChars();
      await screenAllToFile(services(duck), request, out('duck-io'), 'parquet');
      const readByAll = readChars() - beforeAll;
      const cj = await timed(() => runScreen(services(ch), one));
      results.push({ name: 'screen JPN, DuckDB ms', value: dj.ms, unit: 'ms', note: `${dj.value.items.length} products` });
      results.push({ name: 'screen JPN, ClickHouse 2 shards ms', value: cj.ms, unit: 'ms', note: `${cj.value.items.length} products` });
      results.push({
        name: 'screen JPN / screen ALL: bytes DuckDB read from the store',
        value: readByReporter / readByAll,
        unit: '×',
        note: `${readByReporter} / ${readByAll} bytes (rchar)`,
      });
    }
  }
  // Growth from the first scale: time ratio against row ratio.
  const first = growth[0];
  for (const g of growth.slice(1)) {
    results.push({
      name: `ALL screen time ${g.scale}× / ${first.scale}× rows: DuckDB, ClickHouse`,
      value: g.duckMs / first.duckMs,
      unit: '×',
      note: `ClickHouse ${(g.chMs / first.chMs).toFixed(2)}×`,
    });
  }
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'scaleOut-growth.json'), JSON.stringify(growth, null, 2));
  writeGrowthSvg(growth, path.resolve(here, '..', 'docs', 'scale-out-growth.svg'));
  await ch.close();
  await duck.close();
  return results;
}
