import type { ChartOption } from '../../components/Chart.tsx';
import type { Provenance } from '../../components/provenance.ts';
import type { ProductResult, ScenarioComparisonResponse, ScenarioRunResult } from './types.ts';

/**
 * Pure shaping of scenario results for tables and charts (no React, no fetch), so it can be unit-tested.
 * Trade figures stay in thousand USD; formatting is the page's business.
 */
export interface MonthRow {
  month: number;
  lost: number;
  replaced: number;
  stockDrawn: number;
  unmet: number;
}

/** Shortfall over months, summed over products: lost = replaced + drawn from stock + unmet, month by month. */
export function monthlyShortfall(result: ScenarioRunResult): MonthRow[] {
  const rows = new Map<number, MonthRow>();
  for (const p of result.products) {
    for (const m of p.months) {
      let row = rows.get(m.month);
      if (!row) rows.set(m.month, (row = { month: m.month, lost: 0, replaced: 0, stockDrawn: 0, unmet: 0 }));
      row.lost += m.lost;
      row.replaced += m.replaced;
      row.stockDrawn += m.stockDrawn;
      row.unmet += m.unmet;
    }
  }
  return [...rows.values()].sort((a, b) => a.month - b.month);
}

/** Products by direct loss, largest first (ties by code, so the order is stable). */
export function productsByLoss(result: ScenarioRunResult): ProductResult[] {
  return [...result.products].sort(
    (a, b) => b.lost.value - a.lost.value || a.product.localeCompare(b.product),
  );
}

export interface SurvivalRow {
  product: string;
  /** Months until the stock runs out; null = not within the horizon. */
  timeToSurvive: number | null;
  timeToRecover: number;
  binding: boolean;
  bindingProbability: number;
  /** 1-based place among the binding products (the first to run short first); null when it does not bind. */
  bindingRank: number | null;
}

/**
 * Time to survive vs time to recover per product (Simchi-Levi et al. 2014): binding products first, in the
 * API's order (the first to run short first), then the others by the margin TTS − TTR.
 */
export function survivalRows(result: ScenarioRunResult): SurvivalRow[] {
  const rank = new Map(result.bindingProducts.map((p, i) => [p, i + 1]));
  const rows = result.products.map((p) => ({
    product: p.product,
    timeToSurvive: p.timeToSurvive.value,
    timeToRecover: p.timeToRecover.value,
    binding: p.binding,
    bindingProbability: p.bindingProbability,
    bindingRank: rank.get(p.product) ?? null,
  }));
  const margin = (r: SurvivalRow) => (r.timeToSurvive ?? Infinity) - r.timeToRecover;
  return rows.sort((a, b) => {
    if (a.bindingRank !== null || b.bindingRank !== null)
      return (a.bindingRank ?? Infinity) - (b.bindingRank ?? Infinity);
    return margin(a) - margin(b) || a.product.localeCompare(b.product);
  });
}

export interface SubstitutionRow {
  product: string;
  lost: number;
  replaced: number;
  unmet: number;
  /** Share of the loss replaced, 0–1 (null when nothing was lost). */
  replacedShare: number | null;
  from: { partner: string; en: string; ja: string; value: number; likeMinded: boolean }[];
}

/** What is replaced, from whom, and what remains short, per product with a loss. */
export function substitutionRows(result: ScenarioRunResult): SubstitutionRow[] {
  return productsByLoss(result)
    .filter((p) => p.lost.value > 0)
    .map((p) => ({
      product: p.product,
      lost: p.lost.value,
      replaced: p.replaced.value,
      unmet: p.unmet.value,
      replacedShare: p.lost.value > 0 ? p.replaced.value / p.lost.value : null,
      from: [...p.replacedFrom]
        .sort((a, b) => b.value - a.value)
        .map((x) => ({
          partner: x.partner,
          en: x.en,
          ja: x.ja,
          value: x.value,
          likeMinded: x.likeMinded === true,
        })),
    }));
}

