import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/tmp.ts';
import {
  alertQuery,
  backtestStrips,
  codeList,
  distinctThresholds,
  formatIndicator,
  itemChartOption,
  monthRange,
  usualBand,
} from '../../web/src/features/ews/shape.ts';
import { formatMonth } from '../../web/src/features/ews/months.ts';
import type { ItemSeries, RecordedEvent } from '../../web/src/features/ews/types.ts';
import { buildPanel, type MonthlyRow } from '../../src/analysis/ews/panel.ts';
import { computeIndicators } from '../../src/analysis/ews/indicators.ts';
import { defaultRuleSet } from '../../src/analysis/ews/rules.ts';
import { backtest } from '../../src/analysis/ews/backtest.ts';
import { seedEvents } from '../../src/data/ews/scanFile.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';

/** The EWS pages' pure shaping (web/src/features/ews/shape.ts). */
describe('EWS web shaping', () => {
  it('month ranges cross years; months and indicators are written per locale', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange('2024-01', '2024-01')).toEqual(['2024-01']);
    expect(monthRange('2017-01', '2023-12').length).toBe(7 * 12);
    expect(formatMonth('2023-12', 'ja')).toBe('2023年12月');
    expect(formatMonth('2023-12', 'en')).toBe('Dec 2023');
    expect(formatIndicator(-5.0789, 'z', 'en')).toBe('-5.08');
    expect(formatIndicator(-0.2, 'share', 'en')).toBe('-20.0%');
    expect(formatIndicator(0.15234, 'HHI', 'ja')).toBe('0.152');
    expect(formatIndicator(3, 'months', 'en')).toBe('3');
    expect(formatIndicator(12345.678, '×', 'en')).toBe('12,345.68');
    expect(formatIndicator(null, 'z', 'en')).toBe('—');
  });

  it('inbox filters become the API query; empty ones are left out; partners upper-cased', () => {
    expect(
      alertQuery({ level: '4', status: '', partner: ' kor ', from: '2023-12', page: 2 }, 25).toString(),
    ).toBe('level=4&partner=KOR&from=2023-12&page=2&pageSize=25');
    expect(alertQuery({}, 50).toString()).toBe('page=1&pageSize=50');
    expect(codeList(' 2504, 250410  380110,', false)).toEqual(['2504', '250410', '380110']);
    expect(codeList('usa, kor', true)).toEqual(['USA', 'KOR']);
  });

  const series: ItemSeries = {
    partner: 'KOR',
    periods: ['2023-10', '2023-11', '2023-12'],
    value: [100, 120, 10],
    expected: [90, 110, 100],
    thresholds: [
      { rule: 'value-surge', z: 3, values: [200, 220, 210] },
      { rule: 'value-collapse', z: -3, values: [40, 50, 45] },
      { rule: 'front-loading-strong', z: 3, values: [200, 220, 210] },
      { rule: 'collapse-after-control', z: -1.5, values: [60, 70, 65] },
      { rule: 'value-volume-collapse', z: -3.5, values: [null, 44, 40] },
    ],
    valueZ: [0.3, 0.2, -5.1],
    points: [
      {
        period: '2023-12',
        level: 4,
        rules: ['collapse-after-control-severe'],
        explanation: { ja: '', en: '' },
      },
    ],
  };
  const event: RecordedEvent = {
    id: 'cn-2023-graphite',
    country: 'CHN',
    hs: ['2504'],
    targets: [],
    announced: '2023-10-20',
    effective: '2023-12-01',
    title: { ja: '黒鉛', en: 'graphite' },
    source: 'x',
    seed: true,
    marking: { level: 0, compartments: [], releasableTo: null },
  };

  it('thresholds are merged by z; the band runs between the thresholds nearest to ±3', () => {
    expect(distinctThresholds(series).map((t) => [t.z, t.rules])).toEqual([
      [-3.5, ['value-volume-collapse']],
      [-3, ['value-collapse']],
      [-1.5, ['collapse-after-control']],
      [3, ['value-surge', 'front-loading-strong']],
    ]);
    const band = usualBand(series)!;
    expect([band.low, band.high]).toEqual([-3, 3]);
    expect(band.lower).toEqual([40, 50, 45]);
  });

  it('the item chart stacks the band, marks the alert month at its value and the event at its effective month', () => {
    const option = itemChartOption(series, [event], ['2023-12'], {
      value: '金額（十億円）',
      baseline: 'baseline',
      band: 'band',
      threshold: (rules, z) => `${rules.join('+')} ${z}`,
      level: (l) => `level ${l}`,
      stored: 'stored',
      event: (e) => e.title.en,
      number: (v) => new Intl.NumberFormat('ja', { maximumFractionDigits: 1 }).format(v),
    }) as {
      series: { name: string; type: string; data: unknown[]; markLine?: { data: { xAxis: string }[] } }[];
      tooltip: { valueFormatter: (v: unknown) => string };
      yAxis: { axisLabel: { formatter: (v: unknown) => string } };
    };
    // Values in the reader's locale, gaps as a dash: 11,906,419.346114386 → "11,906,419.3".
    expect(option.tooltip.valueFormatter(11906419.346114386)).toBe('11,906,419.3');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
    expect(option.yAxis.axisLabel.formatter(2500000)).toBe('2,500,000');
    const byName = (n: string) => option.series.filter((s) => s.name === n);
    // Band: lower edge, then the width upper − lower (200−40, 220−50, 210−45).
    expect(byName('band').map((s) => s.data)).toEqual([
      [40, 50, 45],
      [160, 170, 165],
    ]);
    expect(byName('level 4')[0]).toMatchObject({ type: 'scatter', data: [[2, 10]] });
    expect(byName('level 1')).toEqual([]);
    expect(byName('stored')[0].data).toEqual([[2, 10]]);
    expect(byName('金額（十億円）')[0].markLine!.data.map((d) => d.xAxis)).toEqual(['2023-12']);
    // The value axis is named with the series' unit, as the legend and tooltip are.
    expect((option as unknown as { yAxis: { name: string } }).yAxis.name).toBe('金額（十億円）');
    expect(option.series.filter((s) => s.type === 'line' && s.name.includes(' ')).length).toBe(4);
    // Lines on the band's edges and beyond start hidden; the inner −1.5 line (after a control) is shown.
    expect((option as unknown as { legend: { selected: Record<string, boolean> } }).legend.selected).toEqual({
      'value-volume-collapse -3.5': false,
      'value-collapse -3': false,
      'value-surge+front-loading-strong 3': false,
    });
  });

  it('backtest strips on China’s graphite exports: per-rule months add up to the alerts the report lists', () => {
    const lines = fs
      .readFileSync(
        path.join(sharedData, 'monthly/china-critical-minerals/country_monthly_stats.csv'),
        'utf8',
      )
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.includes(',Graphite,'));
    const rows: MonthlyRow[] = lines.map((l) => {
      const c = l.split(',');
      return {
        reporter: 'CHN',
        partner: resolveCountry(c[6])?.iso3 ?? c[6],
        hs: '2504',
        flow: 'export',
        period: c[0].slice(0, 7),
        value: Number(c[1]),
        quantity: Number(c[2]),
        unit: 'kg',
      };
    });
    const panel = buildPanel(rows, { missing: 'zero' });
    const ind = computeIndicators(panel, defaultRuleSet.parameters);
    const { report } = backtest(panel, ind, defaultRuleSet, {
      events: seedEvents(),
      quiet: { from: '2020-01', to: '2022-12' },
    });
    const shaped = backtestStrips(report);
    expect(shaped.months[0]).toBe(report.periods.from);
    expect(shaped.months.at(-1)).toBe(report.periods.to);
    for (const [i, r] of report.rules.entries()) {
      const strip = shaped.strips[i];
      expect(strip.counts.reduce((a, b) => a + b, 0)).toBe(r.when.length);
      expect(strip.capped).toBe(r.alerts > 200);
      // In the quiet period: the strip's cells from Jan 2020 to Dec 2022.
      const q0 = shaped.months.indexOf('2020-01');
      expect(strip.inQuiet).toBe(strip.counts.slice(q0, q0 + 36).reduce((a, b) => a + b, 0));
      // Counted independently: alerts of this rule in the month with the most of them.
      const perMonth = new Map<string, number>();
      for (const w of r.when) perMonth.set(w.period, (perMonth.get(w.period) ?? 0) + 1);
      expect(Math.max(0, ...strip.counts)).toBe(Math.max(0, ...perMonth.values()));
    }
    // docs/ews.md: the severe collapse after the graphite control falls in Dec 2023.
    const severe = shaped.strips.find((s) => s.rule === 'collapse-after-control-severe')!;
    expect(severe.first).toBe('2023-12');
    expect(severe.counts[shaped.months.indexOf('2023-12')]).toBeGreaterThan(0);
  });
});
