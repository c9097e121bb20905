import { useTranslation } from 'react-i18next';
import { pickerLabels, ReporterYearSelects } from '../../components/ReporterYearSelects.tsx';
import type { Reference } from '../../reference/useReference.ts';
import type { ScreenState } from './screenState.ts';
import type { Lang } from './types.ts';

/** The screen's reporter (a country or a group) and year, newest year first. */
export function ScreenControls({
  reference,
  state,
  year,
  lang,
  go,
}: {
  reference: Reference;
  state: ScreenState;
  year: number;
  lang: Lang;
  go: (next: Partial<ScreenState>) => void;
}) {
  const { t } = useTranslation();
  return (
    <ReporterYearSelects
      className="controls"
      labels={pickerLabels(t, 'screening')}
      reference={reference}
      years={[...reference.years].reverse()}
      reporter={state.reporter}
      year={year}
      lang={lang}
      onReporter={(reporter) => go({ reporter, partner: '' })}
      onYear={(y) => go({ year: y })}
    />
  );
}