/** Daily series averaged over weeks (a year's 365 days → 53 points) so the chart stays readable. */
export function weekly(series: number[]): { day: number; value: number }[] {
  const out: { day: number; value: number }[] = [];
  for (let start = 0; start < series.length; start += 7) {
    const week = series.slice(start, start + 7);
    out.push({ day: start, value: week.reduce((s, v) => s + v, 0) / week.length });
  }
  return out;
}

export interface Labels {
  month: string;
  day: string;
  lost: string;
  replaced: string;
  stockDrawn: string;
  unmet: string;
  central: string;
  band: string;
  timeToSurvive: string;
  timeToRecover: string;
  relativeOutput: string;
}

/** Stacked bars per month (replaced + stock + unmet = lost) with the lost line on top. */
export function shortfallChart(rows: MonthRow[], labels: Labels): ChartOption {
  const months = rows.map((r) => String(r.month + 1));
  const bar = (name: string, key: keyof MonthRow, color: string) => ({
    name,
    type: 'bar',
    stack: 'supply',
    itemStyle: { color },
    data: rows.map((r) => r[key]),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', name: labels.month, nameLocation: 'middle', nameGap: 26, data: months },
    yAxis: { type: 'value', name: 'kUSD' },
    series: [
      bar(labels.replaced, 'replaced', '#2da44e'),
      bar(labels.stockDrawn, 'stockDrawn', '#bf8700'),
      bar(labels.unmet, 'unmet', '#cf222e'),
      { name: labels.lost, type: 'line', data: rows.map((r) => r.lost), itemStyle: { color: '#24292f' } },
    ],
  };
}

/**
 * A central line with its p5–p95 band: the band is drawn as p5 (transparent) with p95 − p5 stacked on it, the
 * usual ECharts confidence-band idiom.
 */
export function bandSeries(
  central: number[],
  p5: number[],
  p95: number[],
  names: { central: string; band: string },
  color = '#0969da',
) {
  return [
    {
      name: `${names.band} p5`,
      type: 'line',
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      data: p5,
      silent: true,
    },
    {
      name: names.band,
      type: 'line',
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: 0.2 },
      data: p95.map((v, i) => v - p5[i]),
      silent: true,
    },
    { name: names.central, type: 'line', symbol: 'none', itemStyle: { color }, data: central },
  ];
}

/** The x axis of the daily timelines: days since the shock, lines starting at the axis. */
function dayAxis(name: string, days: string[]) {
  return {
    type: 'category' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 26,
    data: days,
    boundaryGap: false,
  };
}

/** Total output relative to baseline over days (ARIO), central run with the Monte Carlo p5–p95 band, weekly. */
export function outputTimelineChart(
  economy: NonNullable<ScenarioRunResult['economy']>,
  labels: Labels,
): ChartOption {
  const central = weekly(economy.timeline.central);
  const p5 = weekly(economy.timeline.p5).map((r) => r.value * 100);
  const p95 = weekly(economy.timeline.p95).map((r) => r.value * 100);
  const x = central.map((r) => String(r.day));
  const series = bandSeries(
    central.map((r) => r.value * 100),
    p5,
    p95,
    labels,
  );
  // At least 99–100 %: a flat line at 100 % (no loss) must not get an axis of rounding noise.
  const low = Math.min(99, Math.floor(Math.min(...p5, ...central.map((r) => r.value * 100))));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.central, labels.band] },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: dayAxis(labels.day, x),
    yAxis: { type: 'value', name: labels.relativeOutput, min: low, max: 100 },
    series,
  };
}

/** Per-sector output relative to baseline (central run), weekly; the sectors that fall furthest are drawn. */
export function sectorTimelineChart(
  economy: NonNullable<ScenarioRunResult['economy']>,
  sectorName: (code: string) => string,
  labels: Labels,
  top = 6,
): ChartOption {
  const worst = economy.sectorTimeline
    .map((days, i) => ({ i, low: Math.min(...days) }))
    .sort((a, b) => a.low - b.low)
    .slice(0, top);
  const x = weekly(economy.sectorTimeline[0] ?? []).map((r) => String(r.day));
  const low = Math.min(99, Math.floor(Math.min(...worst.map((w) => w.low * 100))));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: dayAxis(labels.day, x),
    yAxis: {
      type: 'value',
      name: labels.relativeOutput,
      min: low,
      max: Math.max(100, ...worst.map(({ i }) => Math.ceil(Math.max(...economy.sectorTimeline[i]) * 100))),
    },
    series: worst.map(({ i }) => ({
      name: sectorName(economy.sectors[i].code),
      type: 'line',
      symbol: 'none',
      data: weekly(economy.sectorTimeline[i]).map((r) => r.value * 100),
    })),
  };
}

