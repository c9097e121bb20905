import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { openDuckDb } from '../src/data/analytics/duckdb.ts';
import { generateSyntheticBaci } from '../src/data/synth/baci.ts';
import { importBaci } from '../src/data/importers/baci.ts';
import { importSeaNetwork } from '../src/data/maritime/importSeaNetwork.ts';
import { openSeaRoutes, parseClosures } from '../src/data/maritime/seaRoutes.ts';
import { countryRouteTable } from '../src/data/maritime/countryRouteCache.ts';
import { clearExposureCache, exposureReport } from '../src/data/maritime/exposureReport.ts';
import { findTradeDataset, tradeSource } from '../src/data/catalog/tradeDataset.ts';

/**
 * Maritime chokepoints (issue 4): precomputing the sea routes between the main ports of all countries
 * (measured), then the exposure of all of one reporter's imports — every partner × product of a SYNTHETIC full
 * year (src/data/synth/baci.ts, seed 4, 11 M flows; MARITIME_BENCH_ROWS overrides) — end to end (DuckDB query
 * over the Parquet store, freight rules, routes, aggregation) ≤ 2 s after the routes are precomputed. Also timed
 * in the same run: DuckDB alone grouping the reporter's flows, so the ratio survives a loaded machine.
 * The network is the real marnet file from ../shared/data/maritime (or $CHOKEPOINT_MIRROR/maritime).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const mirror = process.env.CHOKEPOINT_MIRROR ?? path.resolve(here, '../../shared/data');

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchResult[]> {
  const rows = Number(process.env.MARITIME_BENCH_ROWS ?? 11_000_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-maritime-'));
  const dataDir = new DataDir(root).ensure();
  const catalog = new Catalog(dataDir);
  const duck = await openDuckDb({ tempDirectory: path.join(dataDir.tmpDir, 'duckdb') });
  const results: BenchResult[] = [];
  const cores = `${os.cpus().length} cores shared`;
  try {
    const imported = await timed(() =>
      importSeaNetwork({ catalog, dataDir, dir: path.join(mirror, 'maritime') }),
    );
    results.push({
      name: 'import sea network (real marnet, 4,110 lines)',
      value: imported.ms,
      unit: 'ms',
      note: cores,
    });

    process.stderr.write(`generating a SYNTHETIC year of ${rows.toLocaleString('en-US')} flows …\n`);
    const synth = await generateSyntheticBaci({
      year: 2022,
      rows,
      seed: 4,
      out: path.join(root, 'synthetic-2022.csv'),
    });
    await importBaci({
      dataDir,
      inputs: [synth.file],
      hs: 'HS17',
      synthetic: true,
      datasetId: 'baci-synthetic',
    });
    fs.rmSync(synth.file, { force: true });

    const sea = openSeaRoutes(dataDir, catalog);
    const baseline = await timed(() => countryRouteTable(sea, dataDir, parseClosures([])));
    const countries = baseline.value.mainPorts.size;
    const ports = [...baseline.value.mainPorts.values()].reduce((s, m) => s + m.ports.length, 0);
    results.push({
      name: `precompute routes between main ports of all countries (${countries} countries, ${ports} ports, ${countries * (countries - 1)} pairs)`,
      value: baseline.ms,
      unit: 'ms',
      note: 'cold: one Dijkstra tree per main port; cached on disk afterwards',
    });
    const hormuz = await timed(() => countryRouteTable(sea, dataDir, parseClosures('ormuz')));
    results.push({ name: 'precompute the same with Hormuz closed', value: hormuz.ms, unit: 'ms' });

    const services = { dataDir, catalog, analytics: duck };
    const request = { reporter: 'JPN', year: 2022, productsWithPassages: 200 };
    // First call warms DuckDB's file metadata cache; the measured calls follow.
    await exposureReport(services, request);
    clearExposureCache();
    // Reference for the ratio: DuckDB alone grouping the reporter's flows (i, k) of the same store and reading
    // the sums (a bare count(*) would let DuckDB skip reading v and q, which is not the same work).
    const source = tradeSource(dataDir, findTradeDataset(catalog));
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await timed(() =>
        duck.query(
          `SELECT sum(v) AS v, sum(q) AS q FROM (SELECT i, k, sum(v) AS v, CASE WHEN count(q) = count(*) THEN sum(q) END AS q
             FROM ${source} WHERE t = 2022 AND j = 392 GROUP BY i, k)`,
        ),
      );
      bare.push(t.ms);
    }
    bare.sort((a, b) => a - b);
    results.push({
      name: "reference: bare DuckDB GROUP BY of JPN's flows (i, k) in the store",
      value: bare[2],
      unit: 'ms (median of 5)',
      note: `load average ${os.loadavg()[0].toFixed(1)} on ${cores}`,
    });
    const closures = ['ormuz', 'malacca', 'suez', 'babalmandab', 'panama'];
    for (const closed of closures.slice(1)) countryRouteTable(sea, dataDir, parseClosures(closed));
    const cold: number[] = [];
    let report;
    for (let i = 0; i < 5; i++) {
      clearExposureCache();
      const t = await timed(() => exposureReport(services, request));
      cold.push(t.ms);
      report = t.value;
    }
    cold.sort((a, b) => a - b);
    const flows = report!.byRule.reduce((s, r) => s + r.flows, 0);
    results.push({
      name: 'exposure of all JPN imports, SYNTHETIC full year, after route precompute (reads the store)',
      value: cold[2],
      unit: 'ms (median of 5)',
      target: '≤ 2000',
      pass: cold[2] <= 2000,
      note: `${(cold[2] / bare[2]).toFixed(2)}× the reference; ${flows.toLocaleString('en-US')} partner × product flows, ${report!.partners.length} partners, ${report!.products.length} products; query ${report!.timings.queryMs.toFixed(0)} ms, routes ${report!.timings.routesMs.toFixed(0)} ms, exposure ${report!.timings.exposureMs.toFixed(0)} ms; SYNTHETIC; ${cores}`,
    });
    const whatIf: number[] = [];
    for (const closed of closures) {
      const t = await timed(() => exposureReport(services, { ...request, closed }));
      if (!t.value.timings.aggregatesFromCache) throw new Error('what-if did not reuse the aggregates');
      whatIf.push(t.ms);
    }
    whatIf.sort((a, b) => a - b);
    results.push({
      name: `closure what-ifs on the same imports (${closures.join(', ')}), aggregates reused`,
      value: whatIf[2],
      unit: 'ms (median of 5)',
      target: '≤ 2000',
      pass: whatIf[2] <= 2000,
      note: `max ${whatIf[4].toFixed(0)} ms; SYNTHETIC; ${cores}`,
    });
  } finally {
    await duck.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return results;
}
