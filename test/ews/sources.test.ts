import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importCustomsJapan } from '../../src/data/importers/customsJapan.ts';
import { importComtradeMonthly } from '../../src/data/importers/comtradeMonthly.ts';
import { importPinkSheet } from '../../src/data/importers/pinksheet.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { publishMonthly, publishPrices, readMonthly, readPrices } from '../../src/data/ews/seriesStore.ts';
import { priceSeriesOf, scanLoaded } from '../../src/data/ews/scanFile.ts';
import type { MonthlyImport } from '../../src/data/ews/monthlyImport.ts';
import { buildPanel } from '../../src/analysis/ews/panel.ts';
import { computeIndicators } from '../../src/analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules, parseRuleSet } from '../../src/analysis/ews/rules.ts';
import { backtest } from '../../src/analysis/ews/backtest.ts';
import { periodIndex } from '../../src/analysis/ews/period.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog, provenanceOf } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';

const japanFile = path.join(sharedData, 'monthly/japan-customs-summary/trade_monthly_2009-01_2019-05.csv.gz');
const pricesDir = path.join(sharedData, 'prices');

describe('Japan Customs summary (57 areas × 78 groups, billion yen, 2009-01 … 2019-05)', () => {
  let japan: MonthlyImport;
  beforeAll(() => {
    japan = importCustomsJapan(japanFile);
  });

  it('reads every row, resolves all 57 areas (Grand Total → WLD, EU → EUU) and marks missing months unknown', () => {
    expect(japan.rows.length).toBe(659_277);
    expect(japan.unresolvedPartners).toEqual([]);
    expect(japan.rejected).toEqual([]);
    expect(new Set(japan.rows.map((r) => r.partner)).size).toBe(57);
    expect(japan.missing).toBe('unknown');
    const jan = japan.rows.find(
      (r) => r.period === '2009-01' && r.partner === 'WLD' && r.hs === 'Grand Total' && r.flow === 'export',
    )!;
    expect(jan.value).toBeCloseTo(3477.825156, 6);
  });

  it('the March 2011 earthquake: motor-vehicle exports collapse in April 2011 (YAML rule set with a shorter warm-up)', () => {
    // The file starts in 2009, so the default 12-residual warm-up ends after the earthquake; this rule set
    // (the defaults with minResiduals 6) is what a user would write to look at 2011.
    const rules = parseRuleSet(
      `id: short-warm-up\nparameters:\n  seasonal: { minResiduals: 6 }\nrules:\n${defaultRuleSet.rules
        .filter((r) => r.id === 'value-collapse')
        .map(
          (r) =>
            `  - id: ${r.id}\n    level: ${r.level}\n    when: [{ indicator: valueZ, op: '<=', threshold: -3 }]`,
        )
        .join('\n')}\n`,
      'short.yaml',
    );
    const rows = japan.rows.filter(
      (r) => r.flow === 'export' && r.partner === 'WLD' && r.hs === 'MOTOR VEHICLES',
    );
    const panel = buildPanel(rows, { missing: 'unknown' });
    const alerts = evaluateRules(
      panel,
      computeIndicators(panel, rules.parameters),
      rules,
      periodIndex('2011-01') - panel.start,
      periodIndex('2011-12') - panel.start,
    );
    const april = alerts.find((a) => a.period === '2011-04')!;
    expect(april).toBeDefined();
    // By hand: April 2011 exports 255 bn yen; April 2010 was 801 bn yen — a fall of more than two thirds.
    const v = (p: string) => rows.find((r) => r.period === p)!.value;
    expect(v('2011-04') / v('2010-04')).toBeLessThan(0.35);
    expect(april.indicators[0].value).toBeLessThan(-3);
    expect(alerts.every((a) => a.period >= '2011-03' && a.period <= '2011-05')).toBe(true);
  });

  it(
    'false alarms on a quiet period (2013–2018, no recorded event) stay below 0.5 alerts per series-year',
    { timeout: 120_000 },
    () => {
      const panel = buildPanel(japan.rows, { missing: 'unknown' });
      const { report } = backtest(
        panel,
        computeIndicators(panel, defaultRuleSet.parameters),
        defaultRuleSet,
        { quiet: { from: '2013-01', to: '2018-12' } },
      );
      const q = report.quiet!;
      expect(q.series).toBeGreaterThan(1000);
      expect(q.alertsPerSeriesYear).toBeGreaterThan(0);
      expect(q.alertsPerSeriesYear).toBeLessThan(0.5);
      expect(q.alertsPerSeriesYear).toBeCloseTo(q.alerts / q.seriesYears, 12);
    },
  );
});

