import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { openDuckDb } from '../src/data/analytics/duckdb.ts';
import { openStateDb } from '../src/data/state/db.ts';
import { importPatents } from '../src/data/importers/patents.ts';
import { importExports } from '../src/data/importers/exports.ts';
import { importBaci } from '../src/data/importers/baci.ts';
import { resolveCountry } from '../src/data/reference/countries.ts';
import { assessZones } from '../src/data/tech/zoneAssessment.ts';
import { buildDossier } from '../src/data/tech/dossier.ts';
import { dossierPdf } from '../src/data/tech/dossierPdf.ts';

/**
 * Zones (issue 9): the assessment of all 19 registry entries for Japan on the real NCSES patents, world exports by
 * HS4 (2017, 177 k rows) and the BACI critical-minerals extract (screen) — the first call, which loads the
 * exports, and a second call on the cached load (what the API answers after the first request); then one
 * dossier built and rendered to PDF. No target in PRODUCT.md §4; recorded to catch regressions, with the
 * warm/cold ratio measured in one run.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const mirror = process.env.CHOKEPOINT_MIRROR ?? path.resolve(here, '../../shared/data');

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-zones-'));
  const dataDir = new DataDir(root).ensure();
  const catalog = new Catalog(dataDir);
  const analytics = await openDuckDb();
  const state = await openStateDb({});
  const resolve = (name: string) => resolveCountry(name)?.iso3 ?? null;
  try {
    await importPatents({
      catalog,
      dataDir,
      analytics,
      file: path.join(mirror, 'patents', 'patents_by_country_field_year.csv'),
      resolveCountry: resolve,
    });
    await importExports({
      catalog,
      dataDir,
      analytics,
      file: path.join(mirror, 'world-exports-hs4', 'world_trade_2017.csv.gz'),
      resolveCountry: resolve,
    });
    await importBaci({
      dataDir,
      inputs: [path.join(mirror, 'baci-critical-minerals', 'BACI_HS17_critical_minerals_2018-2024.csv')],
      hs: 'HS17',
    });
    const services = { dataDir, catalog, analytics, state };
    const cold = await timed(() => assessZones(services, { reporter: 'JPN' }));
    const warm = await timed(() => assessZones(services, { reporter: 'JPN' }));
    const dossier = await timed(async () =>
      dossierPdf(await buildDossier(services, { reporter: 'JPN', entry: 'critical-minerals', lang: 'ja' })),
    );
    return [
      {
        name: 'zones, 19 entries, first call (loads exports)',
        value: cold.ms,
        unit: 'ms',
        note: `${cold.value.entries.length} entries`,
      },
      { name: 'zones, 19 entries, second call (cached exports)', value: warm.ms, unit: 'ms' },
      { name: 'second / first call', value: warm.ms / cold.ms, unit: 'ratio' },
      {
        name: 'dossier critical-minerals ja → PDF',
        value: dossier.ms,
        unit: 'ms',
        note: `${dossier.value.length} bytes`,
      },
    ];
  } finally {
    await analytics.close();
    await state.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
