import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baciCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import { runScenarioOnData } from '../../src/data/scenario/scenarioService.ts';
import { readIoTableFile } from '../../src/data/scenario/ioTables.ts';
import { importCoefficients } from '../../src/analysis/io/coefficients.ts';

const ioCsv = path.join(sharedData, 'io', 'iotable_13sector_2011.csv');

/** The 2024 rows of the CSV, read by hand. */
function rows2024(): { i: number; j: number; k: string; v: number }[] {
  return fs
    .readFileSync(baciCsv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[0] === '2024')
    .map((c) => ({ i: Number(c[1]), j: Number(c[2]), k: c[3], v: Number(c[4]) }));
}

let dataDir: DataDir;
let catalog: Catalog;
let store: DuckDbStore;

beforeAll(async () => {
  dataDir = new DataDir(tempDir()).ensure();
  catalog = new Catalog(dataDir);
  await importSharedTrade(dataDir, { datasetId: 'baci-cm', ioTable: true });
  store = await openDuckDb();
});
afterAll(async () => {
  await store.close();
});

const scenario = (extra = '') => `
name: China cuts 811292 to Japan
reporter: JPN
year: 2024
horizon: 12
shocks:
  - type: export-cut
    exporter: CHN
    products: ["811292"]
    share: 1
    duration: 6
stockpiles:
  products:
    "811292": 30
substitution:
  partners: all
  likeMinded: [USA, DEU, KOR, FRA, GBR, CAN, AUS]
  share: 0.01
  rampUp: 0
monteCarlo:
  draws: 20
  seed: 3
${extra}`;

describe('scenario on the critical-minerals BACI data and the Japan 2011 table', () => {
  it('direct loss, substitution, stock and TTS match a hand computation from the CSV', async () => {
    const definition = parseScenarioText(scenario().replace('"811292": 30', '"811292": 10'));
    const r = await runScenarioOnData({ dataDir, catalog, analytics: store, definition });
    const rows = rows2024().filter((x) => x.k === '811292');
    const fromChina = rows.filter((x) => x.i === 156 && x.j === 392).reduce((s, x) => s + x.v, 0);
    const japanTotal = rows.filter((x) => x.j === 392).reduce((s, x) => s + x.v, 0);
    expect(fromChina).toBeCloseTo(16149.339, 3); // thousand USD, BACI 2024
    // Substitutes: every exporter but China (the source) and Japan, counting only exports to others than Japan.
    const pool = rows.filter((x) => x.i !== 156 && x.i !== 392 && x.j !== 392).reduce((s, x) => s + x.v, 0);

    const product = r.products.find((p) => p.product === '811292')!;
    expect(r.products.map((p) => p.product)).toEqual(['811292']);
    const monthlyLoss = fromChina / 12;
    expect(product.lost.value).toBeCloseTo(6 * monthlyLoss, 6);
    product.months.forEach((m) => expect(m.lost).toBeCloseTo(m.month < 6 ? monthlyLoss : 0, 6));
    const capacity = (0.01 * pool) / 12;
    const replacedPerMonth = Math.min(monthlyLoss, capacity);
    expect(product.replaced.value).toBeCloseTo(6 * replacedPerMonth, 6);
    const short = monthlyLoss - replacedPerMonth;
    const stock = (10 / 365) * japanTotal;
    expect(product.imports).toBeCloseTo(japanTotal, 6);
    const tts = stock / short; // the shortfall runs from month 0 at a constant rate
    expect(tts).toBeLessThan(6); // 10 days of stock run out before China's supply returns
    expect(product.timeToSurvive.value).toBeCloseTo(tts, 6);
    expect(product.timeToRecover.value).toBe(6);
    expect(product.binding).toBe(true);
    expect(r.bindingProducts).toEqual(['811292']);
    expect(product.unmet.value).toBeCloseTo(Math.max(0, 6 * short - stock), 6);
    expect(r.totals.lost.value).toBeCloseTo(product.lost.value, 9);
    expect(product.lostFrom).toEqual([
      expect.objectContaining({ partner: 'CHN', value: expect.closeTo(6 * monthlyLoss, 6) }),
    ]);
    // Like-minded partners go first: if their pool can cover the month they supply everything.
    const lmCodes = [842, 280, 276, 410, 251, 826, 124, 36]; // BACI writes Germany as 280
    const lmPool = rows.filter((x) => lmCodes.includes(x.i) && x.j !== 392).reduce((s, x) => s + x.v, 0);
    const lmReplaced = product.replacedFrom.filter((p) => p.likeMinded).reduce((s, p) => s + p.value, 0);
    expect(lmReplaced).toBeCloseTo(6 * Math.min(replacedPerMonth, (0.01 * lmPool) / 12), 6);
    // All parameters fixed: every Monte Carlo draw repeats the central figures (closed form = LP optimum).
    expect(product.replaced.p5).toBeCloseTo(product.replaced.value, 6);
    expect(product.replaced.p95).toBeCloseTo(product.replaced.value, 6);
    expect(r.provenance.trade.dataset).toBe('baci-cm');
    expect(r.provenance.ioTable?.dataset).toBe('io-jp2011');
  });

  it('unmet gallium/germanium reaches manufacturing (03) and its users: direct shortage share by hand', async () => {
    const definition = parseScenarioText(scenario().replace('"811292": 30', '"811292": 0'));
    const r = await runScenarioOnData({ dataDir, catalog, analytics: store, definition });
    const product = r.products[0];
    expect(product.timeToSurvive.value).toBe(0); // no stock: short from the first month
    const { table } = readIoTableFile(ioCsv);
    // Domestic demand for manufacturing products: intermediate use + domestic final demand (million yen).
    let demand = table.finalDemand[2];
    for (let k = table.Z.rowPtr[2]; k < table.Z.rowPtr[3]; k++) demand += table.Z.val[k];
    const lostYen = (product.unmet.value * 79.8) / 1000; // thousand USD → million yen
    const share = lostYen / demand; // over 12 months = one year of demand
    const manufacturing = r.economy!.sectors.find((s) => s.code === '03')!;
    expect(manufacturing.ja).toBe('製造業');
    expect(manufacturing.directInoperability.value).toBeCloseTo(share, 12);
    // Public administration (11) buys manufactured goods too, so it gets the same direct share.
    expect(r.economy!.sectors[10].directInoperability.value).toBeCloseTo(share, 12);
    // Backward propagation adds to the direct loss: Leontief loss of manufacturing ≥ its direct loss.
    expect(manufacturing.leontiefOutputLoss.value).toBeGreaterThanOrEqual(
      share * table.output[2] * (1 - 1e-9),
    );
    expect(r.economy!.leontiefValueAddedLoss.value).toBeGreaterThan(0);
    expect(r.economy!.timeline.central.length).toBe(365);
    // Imports of manufactures are 17 % of domestic demand; a shortfall this small never exhausts 30 days of stock.
    expect(importCoefficients(table)[2]).toBeCloseTo(0.17, 2);
    expect(r.economy!.arioOutputLoss.value).toBeCloseTo(0, 3);
  });

  it('ranges: p5 ≤ p50 ≤ p95 for uncertain parameters, and the same seed gives the same result', async () => {
    const text = scenario()
      .replace('share: 0.01', 'share: [0.005, 0.05]')
      .replace('rampUp: 0', 'rampUp: [1, 3]')
      .replace('duration: 6', 'duration: [4, 8]');
    const a = await runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(text),
    });
    const b = await runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(text),
    });
    const p = a.products[0];
    for (const x of [p.lost, p.replaced, p.unmet, a.totals.lost, a.economy!.leontiefValueAddedLoss]) {
      expect(x.p5).toBeLessThanOrEqual(x.p50);
      expect(x.p50).toBeLessThanOrEqual(x.p95);
    }
    expect(p.lost.p95).toBeGreaterThan(p.lost.p5); // duration 4–8 months changes the loss
    expect(JSON.stringify(b.products)).toBe(JSON.stringify(a.products));
  });

  it('the example scenario file runs', async () => {
    const text = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../examples/scenario-gallium-germanium.yaml'),
      'utf8',
    );
    const r = await runScenarioOnData({
      dataDir,
      catalog,
      analytics: store,
      definition: parseScenarioText(text),
    });
    expect(r.nameJa).toMatch(/ガリウム/);
    expect(r.products[0].product).toBe('811292');
    expect(r.products[0].lost.value).toBeGreaterThan(0);
  });
});

