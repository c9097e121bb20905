import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  formToYaml,
  newScenarioForm,
  newShock,
  textToForm,
  withLikeMindedFirst,
} from '../../web/src/features/scenarios/scenarioForm.ts';
import {
  bandSeries,
  monthlyShortfall,
  outputTimelineChart,
  productLossChart,
  sectorTimelineChart,
  substitutionRows,
  survivalRows,
  weekly,
} from '../../web/src/features/scenarios/shaping.ts';
import type { ProductResult, ScenarioRunResult } from '../../web/src/features/scenarios/types.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import { ApiError } from '../../web/src/api/client.ts';
import { saveErrorPlace } from '../../web/src/features/scenarios/saveErrors.ts';
import { runErrorField } from '../../web/src/features/scenarios/types.ts';

const fixed = (value: number) => ({ value, p5: value, p50: value, p95: value });

describe('scenario form ↔ scenario file', () => {
  const form = {
    ...newScenarioForm(),
    name: 'China cuts 80 % of 811292 and 850511 to Japan for 6 months',
    nameJa: '中国が対日輸出を削減',
    shocks: [
      { ...newShock(), products: '811292, 850511', sharePercent: 80, duration: 6 },
      {
        ...newShock('chokepoint-closure'),
        passages: ['malacca', 'taiwan'],
        sharePercent: 50,
        start: 1,
        duration: 2,
      },
      { ...newShock('disaster'), country: 'Taiwan', sharePercent: 30, duration: 1 },
    ],
    stockDefault: 30,
    stockProducts: [{ product: '811292', days: 60 }],
    likeMinded: 'LIKE_MINDED',
    substitutionSharePercent: 2,
    rampUp: 2,
    draws: 20,
  };

  it('writes a file the server validator accepts, with the figures typed in', () => {
    const text = formToYaml(form);
    const d = parseScenarioText(text);
    expect(d.name).toBe(form.name);
    expect(d.reporter.iso3).toBe('JPN');
    const [cut, closure, disaster] = d.shocks;
    expect(cut.type === 'export-cut' && cut.products).toEqual(['811292', '850511']);
    expect(cut.type === 'export-cut' && cut.exporter.iso3).toBe('CHN');
    expect(cut.share).toMatchObject({ low: 0.8, high: 0.8 });
    expect(cut.duration).toMatchObject({ low: 6, high: 6 });
    expect(closure.type === 'chokepoint-closure' && closure.passages).toEqual(['malacca', 'taiwan']);
    expect(closure.start).toBe(1);
    expect(disaster.type === 'disaster' && disaster.country.iso3).toBe('TWN');
    expect(d.stockpiles.defaultDays).toMatchObject({ low: 30, high: 30 });
    expect(d.stockpiles.products['811292']).toMatchObject({ low: 60, high: 60 });
    expect(d.substitution.share).toMatchObject({ low: 0.02, high: 0.02 });
    expect(d.substitution.likeMinded.length).toBeGreaterThan(3); // the LIKE_MINDED group's members
    expect(d.monteCarlo.draws).toBe(20);
    // Product codes stay text (a leading zero would be lost as a number).
    expect(text).toContain('- "811292"');
  });

  it('proposes the LIKE_MINDED group for "like-minded first", which the validator expands to its members', () => {
    const fresh = { ...newScenarioForm(), name: 'x', shocks: [{ ...newShock(), products: '811292' }] };
    expect(fresh.likeMindedFirst).toBe(true);
    const d = parseScenarioText(formToYaml(fresh));
    expect(d.substitution.likeMindedFirst).toBe(true);
    expect(d.substitution.likeMinded.length).toBeGreaterThan(3);
    // Ticking the box fills an empty field only; unticking leaves the field as typed.
    const cleared = { ...fresh, likeMinded: ' ', likeMindedFirst: false };
    expect(withLikeMindedFirst(cleared, true)).toEqual({ likeMindedFirst: true, likeMinded: 'LIKE_MINDED' });
    expect(withLikeMindedFirst({ ...cleared, likeMinded: 'Germany' }, true)).toEqual({
      likeMindedFirst: true,
    });
    expect(withLikeMindedFirst(fresh, false)).toEqual({ likeMindedFirst: false });
  });

  it('reads back what it wrote', () => {
    const back = textToForm(formToYaml(form));
    expect(back).toEqual({ form });
  });

  it('reads durations and shares written as text, and sends ranges to the text view', () => {
    const r = textToForm(
      'name: x\nhorizon: 2 years\nshocks:\n  - {type: export-cut, exporter: CHN, products: all, share: 50%, duration: 73 days}\nstockpiles: {default: 1 month}\n',
    );
    if (!('form' in r)) throw new Error(`unsupported ${r.unsupported}`);
    expect(r.form.horizon).toBe(24);
    expect(r.form.shocks[0]).toMatchObject({ products: 'all', sharePercent: 50, duration: 2.4 }); // 73 / (365/12)
    expect(r.form.stockDefault).toBeCloseTo(365 / 12, 2);
    const example = fs.readFileSync(path.resolve('examples/scenario-gallium-germanium.yaml'), 'utf8');
    expect(textToForm(example)).toEqual({ unsupported: 'propagation' }); // settings the form does not show
    expect(textToForm(example.replace(/^propagation:[\s\S]*?(?=^monteCarlo)/m, ''))).toEqual({
      unsupported: 'stockpiles.products.811292', // [20, 60] is a range
    });
    expect(textToForm('name: x\npropagation: {inventoryDays: 30}\nshocks: []')).toEqual({
      unsupported: 'propagation',
    });
  });

  it('puts an API error next to the form field it names', () => {
    expect(formFieldOf('shocks[0].duration')).toBe('shocks[0].duration');
    expect(formFieldOf('shocks[2].products[1]')).toBe('shocks[2].products');
    expect(formFieldOf('shocks[1].passages[0]')).toBe('shocks[1].passages');
    expect(formFieldOf('shocks[0]')).toBe('shocks[0].type');
    expect(formFieldOf('stockpiles.products.81129')).toBe('stockpiles.products');
    expect(formFieldOf('substitution.likeMinded[3]')).toBe('substitution.likeMinded');
    expect(formFieldOf('horizon')).toBe('horizon');
    expect(formFieldOf('propagation.ioTable')).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });

  it('shows a refused save by its field in the form, named above it otherwise, with the YAML line when given', () => {
    const refusal = (place: ApiError['place']) =>
      new ApiError(400, 'invalid_scenario', 'must not be negative', place);
    expect(saveErrorPlace(refusal({ field: 'shocks[0].duration' }), 'form')).toEqual({
      kind: 'field',
      target: 'shocks[0].duration',
      field: 'shocks[0].duration',
    });
    expect(saveErrorPlace(refusal({ field: 'shocks[0].duration' }), 'text')).toEqual({
      kind: 'named',
      field: 'shocks[0].duration',
    });
    expect(saveErrorPlace(refusal({ field: 'propagation.ioTable' }), 'form')).toEqual({
      kind: 'named',
      field: 'propagation.ioTable',
    });
    expect(saveErrorPlace(refusal({ line: 7 }), 'text')).toEqual({ kind: 'other', line: 7 });
    expect(saveErrorPlace(new Error('network down'), 'form')).toEqual({ kind: 'other', line: undefined });
  });

  it("reads a failed run's field only from a place that names one (the schema leaves the place free-form)", () => {
    // Stored errors of older versions may hold any place: the type says what the server sends now.
    const error = (place: unknown) => ({
      code: 'invalid',
      message: 'no trade',
      place: place as { field?: string },
    });
    expect(runErrorField(error({ field: 'shocks[0].exporter' }))).toBe('shocks[0].exporter');
    expect(runErrorField(error({ field: 3 }))).toBeUndefined();
    expect(runErrorField(error('somewhere'))).toBeUndefined();
    expect(runErrorField(error(null))).toBeUndefined();
    expect(runErrorField(null)).toBeUndefined();
  });

  it('the server names the field the form shows', () => {
    const bad = { ...form, shocks: [{ ...newShock(), products: '811292', duration: -1 }] };
    try {
      parseScenarioText(formToYaml(bad));
      throw new Error('accepted');
    } catch (e) {
      const field = (e as { place: { field: string } }).place.field;
      expect(formFieldOf(field)).toBe('shocks[0].duration');
    }
  });
});

