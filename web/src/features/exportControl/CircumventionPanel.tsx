import { useState, type FormEvent } from 'react';
import { CaseLink } from './KeepAsCase.tsx';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { useFormError } from '../../components/formErrors.ts';
import { CircumventionTable } from './CircumventionTable.tsx';
import type { Lang } from './types.ts';

interface MonitorQuery {
  target?: string;
  sources?: string;
  list?: string;
  baseYear?: number;
  year?: number;
}

/** The circumvention monitor: the form, the report, and keeping the report as a case. */
export function CircumventionPanel() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const productLists = useGet('GET /api/export-control/product-lists');
  const [query, setQuery] = useState<MonitorQuery | null>(null);
  const report = useGetWhen(query !== null, 'GET /api/export-control/circumvention', { query: { ...query } });
  const [kept, setKept] = useState<string | null>(null);
  const error = useFormError([], report.error, productLists.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    const year = (k: string) => (text(k) ? Number(text(k)) : undefined);
    error.clear();
    setKept(null);
    setQuery({
      target: text('target'),
      sources: text('sources'),
      list: text('list'),
      baseYear: year('baseYear'),
      year: year('year'),
    });
  };
  const keep = () => {
    if (!query) return;
    post('POST /api/export-control/circumvention/reports', { body: { query } })
      .then((c) => setKept(c.id))
      .catch(error.set);
  };
  return (
    <div>
      <h3>{t('ec.circ.title')}</h3>
      <p>{t('ec.circ.intro')}</p>
      <form onSubmit={submit} aria-label={t('ec.circ.title')} className="form-row">
        <label>
          {t('ec.circ.target')}
          <input name="target" defaultValue="RUS" maxLength={100} />
        </label>
        <label>
          {t('ec.circ.sources')}
          <input name="sources" defaultValue="G7" maxLength={60} />
        </label>
        <label>
          {t('ec.circ.list')}
          <select name="list" defaultValue="">
            <option value="">{t('ec.circ.defaultList')}</option>
            {productLists.data?.items.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[lang]} ({l.products.length})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ec.circ.baseYear')}
          <input name="baseYear" type="number" min={1990} max={2100} />
        </label>
        <label>
          {t('ec.circ.year')}
          <input name="year" type="number" min={1990} max={2100} />
        </label>
        <button type="submit">{t('ec.circ.run')}</button>
      </form>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {report.loading && <p aria-live="polite">{t('ec.loading')}</p>}
      {report.data && !report.loading && (
        <>
          <p>
            {kept ? (
              <CaseLink id={kept} />
            ) : (
              <button type="button" onClick={keep}>
                {t('ec.circ.keep')}
              </button>
            )}
          </p>
          <CircumventionTable report={report.data} />
        </>
      )}
    </div>
  );
}