describe('World Bank Pink Sheet prices', () => {
  it('the workbook and the CSV give the same prices; nickel’s March 2022 spike alerts', async () => {
    const xlsx = await importPinkSheet(path.join(pricesDir, 'CMO-Historical-Data-Monthly.xlsx'));
    const csv = await importPinkSheet(
      path.join(pricesDir, 'pinksheet_monthly_prices.csv'),
      path.join(pricesDir, 'pinksheet_series.csv'),
    );
    const pick = (rows: typeof xlsx.rows, s: string, p: string) =>
      rows.find((r) => r.series === s && r.period === p)?.value;
    expect(pick(xlsx.rows, 'NICKEL', '2022-03')).toBeCloseTo(pick(csv.rows, 'NICKEL', '2022-03')!, 2);
    expect(xlsx.series.find((s) => s.code === 'NICKEL')!.unit).toBe('$/mt');
    expect(xlsx.emptyCells).toBeGreaterThan(0);
    const scan = scanLoaded({ kind: 'prices', imported: csv }, { from: '2022-03', to: '2022-03' });
    const nickel = scan.alerts.find((a) => a.hs === 'NICKEL')!;
    // By hand: 33,924.18 / 24,015.55 (Dec 2021 is three months earlier: 20,015.55) − 1 = +69.5 %.
    expect(nickel.indicators.find((i) => i.name === 'priceChange3m')!.value).toBeCloseTo(
      33924.18 / 20015.55 - 1,
      6,
    );
    expect(nickel.level).toBeGreaterThanOrEqual(1);
  });

  it('a linked price is attached to the trade series of its product', async () => {
    const csv = await importPinkSheet(path.join(pricesDir, 'pinksheet_monthly_prices.csv'));
    const prices = priceSeriesOf(csv).filter((p) => p.code === 'NICKEL');
    const rows = ['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03'].map((period, i) => ({
      reporter: 'JPN',
      partner: 'IDN',
      hs: '750210',
      flow: 'import' as const,
      period,
      value: 100 + i,
      quantity: null,
      unit: null,
    }));
    const panel = buildPanel(rows);
    const ind = computeIndicators(panel, defaultRuleSet.parameters, [], prices);
    const total = panel.groups[0].total;
    expect(ind.table.priceChange3m[total * panel.months + 5]).toBeCloseTo(33924.18 / 20015.55 - 1, 6);
    expect(ind.prices[total]).toEqual(['NICKEL']);
  });
});

