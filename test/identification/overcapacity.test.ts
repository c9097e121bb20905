import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import type { ScreenServices } from '../../src/data/screening/screen.ts';
import { importSurges, monthlySurges, overcapacityColumn, supplierPush } from '../../src/data/identification/index.ts';
import { surgesAtFallingUnitValue } from '../../src/analysis/overcapacity/surge.ts';
import { trailingYear } from '../../src/analysis/overcapacity/trailingYear.ts';
import { marketShareGrowth } from '../../src/analysis/overcapacity/marketShareGrowth.ts';
import { buildPanel } from '../../src/analysis/ews/panel.ts';
import { computeIndicators } from '../../src/analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules } from '../../src/analysis/ews/rules.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { baciCriticalMineralsRows, sumBy } from '../helpers/baciRows.ts';
import { chinaMineralExportsCsv, publishChinaExports } from '../helpers/chinaExports.ts';

describe('surges at falling unit values, share growth (hand-checked)', () => {
  it('flags volume up ≥ 20 % with unit value down ≥ 10 %, and says why when it cannot judge', () => {
    const points = surgesAtFallingUnitValue([
      { period: '2022', value: 1000, quantity: 100 },
      { period: '2023', value: 1200, quantity: 200 }, // Q +100 %, UV 10 → 6 (−40 %)
      { period: '2024', value: 1300, quantity: null },
    ]);
    expect(points[0]).toMatchObject({ period: '2023', base: '2022', surge: true, missing: null });
    expect(points[0].volumeGrowth).toBeCloseTo(1, 12);
    expect(points[0].unitValueChange).toBeCloseTo(-0.4, 12);
    expect(points[1]).toMatchObject({ surge: false, missing: 'no-quantity', volumeGrowth: null });
    expect(points[1].valueGrowth).toBeCloseTo(100 / 1200, 12);
  });

  it('trailing twelve-month sums; a gap in the months throws, naming the month', () => {
    const months = Array.from({ length: 13 }, (_, n) => ({
      period: `${n < 12 ? 2023 : 2024}-${String((n % 12) + 1).padStart(2, '0')}`,
      value: n + 1,
      quantity: 1,
    }));
    expect(trailingYear(months)).toEqual([
      { period: '2023-12', value: 78, quantity: 12 },
      { period: '2024-01', value: 90, quantity: 12 },
    ]);
    expect(() => trailingYear([months[0], months[2]])).toThrow(/month 2023-02 is missing/);
  });

  it('demand effect plus share effect is the supplier’s export growth', () => {
    const g = marketShareGrowth('X', { from: 10, to: 40 }, { from: 100, to: 200 }, 2);
    expect(g.share0).toBeCloseTo(0.1, 12);
    expect(g.share1).toBeCloseTo(0.2, 12);
    expect(g.demandEffect).toBeCloseTo(10, 12); // 0.1 × 100
    expect(g.shareEffect).toBeCloseTo(20, 12); // 0.1 × 200
    expect(g.demandEffect! + g.shareEffect!).toBeCloseTo(30, 12);
    expect(g.excessGrowth).toBeCloseTo(1 - (Math.SQRT2 - 1), 12); // 2^(1/2)·… : (4)^(1/2)−1 − (2^(1/2)−1)
    expect(g.push).toBe(true);
  });
});

