import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importPatents } from '../../src/data/importers/patents.ts';
import { patentRows, patentWorldRows } from '../../src/data/tech/patentData.ts';
import { rtaReport } from '../../src/data/tech/techReports.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';
import { assessEntry } from '../../src/analysis/tech/entryIndicators.ts';
import { defaultRuleSet } from '../../src/analysis/zones/defaultRules.ts';

const file = path.join(sharedData, 'patents', 'patents_by_country_field_year.csv');
const resolve = (name: string) => resolveCountry(name)?.iso3 ?? null;

/**
 * Independent reading of the NCSES file: table → rows of leaf economies (a name that is never a parent in
 * region_path), minus the patent offices, "Unclassified" and "Other Europe" (a group total without children,
 * beside "Other Europe (2020)" which has them) — leaves that are not economies.
 */
const notEconomies = new Set([
  'Other Europe',
  'Unclassified',
  'WIPO',
  'African IPO',
  'African Regional IPO',
  'Eurasian Patent Organization',
  'European Patent Office',
  'Gulf States Patent Office',
]);
let lines: string[][] | undefined;
let parents: Set<string>;
function leafCounts(table: string, year: number): Map<string, number> {
  if (!lines) {
    lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    parents = new Set(lines.flatMap((f) => f[1].split(' -> ').slice(0, -1)));
  }
  const out = new Map<string, number>();
  for (const f of lines) {
    if (f[0] !== table || Number(f[4]) !== year || f[2] === 'World') continue;
    if (parents.has(f[2]) || notEconomies.has(f[2])) continue;
    out.set(f[2], Number(f[5]));
  }
  return out;
}

/** The table's own World row (region_path "World"): every application or grant of the office that year. */
function worldRow(table: string, year: number): number {
  leafCounts(table, year);
  const row = lines!.find((f) => f[0] === table && f[1] === 'World' && Number(f[4]) === year)!;
  return Number(row[5]);
}

/** A country's row of one table, by the name the file gives it. */
function countryRow(table: string, year: number, name: string): number {
  return leafCounts(table, year).get(name)!;
}

/** RTA of `country` from the two tables, the textbook way, over economies that have a total. */
function independentRta(fieldTable: string, totalTable: string, year: number, country: string): number {
  const field = leafCounts(fieldTable, year);
  const total = leafCounts(totalTable, year);
  let worldField = 0;
  let worldTotal = 0;
  for (const [name, t] of total) {
    worldTotal += t;
    worldField += field.get(name) ?? 0;
  }
  return field.get(country)! / total.get(country)! / (worldField / worldTotal);
}

