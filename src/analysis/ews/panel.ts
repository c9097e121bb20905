import { ChokepointError } from '../../errors.ts';
import { periodIndex, periodString } from './period.ts';

/**
 * A panel of monthly trade series on one calendar: series × months in row-major typed arrays (no object per
 * point), so that a scan over a million series allocates per series at most. A series is one reporter ×
 * partner × product (HS code or a source's product group) × flow.
 */
export type Flow = 'import' | 'export';

export interface MonthlyRow {
  reporter: string;
  partner: string;
  hs: string;
  flow: Flow;
  /** YYYY-MM */
  period: string;
  value: number;
  /** null when the source gives no quantity. */
  quantity: number | null;
  /** Quantity unit (kg, t, …); null when there is no quantity. */
  unit: string | null;
  /** Where the row came from, for error messages. */
  line?: number;
}

export interface SeriesKey {
  reporter: string;
  partner: string;
  hs: string;
  flow: Flow;
}

export interface SeriesGroup {
  /** reporter × product × flow, the partners being its members. */
  reporter: string;
  hs: string;
  flow: Flow;
  /** Series indices of the partner series (aggregates excluded). */
  partners: Int32Array;
  /** Series index of the all-partners total. */
  total: number;
  /** True when the total was summed from the partners because the source had none. */
  derivedTotal: boolean;
}

export interface SeriesPanel {
  /** Month index (year·12 + month − 1) of column 0. */
  start: number;
  months: number;
  series: SeriesKey[];
  units: (string | null)[];
  /** value[i·months + t] */
  value: Float64Array;
  /** NaN where the source gives no quantity. */
  quantity: Float64Array;
  /** 1 for aggregate partners (world, EU), which are not suppliers. */
  aggregate: Uint8Array;
  /** Group of each series. */
  group: Int32Array;
  groups: SeriesGroup[];
}

/** Partner codes that stand for several countries: the world total and the EU. */
export const aggregatePartners: ReadonlySet<string> = new Set(['WLD', 'EUU']);
export const worldPartner = 'WLD';

export interface PanelOptions {
  /** Name of the file the rows came from (for messages). */
  file?: string;
  /** First and last month of the calendar (default: the rows' range). */
  from?: string;
  to?: string;
  /**
   * What a month without a row means. 'zero' (default): no trade, as customs statistics publish only non-zero
   * flows. 'unknown': not reported (NaN), for sources that say so.
   */
  missing?: 'zero' | 'unknown';
}

interface Problem {
  line?: number;
  series: string;
  message: string;
}

const seriesName = (k: SeriesKey) => `${k.reporter}→${k.partner} ${k.hs} ${k.flow}`;

/**
 * Builds a panel from rows. Refuses malformed series with every problem named (file, line, series):
 * a month given twice, a negative value or quantity, quantities in more than one unit.
 */
