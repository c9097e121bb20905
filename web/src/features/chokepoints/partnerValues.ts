import type { ExposureResponse, Lang } from './types.ts';

/** The fields of /api/countries the map needs. */
export interface CountryRef {
  iso3: string;
  isoNumeric: number | null;
  en: string;
  ja: string;
}

/** world-atlas keys countries by the ISO 3166 numeric code as a three-digit string ("004", "392"). */
export function isoNumericKey(n: number): string {
  return String(n).padStart(3, '0');
}

/**
 * Choropleth values for the map, in thousand USD per partner keyed by ISO numeric: with closed straits the import
 * value affected by the closure, otherwise the sea-borne import value (rules sea and sea_quantity_unknown).
 * Partners without an ISO numeric code (BACI-only areas) are left off the map; their figures stay in the tables.
 */
export function partnerValuesByIsoNumeric(
  report: ExposureResponse | null,
  countries: readonly CountryRef[],
  lang: Lang,
): { values: Record<string, number>; names: Record<string, string> } {
  const values: Record<string, number> = {};
  const names: Record<string, string> = {};
  for (const c of countries) if (c.isoNumeric != null) names[isoNumericKey(c.isoNumeric)] = c[lang];
  if (!report) return { values, names };
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  for (const p of report.partners) {
    const numeric = byIso3.get(p.partner)?.isoNumeric;
    if (numeric == null) continue;
    const v = report.scenario
      ? (p.scenario?.affectedValueKusd ?? 0)
      : (p.byRule.sea ?? 0) + (p.byRule.sea_quantity_unknown ?? 0);
    if (v > 0) values[isoNumericKey(numeric)] = (values[isoNumericKey(numeric)] ?? 0) + v;
  }
  return { values, names };
}