describe('patents importer and RTA on NSF NCSES data', () => {
  let store: DuckDbStore;
  let dataDir: DataDir;
  let catalog: Catalog;
  let result: Awaited<ReturnType<typeof importPatents>>;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    catalog = new Catalog(dataDir);
    store = await openDuckDb();
    result = await importPatents({ catalog, dataDir, analytics: store, file, resolveCountry: resolve });
  });
  afterAll(async () => store.close());

  it('imports every row, keeps regions as aggregates and reports names that are not countries', async () => {
    expect(result.entry.rows).toBe(25766); // every data line of the file has a value
    expect(result.entry.rejectedRows).toBe(0);
    expect(result.unresolved.map((u) => u.name)).toEqual([...notEconomies].sort());
    expect(result.aggregates).toContain('EU-27');
    expect(result.aggregates).toContain('Asia');
    expect(result.entry.extra?.sources).toContain('uspto/semiconductors');
    const [{ n }] = await store.query<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet('${path.join(dataDir.absolute(result.entry.path), 'patents.parquet')}')`,
    );
    expect(n).toBe(25766);
  });

  it("gives Japan's RTA in PCT electrical engineering and USPTO semiconductors as an independent computation", async () => {
    for (const [source, field, fieldTable, totalTable] of [
      ['pct', 'electrical-engineering', 'SINV-13', 'SINV-11'],
      ['uspto', 'semiconductors', 'SINV-10', 'SINV-4'],
    ]) {
      const rows = await patentRows(store, dataDir, result.entry, source, 2017);
      const a = assessEntry(
        'JPN',
        { kind: 'technology', patents: { rows, fields: [field] } },
        defaultRuleSet.parameters,
      );
      expect(a.patents!.lastYear).toBe(2022);
      for (const year of [2017, 2022]) {
        const got = a.patents!.rtaByYear.find((r) => r.year === year)!.rta!;
        expect(got).toBeCloseTo(independentRta(fieldTable, totalTable, year, 'Japan'), 10);
      }
    }
  });

  it("takes the publisher's World row as the RTA's world (Japan, PCT mechanical engineering 2022: 1.192), the sum of the listed economies on request (1.292)", async () => {
    // RTA_cf = (P_cf / Σ_f P_cf) / (P_wf / Σ_f P_wf); SINV-15 is PCT mechanical engineering, SINV-11 all PCT
    // applications (the five areas partition it: 10,904 + 16,988 + 8,822 + 9,381 + 2,127 = 48,222 for Japan).
    const published =
      countryRow('SINV-15', 2022, 'Japan') /
      countryRow('SINV-11', 2022, 'Japan') /
      (worldRow('SINV-15', 2022) / worldRow('SINV-11', 2022));
    const summed = independentRta('SINV-15', 'SINV-11', 2022, 'Japan');
    expect([worldRow('SINV-15', 2022), worldRow('SINV-11', 2022)]).toEqual([43227, 264901]);
    expect(published).toBeCloseTo(1.192, 3);
    expect(summed).toBeCloseTo(1.292, 3);

    const services = { catalog, dataDir, analytics: store };
    const byDefault = await rtaReport(services, { field: 'pct/mechanical-engineering' });
    expect(byDefault.world).toEqual({
      requested: 'published',
      used: 'published',
      published: { field: 43227, allFields: 264901 },
      sum: { field: byDefault.worldCount, allFields: expect.any(Number) },
    });
    const jpn = (r: typeof byDefault) => r.items.find((i) => i.country === 'JPN')!.rta!;
    expect(jpn(byDefault)).toBeCloseTo(published, 10);
    const sum = await rtaReport(services, { field: 'pct/mechanical-engineering', world: 'sum' });
    expect(sum.world.used).toBe('sum');
    expect(jpn(sum)).toBeCloseTo(summed, 10);

    // The zones read the same World rows: every year of the window on the published world.
    const a = assessEntry(
      'JPN',
      {
        kind: 'technology',
        patents: {
          rows: await patentRows(store, dataDir, result.entry, 'pct', 2017),
          world: await patentWorldRows(store, dataDir, result.entry, 'pct', 2017),
          fields: ['mechanical-engineering'],
        },
      },
      defaultRuleSet.parameters,
    );
    expect(a.patents!.worldBasis).toBe('published');
    for (const year of [2017, 2022]) {
      const expected =
        countryRow('SINV-15', year, 'Japan') /
        countryRow('SINV-11', year, 'Japan') /
        (worldRow('SINV-15', year) / worldRow('SINV-11', year));
      expect(a.patents!.rtaByYear.find((r) => r.year === year)!.rta).toBeCloseTo(expected, 10);
    }
  });

  it('falls back to the sum for the whole window when a World row is missing; two World rows for one cell are refused', async () => {
    const dir = tempDir();
    const partial = path.join(dir, 'partial.csv');
    // World rows cover 2021 (x and y) but 2022 only x: over the window 2021–2022 both years use the sum, so the
    // RTA trend compares like with like; an assessment of 2021 alone uses the World rows.
    fs.writeFileSync(
      partial,
      [
        'country,field,year,count',
        'Japan,x,2021,30',
        'Japan,y,2021,10',
        'South Korea,x,2021,10',
        'South Korea,y,2021,50',
        'World,x,2021,100',
        'World,y,2021,300',
        'Japan,x,2022,30',
        'Japan,y,2022,10',
        'South Korea,x,2022,10',
        'South Korea,y,2022,50',
        'World,x,2022,100',
      ].join('\n') + '\n',
    );
    const r = await importPatents({
      catalog,
      dataDir,
      analytics: store,
      file: partial,
      source: 'hand',
      id: 'hand',
      resolveCountry: resolve,
    });
    const report = await rtaReport(
      { catalog, dataDir, analytics: store },
      { field: 'hand/x', dataset: 'hand' },
    );
    expect(report.world).toMatchObject({ requested: 'published', used: 'sum', published: null });
    // Sum: JPN (30 / 40) / (40 / 100) = 1.875.
    expect(report.items.find((i) => i.country === 'JPN')!.rta).toBeCloseTo(1.875, 12);
    // 2021 alone: (30 / 40) / (100 / 400) = 3.
    const rows = (await patentRows(store, dataDir, r.entry, 'hand')).filter((x) => x.year === 2021);
    const world = await patentWorldRows(store, dataDir, r.entry, 'hand');
    const a = assessEntry(
      'JPN',
      { kind: 'technology', patents: { rows, world, fields: ['x'] } },
      defaultRuleSet.parameters,
    );
    expect(a.patents!.worldBasis).toBe('published');
    expect(a.indicators.rta).toBeCloseTo(3, 12);

    const twice = path.join(dir, 'twice.csv');
    fs.writeFileSync(twice, 'country,field,year,count\nJapan,x,2021,3\nWorld,x,2021,10\nTotal,x,2021,11\n');
    const t = await importPatents({
      catalog,
      dataDir,
      analytics: store,
      file: twice,
      source: 'twice',
      id: 'twice',
      resolveCountry: resolve,
    });
    await expect(patentWorldRows(store, dataDir, t.entry, 'twice')).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringContaining('"Total" and "World"'),
    });
  });

  it('gives the concentration of USPTO semiconductor patents as read off the file (2022)', async () => {
    const rows = await patentRows(store, dataDir, result.entry, 'uspto', 2017);
    const a = assessEntry(
      'JPN',
      { kind: 'technology', patents: { rows, fields: ['semiconductors'] } },
      defaultRuleSet.parameters,
    );
    const semis = leafCounts('SINV-10', 2022);
    const totals = leafCounts('SINV-4', 2022);
    const inWorld = [...semis].filter(([n]) => totals.has(n));
    const world = inWorld.reduce((s, [, v]) => s + v, 0);
    const sorted = inWorld.sort((x, y) => y[1] - x[1]);
    expect(a.patents!.concentration.topCountry).toBe('USA');
    expect(sorted[0][0]).toBe('United States');
    expect(a.indicators.patentTopShare).toBeCloseTo(sorted[0][1] / world, 10);
    expect(a.indicators.patentLeadRatio).toBeCloseTo(sorted[0][1] / sorted[1][1], 10);
    expect(a.indicators.patentShare).toBeCloseTo(semis.get('Japan')! / world, 10);
  });

  it('refuses a generic CSV with a bad count, naming the line, and leaves the catalog unchanged', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Economy,Area,Year,N\nJapan,quantum,2020,12\nKorea,quantum,2020,x\n');
    await expect(
      importPatents({
        catalog,
        dataDir,
        analytics: store,
        file: bad,
        map: { country: 'Economy', field: 'Area', year: 'Year', count: 'N' },
        source: 'aspi',
        id: 'quantum',
        resolveCountry: resolve,
      }),
    ).rejects.toMatchObject({ code: 'bad_file', place: { line: 3, column: 'N' } });
    expect(catalog.find('quantum')).toBeUndefined();
  });

  it('imports a generic CSV with --map columns and reports an unknown name', async () => {
    const dir = tempDir();
    const ok = path.join(dir, 'quantum.csv');
    fs.writeFileSync(
      ok,
      'Economy,Area,Year,N\nJapan,Quantum,2020,12\nSouth Korea,Quantum,2020,7\nAtlantis,Quantum,2020,3\n',
    );
    const r = await importPatents({
      catalog,
      dataDir,
      analytics: store,
      file: ok,
      map: { country: 'Economy', field: 'Area', year: 'Year', count: 'N' },
      source: 'aspi',
      id: 'quantum',
      resolveCountry: resolve,
    });
    expect(r.entry.rows).toBe(3);
    expect(r.unresolved).toEqual([{ name: 'Atlantis', rows: 1, firstLine: 4 }]);
    const rows = await patentRows(store, dataDir, r.entry, 'aspi');
    expect(rows.map((x) => [x.country, x.field, x.count])).toEqual([
      ['JPN', 'quantum', 12],
      ['KOR', 'quantum', 7],
    ]);
  });
});
