import type { BacktestReport, ItemSeries, Level, RecordedEvent } from './types.ts';

/**
 * Pure shaping of /api/ews answers for the pages: no React, no fetch, so it is unit-tested
 * (test/web/ewsShape.test.ts).
 */

/** Level colours (dark enough for white text on 3/4, dark text on 1/2) and a symbol per level, so a level is never told by colour alone. */
export const levelStyle: Record<Level, { colour: string; symbol: string; glyph: string }> = {
  1: { colour: '#0969da', symbol: 'circle', glyph: '●' },
  2: { colour: '#9a6700', symbol: 'rect', glyph: '■' },
  3: { colour: '#bc4c00', symbol: 'triangle', glyph: '▲' },
  4: { colour: '#a40e26', symbol: 'diamond', glyph: '◆' },
};

/** Month strings YYYY-MM from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let m = index(from); m <= index(to); m++) {
    out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** An indicator value in its unit: shares and ratios as percentages, HHI to 3 decimals, months whole, z to 2. */
export function formatIndicator(value: number | null, unit: string | undefined, lang: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const n = (v: number, digits: number, style: 'decimal' | 'percent' = 'decimal') =>
    new Intl.NumberFormat(lang, {
      style,
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(v);
  if (unit === 'share' || unit === 'ratio') return n(value, 1, 'percent');
  if (unit === 'HHI') return n(value, 3);
  if (unit === 'months') return n(value, 0);
  return n(value, 2);
}

/** Comparison operators as printed: ≥ ≤ > <. */
export function opSymbol(op: string): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : op;
}

/** The inbox filters as the query of GET /api/ews/alerts (empty fields left out). */
export interface InboxFilters {
  level?: string;
  minLevel?: string;
  status?: string;
  itemId?: string;
  partner?: string;
  from?: string;
  to?: string;
  page?: number;
}

export function alertQuery(filters: InboxFilters, pageSize: number): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['level', 'minLevel', 'status', 'itemId', 'partner', 'from', 'to'] as const) {
    const v = filters[key]?.trim();
    if (v) q.set(key, key === 'partner' ? v.toUpperCase() : v);
  }
  q.set('page', String(filters.page ?? 1));
  q.set('pageSize', String(pageSize));
  return q;
}

/** Distinct z thresholds of the rules on value, each with the rules using it, sorted by z. */
export function distinctThresholds(
  series: ItemSeries,
): { z: number; rules: string[]; values: (number | null)[] }[] {
  const byZ = new Map<number, { z: number; rules: string[]; values: (number | null)[] }>();
  for (const t of series.thresholds) {
    const found = byZ.get(t.z);
    if (found) found.rules.push(t.rule);
    else byZ.set(t.z, { z: t.z, rules: [t.rule], values: t.values });
  }
  return [...byZ.values()].sort((a, b) => a.z - b.z);
}

/**
 * The usual range drawn as a band: between the negative and the positive threshold nearest to ±3 robust σ
 * (the level-1 rules of the default set), or null without both.
 */
export function usualBand(
  series: ItemSeries,
): { low: number; high: number; lower: (number | null)[]; upper: (number | null)[] } | null {
  const all = distinctThresholds(series);
  const nearest = (list: typeof all, target: number) =>
    list.reduce<(typeof all)[number] | null>(
      (best, t) => (!best || Math.abs(t.z - target) < Math.abs(best.z - target) ? t : best),
      null,
    );
  const low = nearest(
    all.filter((t) => t.z < 0),
    -3,
  );
  const high = nearest(
    all.filter((t) => t.z > 0),
    3,
  );
  if (!low || !high) return null;
  return { low: low.z, high: high.z, lower: low.values, upper: high.values };
}

export interface ItemChartTexts {
  value: string;
  baseline: string;
  band: string;
  threshold: (rules: string[], z: number) => string;
  level: (level: Level) => string;
  stored: string;
  event: (e: RecordedEvent) => string;
  /** A value in the reader's locale (the series' own unit: no conversion). */
  number: (value: number) => string;
}

/** ECharts' value formatter over a locale formatter: gaps (null) as a dash. */
function valueFormatter(number: (value: number) => string) {
  return (value: unknown) => (typeof value === 'number' ? number(value) : '—');
}

