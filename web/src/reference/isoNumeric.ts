import type { CountryRef } from './reference.ts';

/** The fields of a country the world map needs. */
type MapCountry = Pick<CountryRef, 'iso3' | 'isoNumeric' | 'en' | 'ja'>;

/** world-atlas keys countries by the ISO 3166 numeric code as a three-digit string ("004", "392"). */
export function isoNumericKey(n: number): string {
  return String(n).padStart(3, '0');
}

/** Every country's name in the user's language by its map key (the first country listed under a code). */
export function namesByIsoNumeric(
  countries: readonly MapCountry[],
  lang: 'ja' | 'en',
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const c of countries) if (c.isoNumeric != null) names[isoNumericKey(c.isoNumeric)] ??= c[lang];
  return names;
}

/** The map key of each ISO3 code that has one. */
export function isoNumericKeyOf(countries: readonly MapCountry[]): (iso3: string) => string | undefined {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c.isoNumeric]));
  return (iso3) => {
    const n = byIso3.get(iso3);
    return n == null ? undefined : isoNumericKey(n);
  };
}