describe('UN Comtrade+ monthly (CSV and API JSON)', () => {
  const sample = path.join(sharedData, 'comtrade-samples/gallium_trade_data.csv');
  it('the real annual sample is refused row by row with the reason (this importer reads monthly data)', () => {
    const result = importComtradeMonthly(sample);
    expect(result.rows).toEqual([]);
    expect(result.rejected.length).toBeGreaterThan(0);
    expect(result.rejected[0].reason).toContain('freqCode A is not monthly');
  });

  it('an API JSON response in the Comtrade+ schema becomes monthly rows with ISO3 partners', () => {
    const dir = tempDir();
    const lines = fs.readFileSync(sample, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    // The sample's real records, re-dated as the months of one year (the schema and values are the API's).
    const data = lines.slice(1, 7).map((line, i) => {
      const f = line.split(',');
      const row: Record<string, unknown> = Object.fromEntries(header.map((h, j) => [h, f[j]]));
      return {
        ...row,
        freqCode: 'M',
        period: `2023${String(i + 1).padStart(2, '0')}`,
        refMonth: i + 1,
        primaryValue: Number(row.primaryValue),
      };
    });
    const file = path.join(dir, 'response.json');
    fs.writeFileSync(file, JSON.stringify({ elapsedTime: '0.1 secs', count: data.length, data }));
    const result = importComtradeMonthly(file);
    expect(result.rows.length).toBe(data.length);
    expect(result.rows[0]).toMatchObject({
      reporter: 'USA',
      partner: 'CHN',
      hs: '811292',
      period: '2023-01',
      unit: 'kg',
    });
    expect(result.rows.map((r) => r.flow)).toEqual(
      data.map((d) => ((d as Record<string, unknown>).flowCode === 'M' ? 'import' : 'export')),
    );
  });
});

describe('malformed series and the store', () => {
  let dir: string;
  let analytics: DuckDbStore;
  beforeAll(async () => {
    dir = tempDir();
    analytics = await openDuckDb();
  });
  afterAll(async () => {
    await analytics.close();
  });

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const map = parseColumnMap('period=month,partner=partner,hs=hs,value=value,quantity=qty,unit=unit');

  it('duplicate months, negative values and mixed units are refused with file, line and series named', () => {
    const file = write(
      'bad.csv',
      'month,partner,hs,value,qty,unit\n2023-01,China,811292,10,1,kg\n2023-01,China,811292,12,1,kg\n2023-02,Japan,811292,-5,1,kg\n2023-03,Korea,811292,5,1,kg\n2023-04,Korea,811292,5,1,t\n',
    );
    const imported = importMonthlyCsv(file, { map, reporter: 'USA', flow: 'import' });
    let message = '';
    try {
      buildPanel(imported.rows, { file: 'bad.csv' });
    } catch (error) {
      message = (error as Error).message;
      expect((error as { place: { file: string; line: number } }).place).toEqual({
        file: 'bad.csv',
        line: 3,
      });
    }
    expect(message).toContain('3 malformed');
    expect(message).toContain('line 3: USA→CHN 811292 import: month 2023-01 given twice (first on line 2)');
    expect(message).toContain('line 4: USA→JPN 811292 import: value -5 in 2023-02 is negative');
    expect(message).toContain(
      'line 6: USA→KOR 811292 import: mixed units: quantity in t in 2023-04, but in kg on line 5',
    );
  });

  it('unknown partners are reported with counts and nothing is stored when a series is malformed', async () => {
    const dataDir = new DataDir(path.join(dir, 'data')).ensure();
    const catalog = new Catalog(dataDir);
    const good = write(
      'good.csv',
      'month,partner,hs,value,qty,unit\n2023-01,China,811292,10,1,kg\n2023-02,China,811292,12,2,kg\n2023-02,Atlantis,811292,1,1,kg\n2023-03,Atlantis,811292,1,1,kg\n',
    );
    const imported = importMonthlyCsv(good, { map, reporter: 'JPN', flow: 'import' });
    expect(imported.unresolvedPartners).toEqual([{ name: 'Atlantis', rows: 2 }]);
    const entry = await publishMonthly(dataDir, catalog, analytics, imported, {
      id: 'ga-monthly',
      title: 'Gallium test',
      publisher: 'test',
    });
    expect(entry.kind).toBe('trade-monthly');
    expect(entry.rejectedRows).toBe(2);
    expect(provenanceOf(entry)).toMatchObject({ dataset: 'ga-monthly', publisher: 'test', synthetic: false });
    const back = await readMonthly(dataDir, analytics, entry, { partner: 'CHN' });
    expect(back.map((r) => [r.period, r.value, r.quantity, r.unit])).toEqual([
      ['2023-01', 10, 1, 'kg'],
      ['2023-02', 12, 2, 'kg'],
    ]);

    const bad = write(
      'dup.csv',
      'month,partner,hs,value,qty,unit\n2023-01,China,811292,10,1,kg\n2023-01,China,811292,11,1,kg\n',
    );
    await expect(
      publishMonthly(
        dataDir,
        catalog,
        analytics,
        importMonthlyCsv(bad, { map, reporter: 'JPN', flow: 'import' }),
        { id: 'ga-monthly', title: 'x', publisher: 'x' },
      ),
    ).rejects.toThrow(/given twice/);
    expect(catalog.get('ga-monthly').version).toBe(entry.version);
    expect(fs.readdirSync(dataDir.tmpDir)).toEqual([]);
  });

  it('prices go to the store with their series list and linked products', async () => {
    const dataDir = new DataDir(path.join(dir, 'data2')).ensure();
    const catalog = new Catalog(dataDir);
    const imported = await importPinkSheet(
      path.join(pricesDir, 'pinksheet_monthly_prices.csv'),
      path.join(pricesDir, 'pinksheet_series.csv'),
    );
    const entry = await publishPrices(dataDir, catalog, analytics, imported, {
      id: 'pinksheet',
      title: 'World Bank Pink Sheet',
      publisher: 'World Bank',
      licence: 'CC BY 4.0',
    });
    expect(entry.kind).toBe('prices');
    const series = (entry.extra!.series as { code: string; hs: string[] }[]).find(
      (s) => s.code === 'NICKEL',
    )!;
    expect(series.hs).toEqual(['7502']);
    const back = await readPrices(dataDir, analytics, entry);
    expect(back.length).toBe(imported.rows.length);
  });
});
