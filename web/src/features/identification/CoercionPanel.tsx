import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import { defaultTradeYears } from '../../reference/defaultTrade.ts';
import { AlternativesTable } from './AlternativesTable.tsx';
import type { Lang } from './types.ts';

interface CoercionQuery {
  reporter: string;
  coercer: string;
  year: number;
  direction: 'exports' | 'imports';
}

/**
 * Coercion exposure: for each product the reporter exports (or imports), the share going to (or coming from) the
 * potential coercer and how replaceable that market is; a product's alternative markets on demand.
 */
export function CoercionPanel() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const datasets = useGet('GET /api/datasets');
  const years = datasets.data ? defaultTradeYears(datasets.data) : null;
  const [query, setQuery] = useState<CoercionQuery | null>(null);
  const [hs6, setHs6] = useState<string | null>(null);
  const report = useGetWhen(query !== null, 'GET /api/identification/coercion', { query: { ...query } });
  const error = useFormError([], report.error, datasets.error);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const usd = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const share = (v: number | null) => (v === null ? '—' : pct.format(v));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    setHs6(null);
    setQuery({
      reporter: String(data.get('reporter')).trim(),
      coercer: String(data.get('coercer')).trim(),
      year: Number(data.get('year')),
      direction: data.get('direction') === 'imports' ? 'imports' : 'exports',
    });
  };
  const r = report.data;
  return (
    <div>
      <h3>{t('ident.coercion.title')}</h3>
      <p>{t('ident.coercion.intro')}</p>
      <form onSubmit={submit} aria-label={t('ident.coercion.title')} className="form-row">
        <label>
          {t('ident.coercion.reporter')}
          <input name="reporter" defaultValue="JPN" required minLength={2} maxLength={64} />
        </label>
        <label>
          {t('ident.coercion.coercer')}
          <input name="coercer" defaultValue="CHN" required minLength={2} maxLength={64} />
        </label>
        <label>
          {t('ident.coercion.year')}
          <input
            key={years?.at(-1) ?? 'none'}
            name="year"
            type="number"
            required
            min={1950}
            max={2100}
            defaultValue={years?.at(-1)}
          />
        </label>
        <label>
          {t('ident.coercion.direction')}
          <select name="direction" defaultValue="exports">
            <option value="exports">{t('ident.coercion.directions.exports')}</option>
            <option value="imports">{t('ident.coercion.directions.imports')}</option>
          </select>
        </label>
        <button type="submit">{t('ident.coercion.run')}</button>
      </form>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {report.loading && <p aria-live="polite">{t('ident.loading')}</p>}
      {r && !report.loading && (
        <section aria-live="polite" data-testid="ident-coercion">
          <p>
            {t('ident.coercion.summary', {
              products: r.counts.products,
              reliant: r.counts.reliant,
              hard: r.counts.hardToReplace,
              atRisk: r.counts.atRisk,
              usd: usd.format(r.atRiskUsd),
            })}{' '}
            <MarkingBadge marking={r.marking} />
          </p>
          {r.notes.map((n, i) => (
            <p key={i}>
              <small>{n[lang]}</small>
            </p>
          ))}
          <table>
            <TableHead
              columns={[
                t('ident.coercion.product'),
                figureColumn(t('ident.coercion.value')),
                figureColumn(t('ident.coercion.share')),
                figureColumn(t('ident.coercion.absorption')),
                figureColumn(t('ident.coercion.hhi')),
                figureColumn(t('ident.coercion.rca')),
                t('ident.coercion.flags'),
                '',
              ]}
            />
            <tbody>
              {r.items.map((p) => (
                <tr key={p.hs6} className={p.atRisk ? 'ident-at-risk' : undefined}>
                  <td>
                    {p.hs6} {lang === 'ja' ? p.labelJa : p.labelEn}
                  </td>
                  <td className="num">{usd.format(p.valueUsd)}</td>
                  <td className="num">{share(p.coercerShare)}</td>
                  <td className="num">{share(p.absorption)}</td>
                  <td className="num">{p.alternativeHhi === null ? '—' : p.alternativeHhi.toFixed(3)}</td>
                  <td className="num">{p.rca === null ? '—' : p.rca.toFixed(2)}</td>
                  <td>
                    {[
                      p.reliant && t('ident.coercion.reliant'),
                      p.hardToReplace && t('ident.coercion.hardToReplace'),
                      p.atRisk && t('ident.coercion.atRisk'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    <button type="button" onClick={() => setHs6(p.hs6)}>
                      {t('ident.coercion.alternatives')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ProvenanceFooter
            money
            provenance={{
              ...r.provenance,
              method: t('ident.coercion.method'),
              thresholds: r.parameters,
            }}
          />
          {hs6 && query && <AlternativesTable query={{ ...query, hs6 }} />}
        </section>
      )}
    </div>
  );
}
