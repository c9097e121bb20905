import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReporterInput } from '../../components/ReporterInput.tsx';
import { YearInput } from '../../components/YearInput.tsx';
import type { CountryRef } from '../../reference/reference.ts';
import type { ExposureFilter } from './exposureView.ts';
import type { Lang } from './types.ts';

/** The reporter (suggested from the countries), year and product of the exposure report, applied on submit. */
export function ExposureFilterForm({
  filter,
  countries,
  lang,
  onApply,
}: {
  filter: ExposureFilter;
  countries: readonly CountryRef[];
  lang: Lang;
  onApply: (filter: ExposureFilter) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ reporter: filter.reporter, year: String(filter.year), hs: filter.hs });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...filter,
      reporter: form.reporter.trim().toUpperCase(),
      year: Number(form.year),
      hs: form.hs.trim(),
    });
  };
  return (
    <form onSubmit={submit} className="filters">
      <label>
        {t('chokepoints.reporter')}{' '}
        <ReporterInput
          value={form.reporter}
          size={6}
          onChange={(reporter) => setForm({ ...form, reporter })}
          countries={countries}
          listId="chokepoint-countries"
          lang={lang}
        />
      </label>
      <label>
        {t('chokepoints.year')}{' '}
        <YearInput value={form.year} onChange={(year) => setForm({ ...form, year })} />
      </label>
      <label>
        {t('chokepoints.product')}{' '}
        <input
          name="hs"
          value={form.hs}
          size={8}
          pattern="[0-9]{2,6}"
          onChange={(e) => setForm({ ...form, hs: e.target.value })}
        />
      </label>
      <button type="submit">{t('chokepoints.apply')}</button>
    </form>
  );
}
