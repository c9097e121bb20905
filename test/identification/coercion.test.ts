import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alternativePartners, coercionReport } from '../../src/data/identification/index.ts';
import { displacement } from '../../src/analysis/coercion/displacement.ts';
import { rankAlternatives } from '../../src/analysis/coercion/alternatives.ts';
import { openSharedTradeServices } from '../helpers/sharedTrade.ts';
import { baciCriticalMineralsRows, sumBy } from '../helpers/baciRows.ts';

const JPN = 392;
const CHN = 156;
const AUS = 36;

describe('displacement and alternative ranking (hand-checked)', () => {
  it('computes reliance, the open market, absorption and the alternatives’ HHI', () => {
    // Reporter R sells 60 to the coercer C, 30 to A, 10 to B. World imports: C 200, A 100, B 300, R 50.
    const d = displacement({
      flows: new Map([['C', 60], ['A', 30], ['B', 10]]),
      market: new Map([['C', 200], ['A', 100], ['B', 300], ['R', 50]]),
      coercer: new Set(['C']),
      reporter: new Set(['R']),
    });
    // s_C = 60/100; A = 100 + 300 = 400; open = 400 − 40 = 360; a = 60/360; HHI = 0.25² + 0.75² = 0.625.
    expect(d.coercerShare).toBeCloseTo(0.6, 12);
    expect(d.alternative).toBe(400);
    expect(d.open).toBe(360);
    expect(d.absorption).toBeCloseTo(1 / 6, 12);
    expect(d.alternativeHhi).toBeCloseTo(0.625, 12);
    expect(d.coercerMarketShare).toBeCloseTo(200 / 650, 12);
    expect(d.reliant).toBe(true);
    expect(d.hardToReplace).toBe(true);
  });

  it('ranks by headroom, then growth; growth is compound annual', () => {
    const ranked = rankAlternatives(
      [
        { country: 'A', value: 100, earlierValue: 25, withReporter: 0, withCoercer: 10 },
        { country: 'B', value: 150, earlierValue: 150, withReporter: 60, withCoercer: 0 },
        { country: 'C', value: 0, earlierValue: 10, withReporter: 0, withCoercer: 0 },
      ],
      2,
    );
    expect(ranked.map((r) => [r.rank, r.country, r.headroom])).toEqual([
      [1, 'A', 100],
      [2, 'B', 90],
    ]);
    expect(ranked[0].growth).toBeCloseTo(1, 12); // (100/25)^(1/2) − 1
    expect(ranked[1].reporterShare).toBeCloseTo(0.4, 12);
  });
});

