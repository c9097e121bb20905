import { useTranslation } from 'react-i18next';
import { ReporterSelect } from '../../components/ReporterSelect.tsx';
import { YearSelect } from '../../components/YearSelect.tsx';
import type { Reference } from '../../reference/useReference.ts';
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
  const years = reference.years.includes(year)
    ? reference.years
    : [...reference.years, year].sort((a, b) => a - b);
  return (
    <div className="picker no-print">
      <ReporterSelect
        label={t('product.reporter')}
        groupsLabel={t('product.groups')}
        countriesLabel={t('product.countries')}
        value={reporter}
        onChange={(r) => onChange(r, year)}
        countries={reference.countries}
        groups={reference.groups}
        lang={lang}
      />{' '}
      <YearSelect
        label={t('product.year')}
        years={years}
        value={year}
        onChange={(y) => onChange(reporter, y)}
      />
    </div>
  );
}
