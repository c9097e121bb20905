import { useId } from 'react';
import { byName, currentCountries } from '../reference/names.ts';
import type { CountryRef, GroupRef } from '../reference/reference.ts';

/**
 * The reporter picker: a labelled select of country groups (EU27, G7, …) and the countries that still exist, each
 * by name in the user's language with its code; a reporter the lists do not know stays selectable as its code.
 */
export function ReporterSelect({
  label,
  groupsLabel,
  countriesLabel,
  value,
  onChange,
  countries,
  groups,
  lang,
}: {
  label: string;
  groupsLabel: string;
  countriesLabel: string;
  value: string;
  onChange: (reporter: string) => void;
  countries: readonly CountryRef[];
  groups: readonly GroupRef[];
  lang: 'ja' | 'en';
}) {
  const id = useId();
  const offered = currentCountries(countries, lang);
  const known = offered.some((c) => c.iso3 === value) || groups.some((g) => g.id === value);
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        <optgroup label={groupsLabel}>
          {[...groups].sort(byName(lang)).map((g) => (
            <option key={g.id} value={g.id}>
              {g[lang]} ({g.id})
            </option>
          ))}
        </optgroup>
        <optgroup label={countriesLabel}>
          {offered.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]} ({c.iso3})
            </option>
          ))}
        </optgroup>
      </select>
    </>
  );
}
