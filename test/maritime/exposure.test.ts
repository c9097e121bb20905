import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as csv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { sqlString } from '../../src/data/analytics/store.ts';
import {
  clearExposureCache,
  exposureReport,
  partnerCodes,
  reporterRoutes,
  type ExposureServices,
} from '../../src/data/maritime/exposureReport.ts';
import { exposureAggregatesSql } from '../../src/data/maritime/exposureQuery.ts';
import { openSeaRoutes, parseClosures } from '../../src/data/maritime/seaRoutes.ts';
import { tradeSource, findTradeDataset } from '../../src/data/catalog/tradeDataset.ts';
import { aggregateFlows, type ImportFlow } from '../../src/analysis/maritime/exposure.ts';
import { defaultFreightOptions } from '../../src/analysis/maritime/freightRules.ts';

/**
 * Exposure of Japan's 2024 critical-mineral imports (real CEPII BACI extract) to maritime chokepoints. Expected
 * figures are computed here straight from the CSV with DuckDB (not through the importer's Parquet), and the
 * routing facts are geographic: Qatar's only ports lie inside the Gulf, so its exports leave through Hormuz;
 * Saudi Arabia has a Gulf coast (Jubail) and a Red Sea coast (Jeddah).
 */
function toPrecision(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(toPrecision);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPrecision(v)]));
  }
  return value;
}

let services: ExposureServices;
let duck: DuckDbStore;

async function fromCsv(sql: string): Promise<number> {
  const rows = await duck.query<{ x: number }>(
    sql.replace(
      'SRC',
      `(SELECT t, i, j, lpad(CAST(k AS VARCHAR), 6, '0') AS k, v FROM read_csv(${sqlString(csv)}, nullstr = 'NA'))`,
    ),
  );
  return Number(rows[0].x ?? 0);
}

beforeAll(async () => {
  const dataDir = new DataDir(tempDir()).ensure();
  const catalog = new Catalog(dataDir);
  await importSharedTrade(dataDir, { seaNetwork: true });
  duck = await openDuckDb({ tempDirectory: path.join(dataDir.tmpDir, 'duckdb') });
  services = { dataDir, catalog, analytics: duck };
}, 180_000);

afterAll(async () => {
  await duck?.close();
});

