import type { CountryRef, GroupRef } from './reference.ts';

type Lang = 'ja' | 'en';
type Named = Pick<CountryRef, 'en' | 'ja'>;

/** A country's or group's name in the user's language (the code itself when unknown). */
export function namer(
  countries: readonly Pick<CountryRef, 'iso3' | 'en' | 'ja'>[],
  groups: readonly Pick<GroupRef, 'id' | 'en' | 'ja'>[],
  lang: Lang,
): (code: string) => string {
  const names = new Map<string, string>();
  for (const c of countries) names.set(c.iso3, c[lang]);
  for (const g of groups) names.set(g.id, g[lang]);
  return (code) => names.get(code) ?? code;
}

/** Orders countries or groups by their name in the user's language (its collation: kana in gojūon order). */
export function byName(lang: Lang): (a: Named, b: Named) => number {
  return (a, b) => a[lang].localeCompare(b[lang], lang);
}

/** The countries a reporter picker offers: those that still exist, by name. */
export function currentCountries<C extends Pick<CountryRef, 'kind' | 'en' | 'ja'>>(
  countries: readonly C[],
  lang: Lang,
): C[] {
  return countries.filter((c) => c.kind !== 'historical').sort(byName(lang));
}
