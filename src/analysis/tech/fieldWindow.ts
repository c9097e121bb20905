import { concentration, type Concentration } from './concentration.ts';
import { rta, slopePerYear, type PatentCount, type PublishedWorld } from './rta.ts';
import { logLinearTrend } from '../trend.ts';

/**
 * A technology field (or several taken together) over the last `windowYears` years of patent counts: RTA of
 * every country each year, world concentration, and world growth. Countries are those with an all-field count
 * (field `total` when present, else the sum over the fields — then the fields must be a partition), so that
 * the field share and the total share are taken over the same world.
 *
 * The world of the RTA (P_wf, Σ_f P_wf; see rta.ts) is `published` — the publisher's World rows — when those
 * rows cover the field(s) and the all-field count in every year of the window, else the `sum` over the
 * countries (also on request). One basis for the whole window, so that the RTA trend does not jump between
 * them. Shares, concentration and growth stay over the countries: they rank countries against each other.
 */
export interface PatentYearCount extends PatentCount {
  year: number;
}

/** A World row of the source: the publisher's count of every patent of the office in a field and year. */
export interface WorldYearCount {
  field: string;
  year: number;
  count: number;
}

export type WorldBasis = 'published' | 'sum';
export const worldBases: readonly WorldBasis[] = ['published', 'sum'];

export interface FieldWindowOptions {
  /** World rows of the same source (kind 'world'); none: the world is the sum over the countries. */
  worldRows?: readonly WorldYearCount[];
  /** The world wanted for the RTA; default 'published' (used where the World rows allow it). */
  world?: WorldBasis;
}

export interface FieldYear {
  year: number;
  /** Country → patents in the field(s). */
  counts: Map<string, number>;
  /** Country → RTA (null without patents). */
  rta: Map<string, number | null>;
  concentration: Concentration;
  /** Patents of the countries in the field(s) and in all fields (shares, concentration, growth). */
  world: number;
  allFields: number;
  /** The publisher's World counts of the year, null when its rows do not cover the field(s) and the total. */
  publishedWorld: { field: number; allFields: number } | null;
}

export interface FieldWindow {
  years: FieldYear[];
  /** The world the RTA was computed over: the one requested, and the one used (sum when not published). */
  worldBasis: { requested: WorldBasis; used: WorldBasis };
  /** Annual growth of world patenting in the field(s) by log-linear least squares over the window. */
  growth: number | null;
  growthAll: number | null;
}

export const totalField = 'total';

/** The publisher's World counts of one year for `fields` and for all fields; null if a row is missing. */
function publishedWorldOf(
  worldRows: readonly WorldYearCount[],
  year: number,
  fields: ReadonlySet<string>,
  allFields: ReadonlySet<string>,
): FieldYear['publishedWorld'] {
  const byField = new Map<string, number>();
  for (const r of worldRows) if (r.year === year) byField.set(r.field, r.count);
  const sum = (set: ReadonlySet<string>) => {
    let total = 0;
    for (const f of set) {
      const c = byField.get(f);
      if (c === undefined) return null;
      total += c;
    }
    return total;
  };
  const field = sum(fields);
  const all = sum(allFields);
  return field === null || all === null ? null : { field, allFields: all };
}

export function fieldWindow(
  rows: readonly PatentYearCount[],
  fieldList: readonly string[],
  windowYears: number,
  options: FieldWindowOptions = {},
): FieldWindow | null {
  const fields = new Set(fieldList);
  const present = [...new Set(rows.filter((r) => fields.has(r.field)).map((r) => r.year))].sort(
    (a, b) => a - b,
  );
  if (present.length === 0) return null;
  const hasTotals = rows.some((r) => r.field === totalField);
  const requested = options.world ?? 'published';
  const base = present.slice(-windowYears).map((year) => {
    const counts = new Map<string, number>();
    const totals = new Map<string, number>();
    const fieldsOfYear = new Set<string>();
    for (const r of rows) {
      if (r.year !== year) continue;
      fieldsOfYear.add(r.field);
      if (fields.has(r.field)) counts.set(r.country, (counts.get(r.country) ?? 0) + r.count);
      if (hasTotals ? r.field === totalField : true)
        totals.set(r.country, (totals.get(r.country) ?? 0) + r.count);
    }
    if (hasTotals) for (const c of [...counts.keys()]) if (!totals.has(c)) counts.delete(c);
    for (const c of totals.keys()) if (!counts.has(c)) counts.set(c, 0);
    // All fields of the world: the World row of `total`, else Σ over the fields the countries have (a partition).
    const allFieldsOfWorld = hasTotals ? new Set([totalField]) : fieldsOfYear;
    const publishedWorld = options.worldRows
      ? publishedWorldOf(options.worldRows, year, fields, allFieldsOfWorld)
      : null;
    return { year, counts, totals, publishedWorld };
  });
  const used: WorldBasis =
    requested === 'published' && base.every((y) => y.publishedWorld !== null) ? 'published' : 'sum';
  const years = base.map(({ year, counts, totals, publishedWorld }): FieldYear => {
    const list = [...counts].map(([country, count]) => ({ country, field: 'f', count }));
    let allFields = 0;
    for (const t of totals.values()) allFields += t;
    const world: PublishedWorld | undefined =
      used === 'published'
        ? { fields: new Map([['f', publishedWorld!.field]]), allFields: publishedWorld!.allFields }
        : undefined;
    const amounts = list.map((c) => ({ country: c.country, amount: c.count }));
    return {
      year,
      counts,
      rta: new Map(rta(list, totals, world).map((c) => [c.country, c.rta])),
      concentration: concentration(amounts),
      world: amounts.reduce((s, a) => s + a.amount, 0),
      allFields,
      publishedWorld,
    };
  });
  return {
    years,
    worldBasis: { requested, used },
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
