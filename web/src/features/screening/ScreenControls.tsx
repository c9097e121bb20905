import { useTranslation } from 'react-i18next';
import { ReporterSelect } from '../../components/ReporterSelect.tsx';
import { YearSelect } from '../../components/YearSelect.tsx';
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
    <div className="controls">
      <ReporterSelect
        label={t('screening.reporter')}
        groupsLabel={t('screening.groups')}
        countriesLabel={t('screening.countries')}
        value={state.reporter}
        onChange={(reporter) => go({ reporter, partner: '' })}
        countries={reference.countries}
        groups={reference.groups}
        lang={lang}
      />{' '}
      <YearSelect
        label={t('screening.year')}
        years={[...reference.years].reverse()}
        value={year}
        onChange={(y) => go({ year: y })}
      />
    </div>
  );
}