describe('coercion exposure on the real BACI critical-minerals extract', () => {
  let services: Awaited<ReturnType<typeof openSharedTradeServices>>;
  const rows = baciCriticalMineralsRows();
  beforeAll(async () => {
    services = await openSharedTradeServices();
  }, 120_000);
  afterAll(async () => services.analytics.close());

  it("Japan's imports from China, 2024: shares, open market and HHI recomputed from the CSV", async () => {
    const report = await coercionReport(services, { reporter: 'JPN', coercer: 'CHN', year: 2024, direction: 'imports' });
    // Independent: for every product, Japan's imports by origin and world exports by exporter.
    const mine = sumBy(rows, (r) => r.t === 2024 && r.j === JPN && r.i !== JPN, (r) => `${r.k}|${r.i}`);
    const world = sumBy(rows, (r) => r.t === 2024, (r) => `${r.k}|${r.i}`);
    const products = [...new Set(rows.filter((r) => r.t === 2024 && r.j === JPN && r.i === CHN).map((r) => r.k))];
    expect(report.items.map((i) => i.hs6).sort()).toEqual(products.sort());
    let atRisk = 0;
    for (const item of report.items) {
      let total = 0;
      let fromChina = 0;
      let fromOthers = 0;
      for (const [key, v] of mine) {
        const [k, i] = String(key).split('|');
        if (k !== item.hs6) continue;
        total += v;
        if (Number(i) === CHN) fromChina += v;
        else fromOthers += v;
      }
      const alternatives: number[] = [];
      let all = 0;
      let china = 0;
      for (const [key, v] of world) {
        const [k, i] = String(key).split('|');
        if (k !== item.hs6) continue;
        all += v;
        if (Number(i) === CHN) china += v;
        else if (Number(i) !== JPN) alternatives.push(v);
      }
      const alternative = alternatives.reduce((a, b) => a + b, 0);
      const open = alternative - fromOthers;
      expect(item.valueUsd).toBeCloseTo(total, 2);
      expect(item.coercerShare).toBeCloseTo(fromChina / total, 10);
      expect(item.alternativeUsd).toBeCloseTo(alternative, 2);
      expect(item.openUsd).toBeCloseTo(open, 2);
      expect(item.absorption).toBeCloseTo(fromChina / open, 10);
      expect(item.alternativeHhi).toBeCloseTo(alternatives.reduce((a, v) => a + (v / alternative) ** 2, 0), 10);
      expect(item.coercerMarketShare).toBeCloseTo(china / all, 10);
      const risky = fromChina / total >= 0.5 && (fromChina / open >= 0.1 || item.alternativeHhi! >= 0.4);
      expect(item.atRisk).toBe(risky);
      if (risky) atRisk += fromChina;
    }
    expect(report.atRiskUsd).toBeCloseTo(atRisk, 1);
    // Magnesium (810411): 98 % of Japan's imports come from China, which holds 72 % of world exports.
    const mg = report.items.find((i) => i.hs6 === '810411')!;
    expect(mg.coercerShare).toBeGreaterThan(0.95);
    expect(mg.atRisk).toBe(true);
  });

  it("Japan's exports to China, 2024: RCA against the extract's products, as the note says", async () => {
    const report = await coercionReport(services, { reporter: 'JPN', coercer: 'CHN', year: 2024, direction: 'exports', hs: ['740311'] });
    expect(report.items).toHaveLength(1);
    const [copper] = report.items;
    const own = sumBy(rows, (r) => r.t === 2024 && r.i === JPN, (r) => r.k);
    const world = sumBy(rows, (r) => r.t === 2024, (r) => r.k);
    const ownTotal = [...own.values()].reduce((a, b) => a + b, 0);
    const worldTotal = [...world.values()].reduce((a, b) => a + b, 0);
    // Balassa: (X_JPN,k / X_JPN) / (X_W,k / X_W).
    expect(copper.rca).toBeCloseTo((own.get('740311')! / ownTotal) / (world.get('740311')! / worldTotal), 8);
    const toChina = sumBy(rows, (r) => r.t === 2024 && r.i === JPN && r.j === CHN && r.k === '740311', () => 0).get(0)!;
    expect(copper.withCoercerUsd).toBeCloseTo(toChina, 2);
    expect(report.notes.map((n) => n.en).join()).toMatch(/holds only 31 products/);
  });

  it('refuses a coercer inside the reporter and HS codes that are not six digits, naming the field', async () => {
    await expect(coercionReport(services, { reporter: 'EU27', coercer: 'DEU', year: 2024, direction: 'exports' })).rejects.toMatchObject({
      code: 'bad_input',
      place: { field: 'coercer' },
    });
    await expect(coercionReport(services, { reporter: 'JPN', coercer: 'CHN', year: 2024, direction: 'exports', hs: ['2504'] })).rejects.toMatchObject({
      code: 'unknown_code',
      place: { field: 'hs[0]' },
    });
  });

  it("the alternative-market finder: Australia's bauxite without China, importers ranked by headroom", async () => {
    const report = await alternativePartners(services, { reporter: 'AUS', coercer: 'CHN', year: 2024, hs6: '260600', direction: 'exports', limit: 5 });
    expect(report.fromYear).toBe(2021);
    const imports = sumBy(rows, (r) => r.k === '260600' && r.t === 2024 && r.j !== AUS && r.j !== CHN, (r) => r.j);
    const earlier = sumBy(rows, (r) => r.k === '260600' && r.t === 2021 && r.j !== AUS && r.j !== CHN, (r) => r.j);
    const fromAus = sumBy(rows, (r) => r.k === '260600' && r.t === 2024 && r.i === AUS, (r) => r.j);
    const expected = [...imports]
      .map(([j, v]) => ({ j, headroom: v - (fromAus.get(j) ?? 0), v }))
      .sort((a, b) => b.headroom - a.headroom)
      .slice(0, 5);
    expect(report.items).toHaveLength(5);
    for (const [n, e] of expected.entries()) {
      const item = report.items[n];
      expect(item.headroom).toBeCloseTo(e.headroom, 2);
      expect(item.value).toBeCloseTo(e.v, 2);
      const before = earlier.get(e.j);
      if (before) expect(item.growth).toBeCloseTo((e.v / before) ** (1 / 3) - 1, 10);
    }
    expect(report.items.some((i) => i.country === 'CHN' || i.country === 'AUS')).toBe(false);
  });
});