/** Months of the series in which something is marked: rule hits by level, stored alerts, event dates. */
export function itemChartOption(
  series: ItemSeries,
  events: RecordedEvent[],
  storedPeriods: string[],
  texts: ItemChartTexts,
): Record<string, unknown> {
  const periods = series.periods;
  const at = (p: string) => periods.indexOf(p);
  const band = usualBand(series);
  const lines: Record<string, unknown>[] = [];
  if (band) {
    // Stacked pair: an invisible lower edge, then (upper − lower) filled: the band between the two thresholds.
    lines.push({
      name: texts.band,
      type: 'line',
      stack: 'band',
      data: band.lower,
      symbol: 'none',
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
      silent: true,
    });
    lines.push({
      name: texts.band,
      type: 'line',
      stack: 'band',
      data: band.upper.map((u, i) =>
        u === null || band.lower[i] === null ? null : u - (band.lower[i] as number),
      ),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: 'rgba(9, 105, 218, 0.12)' },
      tooltip: { show: false },
      silent: true,
    });
  }
  // Threshold lines on the band's edges or beyond it start hidden (the band shows them; toggled in the legend).
  const hidden: Record<string, boolean> = {};
  for (const t of distinctThresholds(series)) {
    if (band && (t.z <= band.low || t.z >= band.high)) hidden[texts.threshold(t.rules, t.z)] = false;
    lines.push({
      name: texts.threshold(t.rules, t.z),
      type: 'line',
      data: t.values,
      symbol: 'none',
      lineStyle: { type: 'dotted', width: 1, color: t.z < 0 ? '#cf222e' : '#8250df' },
      itemStyle: { color: t.z < 0 ? '#cf222e' : '#8250df' },
    });
  }
  lines.push({
    name: texts.baseline,
    type: 'line',
    data: series.expected,
    symbol: 'none',
    lineStyle: { type: 'dashed', color: '#57606a' },
    itemStyle: { color: '#57606a' },
  });
  const eventMarks = events.flatMap((e) =>
    [e.effective.slice(0, 7)]
      .filter((p) => at(p) >= 0)
      .map((p) => ({
        xAxis: p,
        name: texts.event(e),
        label: { formatter: texts.event(e), position: 'insideEndTop' },
      })),
  );
  lines.push({
    name: texts.value,
    type: 'line',
    data: series.value,
    symbol: 'none',
    lineStyle: { width: 2, color: '#0a3069' },
    itemStyle: { color: '#0a3069' },
    markLine: eventMarks.length
      ? { symbol: 'none', lineStyle: { color: '#1a7f37', type: 'solid', width: 2 }, data: eventMarks }
      : undefined,
  });
  for (const level of [1, 2, 3, 4] as Level[]) {
    const data = series.points
      .filter((p) => p.level === level && at(p.period) >= 0)
      .map((p) => [at(p.period), series.value[at(p.period)]]);
    if (data.length === 0) continue;
    lines.push({
      name: texts.level(level),
      type: 'scatter',
      data,
      symbol: levelStyle[level].symbol,
      symbolSize: 8 + level * 2,
      itemStyle: { color: levelStyle[level].colour },
      z: 5,
    });
  }
  const stored = storedPeriods.filter((p) => at(p) >= 0).map((p) => [at(p), series.value[at(p)]]);
  if (stored.length) {
    lines.push({
      name: texts.stored,
      type: 'scatter',
      data: stored,
      symbol: 'circle',
      symbolSize: 22,
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#1b1f24', borderWidth: 2 },
      z: 6,
    });
  }
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(texts.number) },
    legend: { type: 'scroll', top: 0, selected: hidden },
    grid: { left: 96, right: 20, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: {
      type: 'value',
      scale: false,
      name: texts.value,
      nameLocation: 'middle',
      nameGap: 80,
      axisLabel: { formatter: valueFormatter(texts.number) },
    },
    series: lines,
  };
}

/** A simple price line (the related commodity price of an item). */
export function priceChartOption(
  periods: string[],
  values: (number | null)[],
  name: string,
  number: (value: number) => string,
): Record<string, unknown> {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(number) },
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: valueFormatter(number) } },
    series: [{ name, type: 'line', data: values, symbol: 'none', lineStyle: { color: '#6639ba' } }],
  };
}

/** Per rule, the number of alerts in each month of the history: the backtest's heat strip. */
export interface BacktestStrip {
  rule: string;
  level: number;
  alerts: number;
  counts: number[];
  /** True when the report lists only the first months (the API keeps at most 200 per rule). */
  capped: boolean;
  /** Alerts of the rule inside the quiet period (any series), null without one. */
  inQuiet: number | null;
  first: string | null;
  last: string | null;
}

export function backtestStrips(report: BacktestReport): {
  months: string[];
  strips: BacktestStrip[];
  max: number;
} {
  const months = monthRange(report.periods.from, report.periods.to);
  const index = new Map(months.map((m, i) => [m, i]));
  let max = 0;
  const strips = report.rules.map((r) => {
    const counts = new Array<number>(months.length).fill(0);
    for (const w of r.when) {
      const i = index.get(w.period);
      if (i !== undefined) max = Math.max(max, ++counts[i]);
    }
    const quiet = report.quiet;
    return {
      rule: r.rule,
      level: r.level,
      alerts: r.alerts,
      counts,
      inQuiet: quiet ? r.when.filter((w) => w.period >= quiet.from && w.period <= quiet.to).length : null,
      capped: r.when.length < r.alerts,
      first: r.when[0]?.period ?? null,
      last: r.when.at(-1)?.period ?? null,
    };
  });
  return { months, strips, max };
}

/** Comma-separated codes from a form field: trimmed, upper-cased where asked, empties dropped. */
export function codeList(text: string, upper = false): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim()))
    .filter(Boolean);
}
