import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { monitorCircumvention } from '../../src/data/exportControl/circumventionMonitor.ts';
import {
  getProductList,
  listProductLists,
  setProductList,
} from '../../src/data/exportControl/productLists.ts';
import { circumventionReport } from '../../src/analysis/exportControl/circumvention.ts';
import { baciCriticalMineralsCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';

/**
 * The monitor on the real BACI extract (31 HS6 codes of critical raw materials, 2018–2024), target Russia, sources
 * Japan and the G7, 2021 → 2024, checked against a computation written here from the CSV and CEPII's own country
 * code table (not the platform's countries or its SQL).
 */
function cepiiCodes(): { iso3OfCode: Map<string, string>; iso3OfIso2: Map<string, string> } {
  const iso3OfCode = new Map<string, string>();
  const iso3OfIso2 = new Map<string, string>();
  for (const line of fs
    .readFileSync(path.join(sharedData, 'countries', 'baci_country_codes_V202201.csv'), 'utf8')
    .split('\n')
    .slice(1)) {
    const cells = line.trim().split(',');
    if (cells.length < 5) continue;
    iso3OfCode.set(cells[0], cells.at(-1)!);
    iso3OfIso2.set(cells.at(-2)!, cells.at(-1)!);
  }
  return { iso3OfCode, iso3OfIso2 };
}

const flaggedOf = (report: { countries: { country: string; flagged: boolean }[] }) =>
  report.countries
    .filter((c) => c.flagged)
    .map((c) => c.country)
    .sort();

const g7Members = ['CAN', 'FRA', 'DEU', 'ITA', 'JPN', 'GBR', 'USA'];

function independent(baseYear: number, year: number, sources = g7Members) {
  const codes = cepiiCodes().iso3OfCode;
  const g7 = new Set(sources);
  const into = new Map<string, [number, number]>(); // third country → imports from G7 (thousand USD) [base, later]
  const onto = new Map<string, [number, number]>(); // third country → exports to Russia
  const add = (m: Map<string, [number, number]>, c: string, at: 0 | 1, v: number) => {
    const x = m.get(c) ?? [0, 0];
    x[at] += v;
    m.set(c, x);
  };
  let sourcesWorld: [number, number] = [0, 0];
  for (const line of fs.readFileSync(baciCriticalMineralsCsv, 'utf8').split('\n').slice(1)) {
    const [t, i, j, , v] = line.split(',');
    const at = Number(t) === baseYear ? 0 : Number(t) === year ? 1 : undefined;
    if (at === undefined) continue;
    const from = codes.get(i) ?? i;
    const to = codes.get(j) ?? j;
    const value = Number(v);
    if (g7.has(from) && !g7.has(to)) sourcesWorld[at] += value;
    if (g7.has(from) && !g7.has(to) && to !== 'RUS') add(into, to, at, value);
    if (to === 'RUS' && !g7.has(from) && from !== 'RUS') add(onto, from, at, value);
  }
  const growth = ([a, b]: [number, number]) => (a > 0 ? b / a - 1 : b > 0 ? Infinity : 0);
  const flagged = [...new Set([...into.keys(), ...onto.keys()])].filter((c) => {
    const i = into.get(c) ?? [0, 0];
    const o = onto.get(c) ?? [0, 0];
    return (
      growth(i) >= 0.5 &&
      growth(i) > growth(sourcesWorld) &&
      growth(o) >= 0.5 &&
      i[1] * 1000 >= 1e6 &&
      o[1] * 1000 >= 1e6
    );
  });
  sourcesWorld = [sourcesWorld[0] * 1000, sourcesWorld[1] * 1000];
  return { into, onto, flagged: flagged.sort(), sourcesWorld };
}

describe('circumvention monitor on the BACI critical-minerals extract', () => {
  let state: StateDb;
  let analytics: DuckDbStore;
  let services: Parameters<typeof monitorCircumvention>[0];
  let root: string;
  const products = JSON.parse(
    fs.readFileSync(path.join(sharedData, 'baci-critical-minerals', 'critical_codes.json'), 'utf8'),
  ).codes.map((c: { hs6: string; material: string }) => ({ hs6: c.hs6, note: c.material }));
  const unique = [...new Map(products.map((p: { hs6: string }) => [p.hs6, p])).values()] as {
    hs6: string;
    note: string;
  }[];

  beforeAll(async () => {
    state = await openTestState('pglite');
    analytics = await openDuckDb();
    root = tempDir();
    const dataDir = new DataDir(root);
    await importSharedTrade(dataDir);
    services = { catalog: new Catalog(dataDir), dataDir, analytics, state };
  }, 180_000);
  afterAll(async () => {
    await analytics?.close();
    await state?.close();
  });

  it('flags the third countries an independent computation flags, with the same figures', async () => {
    const report = await monitorCircumvention(services, {
      target: 'RUS',
      sources: 'G7',
      products: unique,
      baseYear: 2021,
      year: 2024,
    });
    const expected = independent(2021, 2024);
    expect(report.sources).toEqual({
      group: 'G7',
      members: ['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA'],
    });
    expect(flaggedOf(report)).toEqual(expected.flagged);
    expect(expected.flagged).toContain('TUR');
    expect(report.totals.sourceExports.base).toBeCloseTo(expected.sourcesWorld[0], -1);
    expect(report.totals.sourceExports.later).toBeCloseTo(expected.sourcesWorld[1], -1);
    for (const country of ['TUR', 'KAZ', 'ARM', 'CHN']) {
      const row = report.countries.find((c) => c.country === country)!;
      const into = expected.into.get(country) ?? [0, 0];
      const onto = expected.onto.get(country) ?? [0, 0];
      expect([row.fromSources.base, row.fromSources.later]).toEqual(
        into.map((v) => expect.closeTo(v * 1000, 0)),
      );
      expect([row.toTarget.base, row.toTarget.later]).toEqual(onto.map((v) => expect.closeTo(v * 1000, 0)));
    }
    const turkey = report.countries.find((c) => c.country === 'TUR')!;
    // By hand (awk over the CSV, thousand USD; BACI codes 124 250/251 276/280 381 392 826 842 → 792, 792 → 643):
    // Turkey bought 336,467.603 → 611,296.224 from the G7 (+81.7 %) and sold 22,010.501 → 38,497.519 to Russia
    // (+74.9 %). Turkey is the only country flagged.
    expect(expected.flagged).toEqual(['TUR']);
    expect(turkey.fromSources.base).toBeCloseTo(336_467_603, -1);
    expect(turkey.fromSources.later).toBeCloseTo(611_296_224, -1);
    expect(turkey.toTarget.base).toBeCloseTo(22_010_501, -1);
    expect(turkey.toTarget.later).toBeCloseTo(38_497_519, -1);
    expect(turkey.groupA).toBeNull();
    expect(report.countries[0].flagged).toBe(true);
    expect(turkey.reasons.map((r) => [r.rule, r.met])).toEqual([
      ['surge', true],
      ['above-sources', true],
      ['rise', true],
      ['floor', true],
    ]);
    expect(turkey.passThrough).toBeCloseTo(turkey.toTarget.later / turkey.fromSources.later, 12);
    expect(turkey.products.reduce((s, p) => s + p.toTarget.later, 0)).toBeCloseTo(turkey.toTarget.later, 0);
    // The direct flow from the G7 to Russia collapsed over the same years.
    expect(report.totals.direct.growth!).toBeLessThan(-0.9);
  });

  it('watches Group A countries as third countries when Japan alone is the source', async () => {
    // Without the Order's tables the monitor does not guess.
    const without = await monitorCircumvention(services, {
      sources: 'JPN',
      products: unique,
      baseYear: 2021,
    });
    expect(without.groupA).toBeNull();
    expect(without.countries.every((c) => c.groupA === null)).toBe(true);
    const dataDir = services.dataDir;
    await fetchDataset(findManifest('jp-export-control-order'), { dataDir, mirror: sharedData });
    const catalog = new Catalog(dataDir);
    const report = await monitorCircumvention(
      { ...services, catalog },
      { target: 'RUS', sources: 'JPN', products: unique, baseYear: 2021, year: 2024 },
    );
    expect(report.sources).toEqual({ group: 'JPN', members: ['JPN'] });
    // By hand (awk, thousand USD): India bought 1,148,525.525 → 2,005,016.369 from Japan (+74.6 %) and sold
    // 405.134 → 1,587.421 to Russia (+291.8 %); the only country flagged, no Group A country is.
    const india = report.countries.find((c) => c.country === 'IND')!;
    expect([
      india.fromSources.base,
      india.fromSources.later,
      india.toTarget.base,
      india.toTarget.later,
    ]).toEqual([1_148_525_525, 2_005_016_369, 405_134, 1_587_421].map((v) => expect.closeTo(v, -1)));
    expect(india.flagged).toBe(true);
    expect(report.groupA?.dataset).toBe('jp-export-control-order');
    const expected = independent(2021, 2024, ['JPN']);
    expect(flaggedOf(report)).toEqual(expected.flagged);
    expect(expected.flagged).toEqual(['IND']);
    // Group A from the Order's own CSV (alpha-2) through CEPII's table, not the platform's reader.
    const iso3OfIso2 = cepiiCodes().iso3OfIso2;
    const groupA = new Set(
      fs
        .readFileSync(
          path.join(sharedData, 'export-control', 'jp_export_control_order_country_tables.csv'),
          'utf8',
        )
        .split('\n')
        .filter((line) => line.startsWith('別表第三,'))
        .map((line) => iso3OfIso2.get(line.split(',')[4])!),
    );
    expect(groupA.size).toBe(27);
    for (const c of report.countries) expect(c.groupA).toBe(groupA.has(c.country));
    const groupAShown = report.countries.filter((c) => c.groupA).map((c) => c.country);
    for (const member of ['KOR', 'DEU', 'USA']) expect(groupAShown).toContain(member);
    for (const country of ['KOR', 'DEU']) {
      const row = report.countries.find((c) => c.country === country)!;
      expect([row.fromSources.base, row.fromSources.later]).toEqual(
        (expected.into.get(country) ?? [0, 0]).map((v) => expect.closeTo(v * 1000, 0)),
      );
      expect([row.toTarget.base, row.toTarget.later]).toEqual(
        (expected.onto.get(country) ?? [0, 0]).map((v) => expect.closeTo(v * 1000, 0)),
      );
    }
  });

  it('answers on the command line: chokepoint circumvention --json and the table in Japanese', async () => {
    const codes = unique.map((p) => p.hs6);
    const args = ['circumvention', '--products', ...codes, '--base-year', '2021', '--year', '2024'];
    const json = await runCliInProcess([...args, '--json', '--data-dir', root]);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(flaggedOf(out)).toEqual(['TUR']);
    expect(out.dataset).toBeUndefined();
    const table = await runCliInProcess([...args, '--lang', 'ja', '--data-dir', root]);
    expect(table.stdout).toContain('供給国群から');
    expect(table.stdout).toMatch(/TUR .*●.*336\.5 → 611\.3.*22\.0 → 38\.5/);
    const bad = await runCliInProcess(['circumvention', '--surge', '-1', '--data-dir', root]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--surge');
  });

  it('says which products of a list have no flows in the dataset (the CHPL is electronics, not minerals)', async () => {
    const report = await monitorCircumvention(services, { baseYear: 2021, year: 2024 });
    expect(report.productList).toBe('chpl');
    expect(report.products).toHaveLength(50);
    expect(report.productsWithoutFlows).toHaveLength(50);
    expect(report.countries).toEqual([]);
  });

  it('refuses a base year the dataset lacks and an unknown group', async () => {
    await expect(monitorCircumvention(services, { baseYear: 2010, products: unique })).rejects.toThrow(
      /base year/,
    );
    await expect(monitorCircumvention(services, { sources: 'NOPE', products: unique })).rejects.toThrow(
      /no country group or country/,
    );
  });
});

describe('circumvention rules on hand-checked numbers', () => {
  it('needs a surge above the sources’ own growth, a rise to the target and the floor', () => {
    const p = { baseYear: 2021, year: 2023, surge: 0.5, rise: 0.5, minValueUsd: 1e6 };
    const totals = [
      { hs6: '854231', year: 2021, sourceExports: 100e6, targetImports: 10e6, direct: 5e6 },
      { hs6: '854231', year: 2023, sourceExports: 180e6, targetImports: 8e6, direct: 0 },
    ];
    const flow = (country: string, year: number, fromSources: number, toTarget: number) => ({
      country,
      hs6: '854231',
      year,
      fromSources,
      toTarget,
    });
    const report = circumventionReport(
      [
        // +100 % in, +200 % out: flagged (sources grew +80 %).
        flow('KAZ', 2021, 2e6, 1e6),
        flow('KAZ', 2023, 4e6, 3e6),
        // +60 % in: below the sources' +80 %.
        flow('ARM', 2021, 5e6, 1e6),
        flow('ARM', 2023, 8e6, 2e6),
        // New exports to the target, but under the USD 1 M floor.
        flow('KGZ', 2021, 1e6, 0),
        flow('KGZ', 2023, 3e6, 0.5e6),
      ],
      totals,
      p,
      ['854231', '854232'],
    );
    expect(report.countries.map((c) => [c.country, c.flagged])).toEqual([
      ['KAZ', true],
      ['ARM', false],
      ['KGZ', false],
    ]);
    const kaz = report.countries[0];
    expect(kaz.fromSources.growth).toBeCloseTo(1, 12);
    expect(kaz.toTarget.growth).toBeCloseTo(2, 12);
    expect(kaz.shareOfTargetImports).toEqual({ base: 0.1, later: 3 / 8 });
    expect(kaz.shareOfSourceExports).toEqual({ base: 0.02, later: 4 / 180 });
    expect(kaz.passThrough).toBe(0.75);
    expect(report.countries[1].reasons.find((r) => r.rule === 'above-sources')!.met).toBe(false);
    expect(report.countries[2].toTarget.isNew).toBe(true);
    expect(report.countries[2].reasons.find((r) => r.rule === 'floor')!.met).toBe(false);
    expect(report.totals.direct.growth).toBe(-1);
    expect(report.productsWithoutFlows).toEqual(['854232']);
  });
});

describe.each(stateBackends)('circumvention product lists on %s', (backend) => {
  let db: StateDb;
  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => db?.close());

  it('ships the CHPL (50 codes, 6 tiers) and keeps an edited list; bad codes are refused', async () => {
    const chpl = await getProductList(db, 'chpl');
    expect(chpl.products).toHaveLength(50);
    expect(chpl.products.slice(0, 4).map((p) => p.hs6)).toEqual(['854231', '854232', '854233', '854239']);
    expect(new Set(chpl.products.map((p) => p.note)).size).toBe(6);
    await setProductList(
      db,
      { ...chpl, products: [...chpl.products.slice(0, 9), { hs6: '8486.20', note: 'added' }] },
      { id: null, name: 'analyst' },
    );
    expect((await getProductList(db, 'chpl')).products.map((p) => p.hs6).at(-1)).toBe('848620');
    await expect(
      setProductList(
        db,
        { id: 'x', title: { ja: 'x', en: 'x' }, products: [{ hs6: '85423', note: '' }] },
        {
          id: null,
          name: 'analyst',
        },
      ),
    ).rejects.toThrow(/not an HS6 code/);
    await setProductList(
      db,
      {
        id: 'secret-goods',
        title: { ja: '秘', en: 'secret' },
        products: [{ hs6: '811292', note: '' }],
        marking: { level: 2, compartments: [], releasableTo: null },
      },
      { id: null, name: 'analyst' },
    );
    const reader = { clearance: { level: 1 as const, compartments: [], organisationId: 'o' } };
    expect((await listProductLists(db, reader)).map((l) => l.id)).toEqual(['chpl']);
    await expect(getProductList(db, 'secret-goods', reader)).rejects.toThrow(/product list not found/);
  });
});
