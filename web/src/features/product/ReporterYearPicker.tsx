import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from './useReference.ts';
import type { Lang } from './types.ts';

/** Reporter (country or group such as EU27, G7) and year, as labelled selects; used by the dossier and the country view. */
export function ReporterYearPicker({
  reference,
  reporter,
  year,
  onChange,
}: {
  reference: Reference;
  reporter: string;
  year: number;
  onChange: (reporter: string, year: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const id = useId();
  const byName = (a: { en: string; ja: string }, b: { en: string; ja: string }) =>
    a[lang].localeCompare(b[lang], lang);
  const countries = reference.countries.filter((c) => c.kind !== 'historical').sort(byName);
  const groups = [...reference.groups].sort(byName);
  const years = reference.years.includes(year)
    ? reference.years
    : [...reference.years, year].sort((a, b) => a - b);
  return (
    <div className="picker no-print">
      <label htmlFor={`${id}-reporter`}>{t('product.reporter')}</label>{' '}
      <select id={`${id}-reporter`} value={reporter} onChange={(e) => onChange(e.target.value, year)}>
        <optgroup label={t('product.groups')}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g[lang]} ({g.id})
            </option>
          ))}
        </optgroup>
        <optgroup label={t('product.countries')}>
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]} ({c.iso3})
            </option>
          ))}
        </optgroup>
      </select>{' '}
      <label htmlFor={`${id}-year`}>{t('product.year')}</label>{' '}
      <select id={`${id}-year`} value={year} onChange={(e) => onChange(reporter, Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