describe('chokepoint exposure of Japan, 2024, critical minerals (real BACI)', () => {
  it('helium and other rare gases (HS 280429): the share from Qatar passes Hormuz, and nothing else does', async () => {
    const total = await fromCsv(`SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND k = '280429'`);
    const qatar = await fromCsv(
      `SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND k = '280429' AND i = 634`,
    );
    expect(qatar).toBeCloseTo(60821.838, 3); // as read from the file: 60.8 million USD of 199.1
    const r = await exposureReport(services, { reporter: 'JPN', year: 2024, hs: '280429' });
    expect(r.totalValueKusd).toBeCloseTo(total, 3);
    const ormuz = r.passages.find((p) => p.passage === 'ormuz')!;
    expect(ormuz.valueKusd).toBeCloseTo(qatar, 3);
    expect(ormuz.shareOfImports).toBeCloseTo(qatar / total, 6); // 0.3055
    expect(ormuz.topFlows).toEqual([expect.objectContaining({ partner: 'QAT', product: '280429' })]);
    expect(r.passageNames.ormuz).toEqual({ en: 'Strait of Hormuz', ja: 'ホルムズ海峡' });
    expect(r.provenance.trade.version).toBe('V202601');
    expect(r.provenance.network.dataset).toBe('sea-network');
  }, 120_000);

  it('Hormuz closed: Qatar has no sea route left; Saudi titanium (HS 810820) moves to the Red Sea coast', async () => {
    const qatar = await fromCsv(`SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND i = 634`);
    const saudiTitanium = await fromCsv(
      `SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND i = 682 AND k = '810820'`,
    );
    const r = await exposureReport(services, { reporter: 'JPN', year: 2024, closed: 'ormuz' });
    expect(r.scenario!.closed).toEqual(['ormuz']);
    expect(r.scenario!.noRouteValueKusd).toBeCloseTo(qatar, 3);
    const qat = r.partners.find((p) => p.partner === 'QAT')!;
    expect(qat.scenario).toMatchObject({ noRoute: true, route: null });
    const sau = r.partners.find((p) => p.partner === 'SAU')!;
    expect(sau.route!.passages).toContain('ormuz');
    expect(sau.scenario!.route!.passages).toContain('babalmandab');
    expect(sau.scenario!.route!.passages).not.toContain('ormuz');
    expect(sau.scenario!.extraKm!).toBeGreaterThan(0);
    expect(sau.scenario!.extraDays!).toBeCloseTo(sau.scenario!.extraKm! / (14 * 1.852 * 24), 6);
    // Affected = every sea flow whose route crossed Hormuz: Qatar's and Saudi Arabia's (all products).
    const saudi = await fromCsv(`SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND i = 682`);
    const saudiAir = await fromCsv(
      `SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND i = 682 AND (k LIKE '7110%' OR k LIKE '8541%' OR k LIKE '8542%')`,
    );
    expect(r.scenario!.affectedValueKusd).toBeCloseTo(qatar + saudi - saudiAir, 3);
    expect(saudiTitanium).toBeGreaterThan(0);
    const titanium = r.products.find((p) => p.product === '810820')!;
    expect(titanium.byPassage.ormuz).toBeCloseTo(saudiTitanium, 3);
  }, 120_000);

  it('every flow gets exactly one freight rule and none is dropped; platinum is air-freighted', async () => {
    const total = await fromCsv(`SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392`);
    const flows = await fromCsv(
      `SELECT count(*) AS x FROM (SELECT DISTINCT i, k FROM SRC WHERE t = 2024 AND j = 392 AND v > 0)`,
    );
    const platinum = await fromCsv(
      `SELECT sum(v) AS x FROM SRC WHERE t = 2024 AND j = 392 AND k LIKE '7110%'`,
    );
    const r = await exposureReport(services, { reporter: 'JPN', year: 2024 });
    expect(r.totalValueKusd).toBeCloseTo(total, 2); // 30,735.8 million USD
    expect(r.byRule.reduce((s, x) => s + x.valueKusd, 0)).toBeCloseTo(total, 2);
    expect(r.byRule.reduce((s, x) => s + x.flows, 0)).toBe(flows);
    expect(r.byRule.find((x) => x.rule === 'air_product')!.valueKusd).toBeCloseTo(platinum, 3);
    // The extract publishes no quantities, so every sea flow says its value per tonne could not be checked.
    expect(r.byRule.map((x) => x.rule).sort()).toEqual(['air_product', 'sea_quantity_unknown']);
    expect(r.seaValueKusd).toBeCloseTo(total - platinum, 2);
    for (const p of r.passages) expect(p.shareOfImports).toBeCloseTo(p.valueKusd / total, 9);
  }, 120_000);

  it('the SQL aggregation over the store equals the reference aggregation of the same flows read from the CSV', async () => {
    // Flows of every importer j would do; take Germany (BACI 280 in this extract): it has land neighbours, air products and sea flows.
    const rows = await duck.query<{ i: number; k: string; v: number }>(
      `SELECT i, lpad(CAST(k AS VARCHAR), 6, '0') AS k, sum(v) AS v FROM read_csv(${sqlString(csv)}, nullstr = 'NA')
        WHERE t = 2024 AND j = 280 GROUP BY i, k`,
    );
    const flows: ImportFlow[] = rows.map((r) => ({
      partner: partnerCodes.get(r.i) ?? `BACI:${r.i}`,
      product: r.k,
      valueKusd: r.v,
      tonnes: null,
    }));
    const sea = openSeaRoutes(services.dataDir, services.catalog);
    const { routesOf } = reporterRoutes(services, sea, 'DEU', parseClosures([]));
    const options = {
      speedKnots: 14,
      closed: [],
      flowsPerPassage: 5,
      freight: defaultFreightOptions,
      productsWithPassages: 40,
    };
    const reference = aggregateFlows(flows, routesOf, options);
    const sql = await exposureAggregatesSql(services.analytics, {
      source: tradeSource(services.dataDir, findTradeDataset(services.catalog)),
      year: 2024,
      reporterCodes: [280],
      partnerOf: partnerCodes,
      routesOf,
      freight: defaultFreightOptions,
      flowsPerPassage: 5,
      productsWithPassages: 40,
    });
    const rules = new Set(reference.partnerRules.map((r) => r.rule));
    expect(rules).toContain('land');
    expect(rules).toContain('air_product');
    expect(rules).toContain('sea_quantity_unknown');
    const norm = <T extends { valueKusd: number }>(list: T[], key: (x: T) => string) =>
      list
        .map((x) => [key(x), Math.round(x.valueKusd * 1000) / 1000] as const)
        .sort((a, b) => a[0].localeCompare(b[0]));
    expect(norm(sql.partnerRules, (r) => `${r.partner} ${r.rule} ${r.flows}`)).toEqual(
      norm(reference.partnerRules, (r) => `${r.partner} ${r.rule} ${r.flows}`),
    );
    expect(norm(sql.products, (p) => `${p.product} ${Math.round(p.seaValueKusd * 1000)}`)).toEqual(
      norm(reference.products, (p) => `${p.product} ${Math.round(p.seaValueKusd * 1000)}`),
    );
    expect(norm(sql.productPassages, (p) => `${p.product} ${p.passage}`)).toEqual(
      norm(reference.productPassages, (p) => `${p.product} ${p.passage}`),
    );
    expect(norm(sql.topFlows, (f) => `${f.passage} ${f.partner} ${f.product} ${f.rule}`)).toEqual(
      norm(reference.topFlows, (f) => `${f.passage} ${f.partner} ${f.product} ${f.rule}`),
    );
  }, 120_000);

  it('a what-if after a first run reuses its aggregates and gives what a run from the store gives', async () => {
    await exposureReport(services, { reporter: 'JPN', year: 2024 });
    const warm = await exposureReport(services, { reporter: 'JPN', year: 2024, closed: 'malacca' });
    expect(warm.timings.aggregatesFromCache).toBe(true);
    clearExposureCache();
    const cold = await exposureReport(services, { reporter: 'JPN', year: 2024, closed: 'malacca' });
    expect(cold.timings.aggregatesFromCache).toBe(false);
    // DuckDB sums doubles in parallel, so two runs may differ in the last bits; compare to 12 significant digits.
    expect(toPrecision(warm.scenario)).toEqual(toPrecision(cold.scenario));
    expect(toPrecision(warm.passages)).toEqual(toPrecision(cold.passages));
    expect(warm.scenario!.affectedValueKusd).toBeGreaterThan(0);
  }, 120_000);

  it('unknown reporter and missing year are clear errors', async () => {
    await expect(exposureReport(services, { reporter: 'XYZ', year: 2024 })).rejects.toThrow(
      /unknown country "XYZ"/,
    );
    await expect(exposureReport(services, { reporter: 'JPN', year: 2030 })).rejects.toThrow(
      /no annual trade dataset has data for 2030 \(baci-hs17: 2018–2024\)/,
    );
  });
});
