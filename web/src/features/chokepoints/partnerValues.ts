import { isoNumericKeyOf, namesByIsoNumeric } from '../../reference/isoNumeric.ts';
import type { CountryRef } from '../../reference/reference.ts';
import type { ExposureResponse, Lang } from './types.ts';

/**
 * Choropleth values for the map, in thousand USD per partner keyed by ISO numeric: with closed straits the import
 * value affected by the closure, otherwise the sea-borne import value (rules sea and sea_quantity_unknown).
 * Partners without an ISO numeric code (BACI-only areas) are left off the map; their figures stay in the tables.
 */
export function partnerValuesByIsoNumeric(
  report: ExposureResponse | null,
  countries: readonly Pick<CountryRef, 'iso3' | 'isoNumeric' | 'en' | 'ja'>[],
  lang: Lang,
): { values: Record<string, number>; names: Record<string, string> } {
  const values: Record<string, number> = {};
  const names = namesByIsoNumeric(countries, lang);
  if (!report) return { values, names };
  const keyOf = isoNumericKeyOf(countries);
  for (const p of report.partners) {
    const key = keyOf(p.partner);
    if (key === undefined) continue;
    const v = report.scenario
      ? (p.scenario?.affectedValueKusd ?? 0)
      : (p.byRule.sea ?? 0) + (p.byRule.sea_quantity_unknown ?? 0);
    if (v > 0) values[key] = (values[key] ?? 0) + v;
  }
  return { values, names };
}
