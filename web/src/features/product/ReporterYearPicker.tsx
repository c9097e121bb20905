import { useTranslation } from 'react-i18next';
import { pickerLabels, ReporterYearSelects } from '../../components/ReporterYearSelects.tsx';
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
    <ReporterYearSelects
      className="picker no-print"
      labels={pickerLabels(t, 'product')}
      reference={reference}
      years={years}
      reporter={reporter}
      year={year}
      lang={lang}
      onReporter={(r) => onChange(r, year)}
      onYear={(y) => onChange(reporter, y)}
    />
  );
}
