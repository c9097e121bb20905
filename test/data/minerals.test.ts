import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importUsgsMcs, mineralsSource } from '../../src/data/importers/usgs.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { mineralView } from '../../src/data/screening/mineralsTrade.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baci, importSharedTrade } from '../helpers/sharedTrade.ts';

const mcs = path.join(sharedData, 'minerals', 'MCS2025_World_Data.csv');

describe('USGS MCS2025 world data and mine ▸ refine ▸ trade', () => {
  let dataDir: DataDir;
  let analytics: DuckDbStore;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    analytics = await openDuckDb();
  });
  afterAll(async () => analytics.close());

  it('imports every row of the real file, reading the "PROD_EST_ 2024" column and lower bounds', async () => {
    const entry = await importUsgsMcs({ dataDir, input: mcs });
    expect(entry).toMatchObject({ id: 'usgs-mcs2025', kind: 'minerals', version: 'MCS2025', rows: 1250, rejectedRows: 0 });
    const src = mineralsSource(dataDir, entry);
    const [ga] = await analytics.query(`SELECT prod_2023, prod_2024, iso3 FROM ${src} WHERE commodity = 'Gallium' AND country = 'China'`);
    // From the file: China, Primary production, 621000 kg (2023) and 750000 kg (2024 estimate).
    expect(ga).toEqual({ prod_2023: 621000, prod_2024: 750000, iso3: 'CHN' });
    const worlds = await analytics.query(`SELECT count(*) AS n FROM ${src} WHERE row_kind = 'world'`);
    expect(worlds[0].n).toBeGreaterThan(60);
    // "Congo (Kinshasa)" is the Democratic Republic of the Congo, not the Republic of the Congo.
    const congo = await analytics.query(`SELECT DISTINCT iso3 FROM ${src} WHERE country LIKE 'Congo (%' ORDER BY iso3`);
    expect(congo.map((r) => r.iso3)).toEqual(['COD']);
    const bounds = await analytics.query(`SELECT count(*) AS n FROM ${src} WHERE notes LIKE '%lower bound%'`);
    // Seven rows hold a value written as a lower bound (">2000000" …).
    expect(bounds[0].n).toBe(7);
  });

  it('gallium: China produces 750,000 of 760,000 kg; the top exporter of HS 811292 is computed from BACI', async () => {
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    const services = { dataDir, catalog: new Catalog(dataDir), analytics };
    const views = await mineralView(services, '811292', 2024);
    const ga = views.find((v) => v.commodity === 'Gallium')!;
    expect(ga.topProducer).toBe('CHN');
    expect(ga.topProducerShare).toBeCloseTo(750000 / 760000, 10);
    // Independent: world exports of 811292 in 2024 by exporter, from the CSV.
    const byExporter = new Map<number, number>();
    for (const line of fs.readFileSync(baci, 'utf8').trim().split('\n').slice(1)) {
      const [t, i, , k, v] = line.split(',');
      if (t === '2024' && k === '811292') byExporter.set(Number(i), (byExporter.get(Number(i)) ?? 0) + Number(v));
    }
    const sorted = [...byExporter.entries()].sort((a, b) => b[1] - a[1]);
    const total = sorted.reduce((a, [, v]) => a + v, 0);
    expect(ga.exporters[0].value).toBeCloseTo(sorted[0][1] * 1000, 3);
    expect(ga.topExporterShare).toBeCloseTo(sorted[0][1] / total, 10);
    expect(ga.exporterIsNotProducer).toBe(ga.topExporter !== 'CHN');
    expect(ga.provenance.production.dataset).toBe('usgs-mcs2025');
  });

  it('the whole list flags products whose top exporter is not the top producer (nickel, cobalt …)', async () => {
    const services = { dataDir, catalog: new Catalog(dataDir), analytics };
    const all = await mineralView(services, 'ALL', 2024);
    expect(all.length).toBeGreaterThan(25);
    const flagged = all.filter((v) => v.exporterIsNotProducer);
    expect(flagged.length).toBeGreaterThan(3);
    for (const v of all) expect(v.exporterIsNotProducer).toBe(v.topExporter !== null && v.topProducer !== null && v.topExporter !== v.topProducer);
    // Not a mineral: no view.
    expect(await mineralView(services, '850760', 2024)).toEqual([]);
  });
});