function product(
  code: string,
  months: [number, number, number, number][],
  extra: Partial<ProductResult> = {},
): ProductResult {
  const sum = (k: number) => months.reduce((s, m) => s + m[k], 0);
  return {
    product: code,
    imports: 1000,
    lost: fixed(sum(0)),
    lostQuantity: null,
    replaced: fixed(sum(1)),
    unmet: fixed(sum(3)),
    timeToSurvive: { value: null, p5: null, p50: null, p95: null },
    timeToRecover: fixed(6),
    binding: false,
    bindingProbability: 0,
    lostFrom: [],
    replacedFrom: [],
    months: months.map(([lost, replaced, stockDrawn, unmet], month) => ({
      month,
      lost,
      lostQuantity: null,
      replaced,
      stockDrawn,
      unmet,
    })),
    ...extra,
  };
}

function result(products: ProductResult[], bindingProducts: string[] = []): ScenarioRunResult {
  return {
    name: 'x',
    reporter: { iso3: 'JPN', en: 'Japan', ja: '日本' },
    year: 2024,
    horizonMonths: 3,
    units: { trade: 'thousand USD', quantity: 'tonnes' },
    totals: { importsAffected: 0, lost: fixed(0), replaced: fixed(0), stockDrawn: fixed(0), unmet: fixed(0) },
    products,
    bindingProducts,
    monteCarlo: { draws: 1, seed: 1 },
    assumptions: [],
    provenance: {
      trade: { dataset: 'd', title: 'D', publisher: 'P', version: '1', synthetic: false },
      methods: [],
    },
  };
}

