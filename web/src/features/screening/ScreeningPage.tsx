import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { href, navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import { ExportsInUsd } from '../../format/currency.tsx';
import { chapterCodes, chapterOptionText } from './chapters.ts';
import { MethodPresets } from './MethodPresets.tsx';
import { ScreenAllJob } from './ScreenAllJob.tsx';
import { ScreenTable } from './ScreenTable.tsx';
import {
  clientPage,
  defaultsQuery,
  exportQuery,
  formatThresholdsParam,
  nextSort,
  pageCount,
  pageSize,
  parseScreenState,
  screenRouteQuery,
  sortValue,
  tableRequest,
  type ScreenState,
} from './screenState.ts';
import type { CountsResponse, Lang, MethodThresholds, ScreenResponse } from './types.ts';
import { nameOf, useScreeningReference, type ScreeningReference } from './useScreeningReference.ts';
import './texts.ts';
import './screening.css';

/** #/screen?reporter=JPN&year=2024&method=eu2021: the supply-chain screen of one reporter and year (PRODUCT.md §3.2). */
export function ScreeningPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const { reference, error } = useScreeningReference();
  if (error) return <p role="alert">{t('error.load', { message: error })}</p>;
  if (!reference) return <p role="status">{t('screening.loading')}</p>;
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
  return <Screening reference={reference} state={parseScreenState(route.query)} />;
}

function Screening({ reference, state }: { reference: ScreeningReference; state: ScreenState }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const year =
    state.year && reference.years.includes(state.year)
      ? state.year
      : reference.years[reference.years.length - 1];
  const go = (next: Partial<ScreenState>) =>
    navigate(['screen'], screenRouteQuery({ ...state, year, page: 1, ...next }));
  const names = nameOf(reference, lang);

  const request = tableRequest(state, year);
  const requestKey = request.params.toString();
  const [data, setData] = useState<ScreenResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLoadError(null);
    (async () => {
      // A chapter with a word search is filtered here, over every page of the word search.
      const first = await api<ScreenResponse>(`/screens?${requestKey}`);
      let items = first.items;
      for (let page = 2; request.inPage && items.length < first.total; page++) {
        const p = new URLSearchParams(requestKey);
        p.set('page', String(page));
        items = items.concat((await api<ScreenResponse>(`/screens?${p}`)).items);
      }
      return { ...first, items };
    })()
      .then((r) => live && setData(r))
      .catch((e: Error) => live && setLoadError(e.message));
    return () => {
      live = false;
    };
    // Runs when the request changes (requestKey names it), not on every render's new objects.
  }, [requestKey]);

  const [defaults, setDefaults] = useState<MethodThresholds | null>(null);
  const defaultsKey = defaultsQuery(state, year);
  useEffect(() => {
    let live = true;
    api<CountsResponse>(`/screens/counts?${defaultsKey}`)
      .then((r) => live && setDefaults(r.provenance.thresholds))
      .catch(() => live && setDefaults(null));
    return () => {
      live = false;
    };
  }, [defaultsKey]);

  const shown = (() => {
    if (!data) return null;
    if (request.empty) return { items: [], total: 0 };
    if (request.inPage) {
      return clientPage(data.items, {
        chapter: request.clientChapter,
        sort: state.sort,
        order: state.order,
        page: state.page,
        value: sortValue(lang, names),
        lang,
      });
    }
    return { items: data.items, total: data.total };
  })();
  const methodInfo = data?.methods.find((m) => m.id === state.method);
  const methodName = methodInfo ? (lang === 'ja' ? methodInfo.nameJa : methodInfo.nameEn) : state.method;
  const provenance = data && {
    ...data.provenance,
    method: methodName,
    thresholds: data.provenance.thresholds[state.method] ?? {},
  };

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

      <Filters reference={reference} state={state} lang={lang} methodName={methodName} go={go} />

      {loadError && <p role="alert">{t('screening.error', { message: loadError })}</p>}
      {!data && !loadError && <p role="status">{t('screening.loading')}</p>}
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
          <Pager state={state} total={shown.total} go={(page) => go({ page })} />
          <p className="exports">
            <strong>{t('screening.export')}:</strong>{' '}
            <a
              href={`/api/screens/export?${exportQuery(state, year, 'csv')}`}
              download
              data-testid="export-csv"
            >
              {t('screening.exportCsv')}
            </a>{' '}
            ·{' '}
            <a
              href={`/api/screens/export?${exportQuery(state, year, 'xlsx')}`}
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