/** TTS vs TTR bars per product (months); a product not running short within the horizon is drawn at the horizon. */
export function survivalChart(rows: SurvivalRow[], horizon: number, labels: Labels, top = 15): ChartOption {
  const shown = rows.slice(0, top);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: shown.map((r) => r.product) },
    yAxis: {
      type: 'value',
      name: labels.month,
      max: Math.max(horizon, ...shown.map((r) => r.timeToRecover)),
    },
    series: [
      {
        name: labels.timeToSurvive,
        type: 'bar',
        itemStyle: { color: '#bf8700' },
        data: shown.map((r) => r.timeToSurvive ?? horizon),
      },
      {
        name: labels.timeToRecover,
        type: 'bar',
        itemStyle: { color: '#0969da' },
        data: shown.map((r) => r.timeToRecover),
      },
    ],
  };
}

export type ComparisonMetric = ScenarioComparisonResponse['comparison']['totals'][number]['metric'];

/** A compared run's column heading: the scenario's name in the user's language and the run's short id. */
export function comparisonColumnName(
  response: ScenarioComparisonResponse,
  i: number,
  lang: 'ja' | 'en',
): string {
  const c = response.comparison.columns[i];
  return `${lang === 'ja' && c.nameJa ? c.nameJa : c.name} (${c.label.slice(0, 8)})`;
}

/** Comparison totals as a chart: one group of bars per metric, one bar per run. */
export function comparisonChart(
  response: ScenarioComparisonResponse,
  columnName: (i: number) => string,
  metricName: (m: ComparisonMetric) => string,
): ChartOption {
  const c = response.comparison;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 80, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: c.totals.map((t) => metricName(t.metric)) },
    yAxis: { type: 'value', name: 'kUSD' },
    series: c.columns.map((_, i) => ({
      name: columnName(i),
      type: 'bar',
      data: c.totals.map((t) => t.values[i].value),
    })),
  };
}

/**
 * Direct loss, replaced and remaining short per product (central run), with the Monte Carlo p5–p95 range of
 * what remains short drawn as a floating bar (a transparent p5 base with p95 − p5 stacked on it).
 */
export function productLossChart(products: ProductResult[], labels: Labels, top = 15): ChartOption {
  const shown = products.slice(0, top);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.lost, labels.replaced, labels.unmet, `${labels.unmet} ${labels.band}`] },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: shown.map((p) => p.product) },
    yAxis: { type: 'value', name: 'kUSD' },
    series: [
      {
        name: labels.lost,
        type: 'bar',
        itemStyle: { color: '#24292f' },
        data: shown.map((p) => p.lost.value),
      },
      {
        name: labels.replaced,
        type: 'bar',
        itemStyle: { color: '#2da44e' },
        data: shown.map((p) => p.replaced.value),
      },
      {
        name: labels.unmet,
        type: 'bar',
        itemStyle: { color: '#cf222e' },
        data: shown.map((p) => p.unmet.value),
      },
      {
        name: `${labels.unmet} p5`,
        type: 'bar',
        stack: 'unmetRange',
        itemStyle: { color: 'transparent' },
        silent: true,
        data: shown.map((p) => p.unmet.p5),
      },
      {
        name: `${labels.unmet} ${labels.band}`,
        type: 'bar',
        stack: 'unmetRange',
        itemStyle: { color: 'rgba(207, 34, 46, 0.3)' },
        data: shown.map((p) => p.unmet.p95 - p.unmet.p5),
      },
    ],
  };
}

/** Every source a result read, for the provenance footer (trade, IO table, sea network), methods attached. */
export function resultProvenance(result: ScenarioRunResult): Provenance[] {
  const p = result.provenance;
  return [p.trade, p.ioTable, p.seaNetwork].filter((x) => x !== undefined);
}