describe('scenario result shaping', () => {
  it('sums the shortfall of all products month by month', () => {
    const r = result([
      product('811292', [
        [10, 2, 8, 0],
        [10, 4, 2, 4],
        [0, 0, 0, 0],
      ]),
      product('850511', [
        [5, 0, 5, 0],
        [5, 1, 0, 4],
        [3, 1, 0, 2],
      ]),
    ]);
    expect(monthlyShortfall(r)).toEqual([
      { month: 0, lost: 15, replaced: 2, stockDrawn: 13, unmet: 0 },
      { month: 1, lost: 15, replaced: 5, stockDrawn: 2, unmet: 8 },
      { month: 2, lost: 3, replaced: 1, stockDrawn: 0, unmet: 2 },
    ]);
  });

  it('lists binding products first in the order they run short, then by margin TTS − TTR', () => {
    const r = result(
      [
        product('000001', [], { timeToSurvive: { value: null, p5: null, p50: null, p95: null } }),
        product('000002', [], { timeToSurvive: { value: 4, p5: 3, p50: 4, p95: 5 }, binding: true }),
        product('000003', [], { timeToSurvive: { value: 2, p5: 1, p50: 2, p95: 3 }, binding: true }),
        product('000004', [], { timeToSurvive: { value: 7, p5: 7, p50: 7, p95: 7 } }),
      ],
      ['000003', '000002'],
    );
    expect(survivalRows(r).map((x) => [x.product, x.bindingRank])).toEqual([
      ['000003', 1],
      ['000002', 2],
      ['000004', null], // 7 − 6 = 1
      ['000001', null], // beyond the horizon
    ]);
  });

  it('shows what is replaced and from whom, largest supplier first, and skips products without a loss', () => {
    const r = result([
      product('811292', [[10, 4, 0, 6]], {
        replacedFrom: [
          { partner: 'DEU', en: 'Germany', ja: 'ドイツ', value: 1, likeMinded: true },
          { partner: 'VNM', en: 'Viet Nam', ja: 'ベトナム', value: 3 },
        ],
      }),
      product('850511', [[0, 0, 0, 0]]),
    ]);
    const rows = substitutionRows(r);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ product: '811292', lost: 10, replaced: 4, unmet: 6, replacedShare: 0.4 });
    expect(rows[0].from.map((f) => [f.partner, f.likeMinded])).toEqual([
      ['VNM', false],
      ['DEU', true],
    ]);
  });

  it('averages days over weeks and draws a p5–p95 band as p5 plus the stacked width', () => {
    const days = Array.from({ length: 365 }, (_, d) => d);
    const w = weekly(days);
    expect(w).toHaveLength(53);
    expect(w[0]).toEqual({ day: 0, value: 3 }); // (0 + … + 6) / 7
    expect(w[52]).toEqual({ day: 364, value: 364 });
    const [low, width, central] = bandSeries([1, 2], [0.5, 1], [2, 4], { central: 'c', band: 'b' });
    expect(low.data).toEqual([0.5, 1]);
    expect(width.data).toEqual([1.5, 3]);
    expect(low.stack).toBe(width.stack);
    expect(central.data).toEqual([1, 2]);
  });
});