describe('bad scenarios name the field', () => {
  const fails = async (text: string, field: string, message: RegExp) => {
    const run = async () =>
      runScenarioOnData({ dataDir, catalog, analytics: store, definition: parseScenarioText(text) });
    await expect(run()).rejects.toMatchObject({ place: expect.objectContaining({ field }) });
    await expect(run()).rejects.toThrow(message);
  };
  it('unknown exporter', () =>
    fails(
      scenario().replace('exporter: CHN', 'exporter: XYZZY'),
      'shocks[0].exporter',
      /unknown country "XYZZY"/,
    ));
  it('negative duration', () =>
    fails(scenario().replace('duration: 6', 'duration: -2'), 'shocks[0].duration', /must not be negative/));
  it('product absent from the data', () =>
    fails(
      scenario().replace('products: ["811292"]', 'products: ["811292", "010121"]'),
      'shocks[0].products[1]',
      /010121 does not occur/,
    ));
  it('not an HS6 code', () =>
    fails(
      scenario().replace('products: ["811292"]', 'products: ["8112"]'),
      'shocks[0].products[0]',
      /not an HS6/,
    ));
  it('share above 100 %', () =>
    fails(scenario().replace('share: 1\n', 'share: 1.5\n'), 'shocks[0].share', /between 0 and 1/));
  it('unknown passage', () =>
    fails(
      scenario()
        .replace('type: export-cut', 'type: chokepoint-closure\n    passages: [atlantis]')
        .replace(/    exporter.*\n    products.*\n/, ''),
      'shocks[0].passages[0]',
      /unknown passage/,
    ));
  it('range the wrong way round', () =>
    fails(scenario().replace('rampUp: 0', 'rampUp: [5, 2]'), 'substitution.rampUp', /low end 5 exceeds/));
  it('unknown field', () => fails(scenario('horizn: 3'), 'horizn', /unknown field/));
  it('a year without data', () =>
    fails(scenario().replace('year: 2024', 'year: 2015'), 'year', /no trade data for 2015/));
});
