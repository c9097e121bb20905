import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { href, navigate } from '../../router/router.ts';
import { namer } from '../../reference/names.ts';
import { useReference, type Reference } from '../../reference/useReference.ts';
import type { ViewProps } from '../../views.ts';
import { ExportsInUsd } from '../../format/CurrencyNote.tsx';
import { MethodPresets } from './MethodPresets.tsx';
import { ScreenAllJob } from './ScreenAllJob.tsx';
import { ScreenControls } from './ScreenControls.tsx';
import { ScreenFilters } from './ScreenFilters.tsx';
import { ScreenPager } from './ScreenPager.tsx';
import { ScreenTable } from './ScreenTable.tsx';
import {
  exportQuery,
  formatThresholdsParam,
  nextSort,
  pageSize,
  parseScreenState,
  screenRouteQuery,
  type ScreenState,
} from './screenState.ts';
import type { HsChapter, Lang } from './types.ts';
import { useScreen } from './useScreen.ts';
import './texts.ts';
import './screening.css';
import { apiUrl } from '../../api/client.ts';
import { ShareButton } from '../sharing/ShareButton.tsx';

/** #/screen?reporter=JPN&year=2024&method=eu2021: the supply-chain screen of one reporter and year (PRODUCT.md §3.2). */
export function ScreeningPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const { reference, error } = useReference();
  // Titles only name the chapters: without a nomenclature (404) the filter still works on bare codes.
  const chapters = useGet('GET /api/hs/chapters');
  if (error) return <p role="alert">{t('error.load', { message: error })}</p>;
  if (!reference || chapters.loading) return <p role="status">{t('screening.loading')}</p>;
  if (!reference.hasTrade || reference.years.length === 0) {
    return (
      <section aria-labelledby="screening-heading">
        <h2 id="screening-heading">{t('screening.title')}</h2>
        <p>{t('screening.empty')}</p>
        <p>
          <a href={href([])}>{t('screening.emptyHome')}</a>
        </p>
      </section>
    );
  }
  return (
    <Screening
      reference={reference}
      chapters={chapters.data?.items ?? []}
      state={parseScreenState(route.query)}
    />
  );
}

function Screening({
  reference,
  chapters,
  state,
}: {
  reference: Reference;
  chapters: HsChapter[];
  state: ScreenState;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const year =
    state.year && reference.years.includes(state.year)
      ? state.year
      : reference.years[reference.years.length - 1];
  const go = (next: Partial<ScreenState>) =>
    navigate(['screen'], screenRouteQuery({ ...state, year, page: 1, ...next }));
  const names = namer(reference.countries, reference.groups, lang);
  const { data, shown, error, methodName, provenance, defaults } = useScreen(state, year, lang, names);

  return (
    <section className="screening" aria-labelledby="screening-heading">
      {data?.provenance.synthetic && (
        <p className="banner synthetic" role="status">
          {t('provenance.synthetic')}
        </p>
      )}
      <h2 id="screening-heading">
        {t('screening.title')} {data && <MarkingBadge marking={data.marking} />}
      </h2>
      {data && (
        <ShareButton
          kind="screen"
          source={{
            reporter: state.reporter,
            year: String(year),
            ...(state.method ? { method: state.method } : {}),
            ...(data.provenance.dataset ? { dataset: data.provenance.dataset } : {}),
          }}
          title={`${t('screening.title')} ${state.reporter} ${year}`}
        />
      )}
      <p className="intro">{t('screening.intro')}</p>

      <ScreenControls reference={reference} state={state} year={year} lang={lang} go={go} />

      <MethodPresets
        methods={data?.methods ?? []}
        counts={data?.counts ?? null}
        selected={state.method}
        defaults={defaults}
        overrides={state.thresholds}
        onSelect={(method) => go({ method })}
        onThresholds={(thresholds) => go({ thresholds })}
      />

      <ScreenFilters
        countries={reference.countries}
        chapters={chapters}
        state={state}
        lang={lang}
        methodName={methodName}
        go={go}
      />

      {error && <p role="alert">{t('screening.error', { message: error })}</p>}
      {!data && !error && <p role="status">{t('screening.loading')}</p>}
      {data && shown && (
        <>
          <p
            className="summary"
            role="status"
            data-testid="screen-summary"
            data-total={shown.total}
            data-screened={data.screened}
          >
            {t('screening.summary', {
              total: formatNumber(shown.total, lang, 0),
              screened: formatNumber(data.screened, lang, 0),
            })}
            {shown.total > 0 &&
              ` · ${t('screening.summaryRows', {
                from: (state.page - 1) * pageSize + 1,
                to: Math.min(state.page * pageSize, shown.total),
                total: shown.total,
              })}`}
          </p>
          {shown.items.length === 0 ? (
            <p>{t('screening.none')}</p>
          ) : (
            <ScreenTable
              items={shown.items}
              state={state}
              year={year}
              reporterName={names(data.reporter)}
              methods={data.methods}
              nameOf={names}
              onSort={(key) => go(nextSort(state, key))}
            />
          )}
          <ScreenPager state={state} total={shown.total} go={(page) => go({ page })} />
          <p className="exports">
            <strong>{t('screening.export')}:</strong>{' '}
            <a
              href={apiUrl('GET /api/screens/export', { query: exportQuery(state, year, 'csv') })}
              download
              data-testid="export-csv"
            >
              {t('screening.exportCsv')}
            </a>{' '}
            ·{' '}
            <a
              href={apiUrl('GET /api/screens/export', { query: exportQuery(state, year, 'xlsx') })}
              download
              data-testid="export-xlsx"
            >
              {t('screening.exportXlsx')}
            </a>
            <ExportsInUsd />
          </p>
        </>
      )}

      <ScreenAllJob year={year} thresholds={formatThresholdsParam(state.thresholds)} />

      <ProvenanceFooter provenance={provenance || undefined} money />
    </section>
  );
}
