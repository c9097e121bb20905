import { concentration, type Concentration } from './concentration.ts';
import { rta, slopePerYear, type PatentCount } from './rta.ts';
import { logLinearTrend } from '../trend.ts';

/**
 * A technology field (or several taken together) over the last `windowYears` years of patent counts: RTA of
 * every country each year, world concentration, and world growth. Countries are those with an all-field count
 * (field `total` when present, else the sum over the fields — then the fields must be a partition), so that
 * the field share and the total share are taken over the same world.
 */
export interface PatentYearCount extends PatentCount {
  year: number;
}

export interface FieldYear {
  year: number;
  /** Country → patents in the field(s). */
  counts: Map<string, number>;
  /** Country → RTA (null without patents). */
  rta: Map<string, number | null>;
  concentration: Concentration;
  /** World patents in the field(s) and in all fields. */
  world: number;
  allFields: number;
}

export interface FieldWindow {
  years: FieldYear[];
  /** Annual growth of world patenting in the field(s) by log-linear least squares over the window. */
  growth: number | null;
  growthAll: number | null;
}

export const totalField = 'total';

export function fieldWindow(
  rows: readonly PatentYearCount[],
  fieldList: readonly string[],
  windowYears: number,
): FieldWindow | null {
  const fields = new Set(fieldList);
  const present = [...new Set(rows.filter((r) => fields.has(r.field)).map((r) => r.year))].sort(
    (a, b) => a - b,
  );
  if (present.length === 0) return null;
  const hasTotals = rows.some((r) => r.field === totalField);
  const years = present.slice(-windowYears).map((year): FieldYear => {
    const counts = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const r of rows) {
      if (r.year !== year) continue;
      if (fields.has(r.field)) counts.set(r.country, (counts.get(r.country) ?? 0) + r.count);
      if (hasTotals ? r.field === totalField : true)
        totals.set(r.country, (totals.get(r.country) ?? 0) + r.count);
    }
    if (hasTotals) for (const c of [...counts.keys()]) if (!totals.has(c)) counts.delete(c);
    for (const c of totals.keys()) if (!counts.has(c)) counts.set(c, 0);
    const list = [...counts].map(([country, count]) => ({ country, field: 'f', count }));
    let allFields = 0;
    for (const t of totals.values()) allFields += t;
    const amounts = list.map((c) => ({ country: c.country, amount: c.count }));
    return {
      year,
      counts,
      rta: new Map(rta(list, totals).map((c) => [c.country, c.rta])),
      concentration: concentration(amounts),
      world: amounts.reduce((s, a) => s + a.amount, 0),
      allFields,
    };
  });
  return {
    years,
    growth: logLinearTrend(years.map((y) => ({ year: y.year, value: y.world }))).growth,
    growthAll: logLinearTrend(years.map((y) => ({ year: y.year, value: y.allFields }))).growth,
  };
}

/** OLS slope per year of a country's RTA over the window. */
export function rtaTrendOf(w: FieldWindow, country: string): number | null {
  return slopePerYear(w.years.map((y) => ({ year: y.year, value: y.rta.get(country) ?? null })));
}

/** One row per country in the last year: patents, world share, RTA and its trend, ranked by patents. */
export function rtaTable(w: FieldWindow) {
  const last = w.years[w.years.length - 1];
  return [...last.counts]
    .map(([country, count]) => ({
      country,
      count,
      share: last.world > 0 ? count / last.world : null,
      rta: last.rta.get(country) ?? null,
      rtaTrend: rtaTrendOf(w, country),
    }))
    .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
}