describe('names of a saved version', () => {
  it('reads the names written in the version text, and nothing from text that is not YAML', async () => {
    const { namesOf } = await import('../../web/src/features/scenarios/scenarioForm.ts');
    expect(namesOf('name: Cut for 3 months\nnameJa: 3か月停止\nshocks: []')).toEqual({
      name: 'Cut for 3 months',
      nameJa: '3か月停止',
    });
    expect(namesOf('name: [unclosed')).toEqual({});
  });
});

describe('per-product loss chart', () => {
  it('draws the p5–p95 range of what remains short as a floating bar over a transparent p5 base', () => {
    const labels = { lost: 'lost', replaced: 'replaced', unmet: 'unmet', band: 'band' } as Parameters<
      typeof productLossChart
    >[1];
    const p = product('811292', [[10, 4, 0, 6]], { unmet: { value: 6, p5: 2, p50: 6, p95: 9 } });
    const option = productLossChart([p], labels) as {
      series: { name: string; stack?: string; data: number[] }[];
    };
    const byName = Object.fromEntries(option.series.map((s) => [s.name, s]));
    expect(byName.lost.data).toEqual([10]);
    expect(byName.replaced.data).toEqual([4]);
    expect(byName['unmet p5'].data).toEqual([2]);
    expect(byName['unmet band'].data).toEqual([7]); // 9 − 2
    expect(byName['unmet p5'].stack).toBe(byName['unmet band'].stack);
  });
});

describe('economy timelines', () => {
  it('draws total and sector output over the same weeks of days, lines from the axis', () => {
    // 15 days: weeks start on days 0, 7 and 14; sector b falls furthest, so it is drawn first.
    const days = (v: number) => Array.from({ length: 15 }, () => v);
    const economy = {
      timeline: { central: days(0.9), p5: days(0.8), p95: days(1) },
      sectorTimeline: [days(0.95), days(0.5)],
      sectors: [{ code: 'a' }, { code: 'b' }],
    } as unknown as NonNullable<ScenarioRunResult['economy']>;
    const labels = { day: 'day', relativeOutput: 'output', central: 'central', band: 'band' } as Parameters<
      typeof outputTimelineChart
    >[1];
    const sectors = sectorTimelineChart(economy, (code) => code, labels) as { series: { name: string }[] };
    expect(sectors.series.map((x) => x.name)).toEqual(['b', 'a']);
    const axes = [outputTimelineChart(economy, labels), sectors].map((o) => (o as { xAxis: unknown }).xAxis);
    for (const axis of axes) {
      expect(axis).toEqual({
        type: 'category',
        name: 'day',
        nameLocation: 'middle',
        nameGap: 26,
        data: ['0', '7', '14'],
        boundaryGap: false,
      });
    }
  });
});
