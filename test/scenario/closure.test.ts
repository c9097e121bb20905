import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baciCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importSeaNetwork } from '../../src/data/maritime/importSeaNetwork.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import { runScenarioOnData } from '../../src/data/scenario/scenarioService.ts';

let dataDir: DataDir;
let catalog: Catalog;
let store: DuckDbStore;

beforeAll(async () => {
  dataDir = new DataDir(tempDir()).ensure();
  catalog = new Catalog(dataDir);
  await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
  store = await openDuckDb();
});
afterAll(async () => store.close());

const closure = (passage: string, extra = '') => `
name: ${passage} closed for one month
reporter: JPN
year: 2024
horizon: 3
shocks:
  - {type: chokepoint-closure, passages: [${passage}], duration: 1}
substitution: {share: 0, rampUp: 0}
monteCarlo: {draws: 0}
${extra}`;

describe('chokepoint closures', () => {
  it('without a sea network or exposure entries, a closure is an error naming the passage field', async () => {
    const run = runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(closure('malacca')),
    });
    await expect(run).rejects.toMatchObject({ place: { field: 'shocks[0].passages[0]' } });
  });

  it('exposure given in the file: the loss is the exposed share of the partner’s flow, by hand from the CSV', async () => {
    const text = closure(
      'ormuz',
      'exposure:\n  - {passage: ormuz, partner: CHN, product: "811292", share: 0.25}\n',
    );
    const r = await runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(text),
    });
    const fromChina = fs
      .readFileSync(baciCsv, 'utf8')
      .split('\n')
      .map((l) => l.split(','))
      .filter((c) => c[0] === '2024' && c[1] === '156' && c[2] === '392' && c[3] === '811292')
      .reduce((s, c) => s + Number(c[4]), 0);
    expect(r.products.map((p) => p.product)).toEqual(['811292']);
    expect(r.products[0].lost.value).toBeCloseTo((0.25 * fromChina) / 12, 6);
  });

  it('with the real sea-route network: Malacca exposes flows from Europe, not from the United States', async () => {
    importSeaNetwork({ catalog, dataDir, dir: path.join(sharedData, 'maritime') });
    const r = await runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(closure('malacca')),
    });
    expect(r.provenance.seaNetwork?.dataset).toBe('sea-network');
    const from = new Set(r.products.flatMap((p) => p.lostFrom.map((f) => f.partner)));
    expect(r.products.length).toBeGreaterThan(0);
    expect(from.has('USA')).toBe(false); // trans-Pacific
    expect([...from].some((p) => ['DEU', 'FRA', 'GBR', 'NLD', 'BEL', 'ZAF', 'IND'].includes(p))).toBe(true);
    // One month closed, no substitution: each product loses exactly one month of its exposed flows.
    for (const p of r.products) expect(p.replaced.value).toBe(0);
  });
});
