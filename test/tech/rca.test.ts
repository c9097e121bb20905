import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importExports } from '../../src/data/importers/exports.ts';
import { exportYear, rcaCoverage } from '../../src/data/tech/exportData.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';
import { rca } from '../../src/analysis/tech/rca.ts';

const file = path.join(sharedData, 'world-exports-hs4', 'world_trade_2017.csv.gz');

/** The textbook Balassa index straight from the file: (X_ck / X_c) / (X_wk / X_w), NA rows left out. */
let fileLines: string[] | undefined;
function independentRca(iso: string, hs4: string): number {
  fileLines ??= zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
  const lines = fileLines;
  let xck = 0;
  let xc = 0;
  let xwk = 0;
  let xw = 0;
  for (const line of lines) {
    const [c, k, v] = line.split(',').map((f) => f.replaceAll('"', ''));
    if (v === 'NA') continue;
    const value = Number(v);
    xw += value;
    if (k === hs4) xwk += value;
    if (c === iso) {
      xc += value;
      if (k === hs4) xck += value;
    }
  }
  return xck / xc / (xwk / xw);
}

describe('Balassa RCA on world exports by HS4, 2017 (UN Comtrade via Open Trade Statistics)', () => {
  let store: DuckDbStore;
  let dataDir: DataDir;
  let catalog: Catalog;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    catalog = new Catalog(dataDir);
    store = await openDuckDb();
  });
  afterAll(async () => store.close());

  it('imports the file, counting NA values as rejected, and gives the RCA of an independent computation', async () => {
    const { entry, emptyValues, unresolved } = await importExports({
      catalog,
      dataDir,
      analytics: store,
      file,
      resolveCountry: (name) => resolveCountry(name)?.iso3 ?? null,
    });
    // 233,432 data lines, of which 56,461 have NA (counted with awk on the file).
    expect(emptyValues).toBe(56461);
    expect(entry.rows).toBe(233432 - 56461);
    expect(entry.years).toEqual([2017]);
    // Exporters the country table lacks are kept under their own code and reported: the world total stays whole.
    expect(entry.notes).toContain(`${unresolved.length} exporter codes`);
    const year = await exportYear(store, dataDir, entry);
    expect(year.productDigits).toBe(4);
    expect(rcaCoverage(year)).toBe('all-products');
    const world = zlib
      .gunzipSync(fs.readFileSync(file))
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[2])
      .filter((v) => v !== 'NA')
      .reduce((sum, v) => sum + Number(v), 0);
    expect(year.rows.reduce((sum, r) => sum + r.value, 0)).toBeCloseTo(world, 0);
    for (const u of unresolved) expect(year.rows.some((r) => r.exporter === u.name.toUpperCase())).toBe(true);
    const cells = rca(year.rows);
    // Permanent magnets and electromagnets (8505), ICs (8542), rare-earth metals (2805), cars (8703).
    for (const [iso3, iso, hs4] of [
      ['JPN', 'jpn', '8505'],
      ['JPN', 'jpn', '8542'],
      ['CHN', 'chn', '2805'],
      ['JPN', 'jpn', '8703'],
    ]) {
      const cell = cells.find((c) => c.exporter === iso3 && c.product === hs4)!;
      expect(cell.rca).toBeCloseTo(independentRca(iso, hs4), 10);
    }
    // Japan reveals an advantage in cars, China in rare-earth metals.
    expect(cells.find((c) => c.exporter === 'JPN' && c.product === '8703')!.rca).toBeGreaterThan(1);
    expect(cells.find((c) => c.exporter === 'CHN' && c.product === '2805')!.rca).toBeGreaterThan(1);
  });
});