describe('overcapacity on trade data', () => {
  let analytics: DuckDbStore;
  let services: ScreenServices;
  let fixture: ScreenServices;
  const rows = baciCriticalMineralsRows();
  beforeAll(async () => {
    analytics = await openDuckDb();
    const dataDir = new DataDir(tempDir()).ensure();
    await importSharedTrade(dataDir);
    services = { dataDir, catalog: new Catalog(dataDir), analytics };
    // A small BACI file with quantities (the shared extract publishes none), figures worked by hand below:
    // Japan (392) imports 854140 from China (156) and Korea (410); 850511 has one flow without a quantity.
    const fixtureDir = new DataDir(tempDir()).ensure();
    const file = path.join(tempDir(), 'BACI_HS17_Y2022_V202601.csv');
    fs.writeFileSync(
      file,
      [
        't,i,j,k,v,q',
        '2022,156,392,854140,1000,100',
        '2022,410,392,854140,500,50',
        '2023,156,392,854140,1200,200',
        '2023,410,392,854140,400,40',
        '2022,156,392,850511,300,30',
        '2023,156,392,850511,600,60',
        '2023,410,392,850511,100,NA',
      ].join('\n'),
    );
    await importBaci({ dataDir: fixtureDir, inputs: [file], hs: 'HS17', version: 'V202601', datasetId: 'baci-fixture' });
    fixture = { dataDir: fixtureDir, catalog: new Catalog(fixtureDir), analytics };
  }, 120_000);
  afterAll(async () => analytics.close());

  it('sums suppliers before comparing unit values; a product with a flow lacking quantity is not judged', async () => {
    const all = await importSurges(fixture, { reporter: 'JPN', year: 2023 });
    const solar = all.items.find((i) => i.hs6 === '854140')!;
    // Q 150 → 240 (+60 %); UV 1,500/150 = 10 → 1,600/240 = 6.67 (−33.3 %).
    expect(solar.surge).toBe(true);
    expect(solar.volumeGrowth).toBeCloseTo(0.6, 12);
    expect(solar.unitValueChange).toBeCloseTo(-1 / 3, 12);
    expect(solar.value).toBe(1_600_000);
    const magnets = all.items.find((i) => i.hs6 === '850511')!;
    expect(magnets).toMatchObject({ surge: false, missing: 'no-quantity' });
    expect(all.counts).toEqual({ products: 2, surges: 1, noQuantity: 1 });
    // From China only: Q 100 → 200, UV 10 → 6; magnets 30 → 60 t at an unchanged 10 a tonne: no surge.
    const china = await importSurges(fixture, { reporter: 'JPN', supplier: 'CHN', year: 2023 });
    expect(china.items.find((i) => i.hs6 === '854140')!.unitValueChange).toBeCloseTo(-0.4, 12);
    expect(china.items.find((i) => i.hs6 === '850511')).toMatchObject({ surge: false, missing: null, volumeGrowth: 1, unitValueChange: 0 });
    // The screen column is the same point keyed by HS6.
    const column = await overcapacityColumn(fixture, { reporter: 'JPN', year: 2023 });
    expect(column.get('854140')).toEqual(solar);
  });

  it('the real BACI extract publishes no quantities: value growth only, no surge judged', async () => {
    const report = await importSurges(services, { reporter: 'USA', supplier: 'CHN', year: 2024 });
    expect(report.counts.surges).toBe(0);
    const usa = new Set([840, 842]);
    const byYear = (t: number) => sumBy(rows, (r) => r.t === t && r.i === 156 && usa.has(r.j), (r) => r.k);
    const [now, earlier] = [byYear(2024), byYear(2023)];
    // Products first bought in 2024 have no base year ('small-base'); the others no quantity.
    const before = (hs6: string) => (earlier.get(hs6) ?? 0) > 0;
    expect(report.items.every((i) => i.missing === (before(i.hs6) ? 'no-quantity' : 'small-base'))).toBe(true);
    expect(report.items.map((i) => i.hs6).sort()).toEqual([...now.keys()].sort());
    const magnets = report.items.find((i) => i.hs6 === '850511')!;
    expect(magnets.value).toBeCloseTo(now.get('850511')!, 2);
    expect(magnets.valueGrowth).toBeCloseTo(now.get('850511')! / earlier.get('850511')! - 1, 10);
  });

  it('suppliers gaining world share of HS 811292, 2021 → 2024, recomputed from the CSV', async () => {
    const report = await supplierPush(services, { hs6: '811292', year: 2024, limit: 50 });
    expect(report.fromYear).toBe(2021);
    const at = (t: number) => sumBy(rows, (r) => r.t === t && r.k === '811292', (r) => r.i);
    const [w0, w1] = [at(2021), at(2024)];
    const total = (m: Map<number | string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(report.worldUsd.from).toBeCloseTo(total(w0), 1);
    expect(report.worldUsd.to).toBeCloseTo(total(w1), 1);
    const deu = report.items.find((i) => i.supplier === 'DEU')!;
    const [s0, s1] = [w0.get(280)! / total(w0), w1.get(280)! / total(w1)];
    expect(deu.share0).toBeCloseTo(s0, 10);
    expect(deu.shareEffect).toBeCloseTo((s1 - s0) * total(w1), 1);
    const g = (a: number, b: number) => (b / a) ** (1 / 3) - 1;
    expect(deu.excessGrowth).toBeCloseTo(g(w0.get(280)!, w1.get(280)!) - g(total(w0), total(w1)), 10);
    // Sorted by share effect, largest first.
    const effects = report.items.map((i) => i.shareEffect ?? -Infinity);
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
  });

  it("monthly: China's graphite exports as rolling years, flags recomputed from the CSV", async () => {
    const dataDir = new DataDir(tempDir()).ensure();
    const monthly = { dataDir, catalog: new Catalog(dataDir), analytics };
    await publishChinaExports(monthly, { id: 'cn-minerals', title: 'China mineral exports', until: '2024-12', groups: {} });
    const report = await monthlySurges(monthly, { dataset: 'cn-minerals', reporter: 'CHN', flow: 'export', hs: 'Graphite' });
    // Independent: the CSV summed over partners by month, twelve-month sums, each against a year before.
    const byMonth = new Map<string, { v: number; q: number }>();
    for (const line of fs.readFileSync(chinaMineralExportsCsv, 'utf8').trim().split('\n').slice(1)) {
      const f = line.split(',');
      if (f[5] !== 'Graphite') continue;
      const m = byMonth.get(f[0].slice(0, 7)) ?? { v: 0, q: 0 };
      m.v += Number(f[1]);
      m.q += Number(f[2]);
      byMonth.set(f[0].slice(0, 7), m);
    }
    const months = [...byMonth.keys()].sort();
    const rolling = months.slice(11).map((_, n) => {
      const window = months.slice(n, n + 12).map((m) => byMonth.get(m)!);
      return { period: months[n + 11], v: window.reduce((a, w) => a + w.v, 0), q: window.reduce((a, w) => a + w.q, 0) };
    });
    const expected = rolling.slice(12).map((now, n) => {
      const before = rolling[n];
      const volume = now.q / before.q - 1;
      const unit = now.v / now.q / (before.v / before.q) - 1;
      return { period: now.period, volume, unit, surge: volume >= 0.2 && unit <= -0.1 };
    });
    expect(report.points.map((p) => p.period)).toEqual(expected.map((e) => e.period));
    for (const [n, e] of expected.entries()) {
      expect(report.points[n].volumeGrowth).toBeCloseTo(e.volume, 10);
      expect(report.points[n].unitValueChange).toBeCloseTo(e.unit, 10);
    }
    expect(report.surges).toEqual(expected.filter((e) => e.surge).map((e) => e.period));
    expect(report.unit).toBe('kg');
  });

  it('the default early-warning rule "volume surge at a falling unit value" fires only where both conditions hold', () => {
    const rule = defaultRuleSet.rules.find((r) => r.id === 'volume-surge-falling-unit-value')!;
    expect(rule.when).toEqual([
      { indicator: 'volumeZ', op: '>=', threshold: 2.5 },
      { indicator: 'unitValueRatio', op: '<=', threshold: 0.85 },
    ]);
    const imported = importMonthlyCsv(chinaMineralExportsCsv, {
      map: parseColumnMap('period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty'),
      reporter: 'CHN',
      flow: 'export',
      unit: 'kg',
    });
    const panel = buildPanel(imported.rows);
    const indicators = computeIndicators(panel, defaultRuleSet.parameters, []);
    const alerts = evaluateRules(panel, indicators, defaultRuleSet, 24, panel.months - 1);
    const fired = alerts.filter((a) => a.rules.some((r) => r.id === rule.id));
    expect(fired.length).toBeGreaterThan(0);
    // Korea's graphite, January 2023 (month 72 from 2017-01): volume z 3.07 at 0.65 of the median unit value.
    expect(fired.some((a) => a.partner === 'KOR' && a.hs === 'Graphite' && a.period === '2023-01')).toBe(true);
    for (const a of fired) {
      const crossed = a.indicators.filter((c) => c.rule === rule.id);
      expect(crossed.find((c) => c.name === 'volumeZ')!.value).toBeGreaterThanOrEqual(2.5);
      expect(crossed.find((c) => c.name === 'unitValueRatio')!.value).toBeLessThanOrEqual(0.85);
    }
  });
});
