import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { generateSyntheticBaci } from '../../src/data/synth/baci.ts';
import { findTradeDataset, tradeDatasetsByPreference } from '../../src/data/catalog/tradeDataset.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

/**
 * Which annual trade dataset a request naming none uses, with the real datasets imported in the order
 * `data fetch all` imports them (the critical-minerals extract 2018–2024, then CEPII's two-country sample of 2021)
 * and a SYNTHETIC year after both: real data first, then the latest year — not simply the newest import, which
 * made every screen of 2024 fail with "no data" once the sample was fetched.
 */
describe('the default annual trade dataset', () => {
  const root = tempDir();
  const dataDir = new DataDir(root).ensure();
  const catalog = new Catalog(dataDir);
  let app: App;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    await importBaci({
      dataDir,
      inputs: [path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv')],
      datasetId: 'baci-sample',
      hs: 'HS92',
    });
    const csv = path.join(tempDir(), 'synthetic.csv');
    await generateSyntheticBaci({ year: 2025, rows: 2_000, seed: 7, out: csv });
    await importBaci({ dataDir, inputs: [csv], datasetId: 'synth-2025', hs: 'HS17', synthetic: true });
    app = await buildApp({ dataDir: root, webDir: false });
    viewer = (await testSession(app, { role: 'viewer' })).headers;
  }, 120_000);
  afterAll(async () => app?.close());

  it('prefers real data, then the latest year, then the newest import; a year picks the first that has it', () => {
    expect(catalog.ofKind('trade-annual').map((e) => e.id)).toEqual(['synth-2025', 'baci-sample', 'baci-cm']);
    expect(tradeDatasetsByPreference(catalog.list()).map((e) => e.id)).toEqual([
      'baci-cm',
      'baci-sample',
      'synth-2025',
    ]);
    expect(findTradeDataset(catalog).id).toBe('baci-cm');
    expect(findTradeDataset(catalog, undefined, 2021).id).toBe('baci-cm'); // the extract has 2021 too
    expect(findTradeDataset(catalog, undefined, 2025).id).toBe('synth-2025'); // the only one with 2025
    expect(findTradeDataset(catalog, 'baci-sample', 2024).id).toBe('baci-sample'); // named: as asked
    expect(() => findTradeDataset(catalog, undefined, 2030)).toThrow(
      'no annual trade dataset has data for 2030 (baci-cm: 2018–2024; baci-sample: 2021; synth-2025: 2025)',
    );
  });

  it('the API screens 2024 from the extract without being told, and names the default for the web', async () => {
    const screen = await app.inject({
      url: '/api/screens?reporter=JPN&year=2024&pageSize=1',
      headers: viewer,
    });
    expect(screen.statusCode).toBe(200);
    expect(screen.json().provenance).toMatchObject({ dataset: 'baci-cm', synthetic: false });
    const datasets = (await app.inject({ url: '/api/datasets', headers: viewer })).json();
    expect(datasets.defaultTradeDataset).toBe('baci-cm');
    const named = await app.inject({
      url: '/api/screens?reporter=JPN&year=2024&dataset=baci-sample',
      headers: viewer,
    });
    expect(named.statusCode).toBe(404);
    expect(named.json().error.message).toBe(
      'dataset "baci-sample" has no data for 2024 (years present: 2021)',
    );
  });
});