export function buildPanel(rows: readonly MonthlyRow[], options: PanelOptions = {}): SeriesPanel {
  const file = options.file;
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  const series: SeriesKey[] = [];
  const units: (string | null)[] = [];
  const unitLine: (number | undefined)[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  const periods = new Int32Array(rows.length);
  const seriesOf = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const p = periodIndex(row.period, { file, line: row.line, field: 'period' });
    periods[r] = p;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
    const key = `${row.reporter}\t${row.partner}\t${row.hs}\t${row.flow}`;
    let s = index.get(key);
    if (s === undefined) {
      s = series.length;
      index.set(key, s);
      series.push({ reporter: row.reporter, partner: row.partner, hs: row.hs, flow: row.flow });
      units.push(null);
      unitLine.push(undefined);
    }
    seriesOf[r] = s;
    const name = seriesName(series[s]);
    if (!Number.isFinite(row.value) || row.value < 0) {
      problems.push({
        line: row.line,
        series: name,
        message: `value ${row.value} in ${row.period} is negative or not a number`,
      });
    }
    if (row.quantity !== null && (!Number.isFinite(row.quantity) || row.quantity < 0)) {
      problems.push({
        line: row.line,
        series: name,
        message: `quantity ${row.quantity} in ${row.period} is negative or not a number`,
      });
    }
    if (row.quantity !== null && row.unit) {
      if (units[s] === null) {
        units[s] = row.unit;
        unitLine[s] = row.line;
      } else if (units[s] !== row.unit) {
        problems.push({
          line: row.line,
          series: name,
          message: `mixed units: quantity in ${row.unit} in ${row.period}, but in ${units[s]}${unitLine[s] ? ` on line ${unitLine[s]}` : ''}`,
        });
      }
    }
  }
  if (options.from) lo = Math.min(lo, periodIndex(options.from, { field: 'from' }));
  if (options.to) hi = Math.max(hi, periodIndex(options.to, { field: 'to' }));
  if (rows.length === 0)
    throw new ChokepointError('no_data', 'no monthly rows to build series from', { file });
  const start = lo;
  const months = hi - lo + 1;

  // Groups (reporter × product × flow) and the totals they need; a derived total is appended as a series.
  const groupIndex = new Map<string, number>();
  const groupMembers: number[][] = [];
  const groupTotal: number[] = [];
  const nOriginal = series.length;
  const groupOf: number[] = new Array(nOriginal);
  for (let s = 0; s < nOriginal; s++) {
    const k = series[s];
    const gk = `${k.reporter}\t${k.hs}\t${k.flow}`;
    let g = groupIndex.get(gk);
    if (g === undefined) {
      g = groupMembers.length;
      groupIndex.set(gk, g);
      groupMembers.push([]);
      groupTotal.push(-1);
    }
    groupOf[s] = g;
    if (k.partner === worldPartner) groupTotal[g] = s;
    else if (!aggregatePartners.has(k.partner)) groupMembers[g].push(s);
  }
  const derived: boolean[] = groupTotal.map((t) => t < 0);
  for (let g = 0; g < groupMembers.length; g++) {
    if (groupTotal[g] >= 0) continue;
    const k = series[groupMembers[g][0] ?? 0];
    const s = series.length;
    series.push({ reporter: k.reporter, partner: worldPartner, hs: k.hs, flow: k.flow });
    // A derived total has quantities only when every partner uses the same unit.
    const memberUnits = new Set(groupMembers[g].map((m) => units[m]));
    units.push(memberUnits.size === 1 ? [...memberUnits][0] : null);
    groupOf.push(g);
    groupTotal[g] = s;
  }

  const n = series.length;
  const fill = options.missing === 'unknown' ? NaN : 0;
  const value = new Float64Array(n * months).fill(fill);
  const quantity = new Float64Array(n * months).fill(NaN);
  const hasQuantity = new Uint8Array(n);
  for (let r = 0; r < rows.length; r++) if (rows[r].quantity !== null) hasQuantity[seriesOf[r]] = 1;
  for (let s = 0; s < nOriginal; s++) {
    if (hasQuantity[s]) quantity.fill(fill, s * months, (s + 1) * months);
  }
  const seen = new Int32Array(n * months).fill(-1);
  for (let r = 0; r < rows.length; r++) {
    const s = seriesOf[r];
    const cell = s * months + (periods[r] - start);
    if (seen[cell] >= 0) {
      const first = rows[seen[cell]];
      problems.push({
        line: rows[r].line,
        series: seriesName(series[s]),
        message: `month ${rows[r].period} given twice${first.line ? ` (first on line ${first.line})` : ''}`,
      });
      continue;
    }
    seen[cell] = r;
    value[cell] = rows[r].value;
    if (rows[r].quantity !== null) quantity[cell] = rows[r].quantity as number;
  }
  if (problems.length) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const shown = problems
      .slice(0, 20)
      .map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.series}: ${p.message}`);
    throw new ChokepointError(
      'bad_file',
      `${problems.length} malformed series value(s)${file ? ` in ${file}` : ''}:\n  ${shown.join('\n  ')}` +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''),
      { file, line: problems[0].line },
      problems,
    );
  }

  // Derived totals: sum of the partners; quantity only when all partners report one unit.
  for (let g = 0; g < groupMembers.length; g++) {
    if (!derived[g]) continue;
    const t0 = groupTotal[g] * months;
    const withQuantity = units[groupTotal[g]] !== null && groupMembers[g].every((m) => hasQuantity[m]);
    if (withQuantity) quantity.fill(0, t0, t0 + months);
    for (const m of groupMembers[g]) {
      const m0 = m * months;
      for (let t = 0; t < months; t++) {
        value[t0 + t] += value[m0 + t];
        if (withQuantity) quantity[t0 + t] += quantity[m0 + t];
      }
    }
  }

  const aggregate = new Uint8Array(n);
  for (let s = 0; s < n; s++) if (aggregatePartners.has(series[s].partner)) aggregate[s] = 1;
  const groups: SeriesGroup[] = groupMembers.map((members, g) => {
    const first = series[groupTotal[g]];
    return {
      reporter: first.reporter,
      hs: first.hs,
      flow: first.flow,
      partners: Int32Array.from(members),
      total: groupTotal[g],
      derivedTotal: derived[g],
    };
  });
  return {
    start,
    months,
    series,
    units,
    value,
    quantity,
    aggregate,
    group: Int32Array.from(groupOf),
    groups,
  };
}

export function panelPeriods(panel: SeriesPanel): string[] {
  return Array.from({ length: panel.months }, (_, t) => periodString(panel.start + t));
}

/**
 * A panel from series already laid out in typed arrays (generators, stores that read columns): no row objects.
 * Every group (reporter × product × flow) must include its world total (partner WLD).
 */
export function panelFromSeries(
  series: SeriesKey[],
  start: number,
  months: number,
  value: Float64Array,
  quantity: Float64Array,
  units: (string | null)[],
): SeriesPanel {
  const groupIndex = new Map<string, number>();
  const members: number[][] = [];
  const totals: number[] = [];
  const group = new Int32Array(series.length);
  const aggregate = new Uint8Array(series.length);
  series.forEach((k, s) => {
    const gk = `${k.reporter}\t${k.hs}\t${k.flow}`;
    let g = groupIndex.get(gk);
    if (g === undefined) {
      g = members.length;
      groupIndex.set(gk, g);
      members.push([]);
      totals.push(-1);
    }
    group[s] = g;
    if (aggregatePartners.has(k.partner)) aggregate[s] = 1;
    if (k.partner === worldPartner) totals[g] = s;
    else if (!aggregate[s]) members[g].push(s);
  });
  const groups: SeriesGroup[] = members.map((m, g) => {
    if (totals[g] < 0)
      throw new ChokepointError(
        'bad_input',
        `series group ${[...groupIndex.keys()][g]} has no world total (partner WLD)`,
      );
    const k = series[totals[g]];
    return {
      reporter: k.reporter,
      hs: k.hs,
      flow: k.flow,
      partners: Int32Array.from(m),
      total: totals[g],
      derivedTotal: false,
    };
  });
  return { start, months, series, units, value, quantity, aggregate, group, groups };
}