function ScreenControls({
  reference,
  state,
  year,
  lang,
  go,
}: {
  reference: ScreeningReference;
  state: ScreenState;
  year: number;
  lang: Lang;
  go: (next: Partial<ScreenState>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const byName = (a: { en: string; ja: string }, b: { en: string; ja: string }) =>
    a[lang].localeCompare(b[lang], lang);
  const known =
    reference.countries.some((c) => c.iso3 === state.reporter) ||
    reference.groups.some((g) => g.id === state.reporter);
  return (
    <div className="controls">
      <label htmlFor={`${id}-reporter`}>{t('screening.reporter')}</label>{' '}
      <select
        id={`${id}-reporter`}
        value={state.reporter}
        onChange={(e) => go({ reporter: e.target.value, partner: '' })}
      >
        {!known && <option value={state.reporter}>{state.reporter}</option>}
        <optgroup label={t('screening.groups')}>
          {[...reference.groups].sort(byName).map((g) => (
            <option key={g.id} value={g.id}>
              {g[lang]} ({g.id})
            </option>
          ))}
        </optgroup>
        <optgroup label={t('screening.countries')}>
          {[...reference.countries].sort(byName).map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]} ({c.iso3})
            </option>
          ))}
        </optgroup>
      </select>{' '}
      <label htmlFor={`${id}-year`}>{t('screening.year')}</label>{' '}
      <select id={`${id}-year`} value={year} onChange={(e) => go({ year: Number(e.target.value) })}>
        {[...reference.years].reverse().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({
  reference,
  state,
  lang,
  methodName,
  go,
}: {
  reference: ScreeningReference;
  state: ScreenState;
  lang: Lang;
  methodName: string;
  go: (next: Partial<ScreenState>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const timer = setTimeout(() => go({ q }), 400);
    return () => clearTimeout(timer);
    // Only the typed text restarts the timer.
  }, [q]);
  const countries = [...reference.countries].sort((a, b) => a[lang].localeCompare(b[lang], lang));
  return (
    <fieldset className="filters">
      <legend>{t('screening.filters')}</legend>
      <span>
        <input
          id={`${id}-critical`}
          type="checkbox"
          checked={state.critical}
          onChange={(e) => go({ critical: e.target.checked })}
        />{' '}
        <label htmlFor={`${id}-critical`}>{t('screening.critical')}</label>
      </span>
      <span>
        <input
          id={`${id}-flagged`}
          type="checkbox"
          checked={state.flagged}
          onChange={(e) => go({ flagged: e.target.checked })}
        />{' '}
        <label htmlFor={`${id}-flagged`}>{t('screening.flagged', { method: methodName })}</label>
      </span>
      <span>
        <label htmlFor={`${id}-chapter`}>{t('screening.chapter')}</label>{' '}
        <select id={`${id}-chapter`} value={state.chapter} onChange={(e) => go({ chapter: e.target.value })}>
          <option value="">{t('screening.allChapters')}</option>
          {(reference.chapters.length > 0
            ? reference.chapters
            : chapterCodes.map((code) => ({ code, en: '', ja: '' }))
          ).map((c) => (
            <option key={c.code} value={c.code} title={c[lang] || undefined}>
              {chapterOptionText(c.code, c[lang])}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-partner`}>{t('screening.partner')}</label>{' '}
        <select id={`${id}-partner`} value={state.partner} onChange={(e) => go({ partner: e.target.value })}>
          <option value="">{t('screening.anyPartner')}</option>
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]} ({c.iso3})
            </option>
          ))}
        </select>
      </span>
      <span className="search">
        <label htmlFor={`${id}-q`}>{t('screening.search')}</label>{' '}
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go({ q });
          }}
        />
      </span>
    </fieldset>
  );
}

function Pager({ state, total, go }: { state: ScreenState; total: number; go: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = pageCount(total);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('screening.page', { page: state.page, pages })}>
      <button type="button" onClick={() => go(state.page - 1)} disabled={state.page <= 1}>
        {t('screening.prev')}
      </button>{' '}
      <span>{t('screening.page', { page: state.page, pages })}</span>{' '}
      <button type="button" onClick={() => go(state.page + 1)} disabled={state.page >= pages}>
        {t('screening.next')}
      </button>
    </nav>
  );
}
