import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { Chart } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { ApiError, apiUrl, post } from '../../api/client.ts';
import type { ApiResponses } from '../../api/schema.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import { networkGraphOption } from './networkGraph.ts';

// The graph series is registered here, so only this lazily loaded view carries it.
echarts.use([GraphChart]);

type Problem = { sheet: string; row: number; column: string; message: string; messageJa: string };
type Submitted = ApiResponses['POST /api/network/submissions'];
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** #/network: a company's submission (upload, problems by row and column, own submissions) and the analyses. */
export function NetworkPage(_props: ViewProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  return (
    <section aria-labelledby="network-heading" className="network">
      <h2 id="network-heading">{t('network.title')}</h2>
      <p>{t('network.intro')}</p>
      <SubmitPanel onStored={() => setVersion((v) => v + 1)} />
      <SubmissionList key={`list-${version}`} />
      <AnalysisPanel key={`analysis-${version}`} />
      <HiddenTiersPanel key={`tiers-${version}`} />
    </section>
  );
}

function SubmitPanel({ onStored }: { onStored: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ja = i18n.language.startsWith('ja');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setDone(null);
    setProblems([]);
    setError(null);
    file
      .arrayBuffer()
      .then((buffer) =>
        post('POST /api/network/submissions', {
          body: { fileName: file.name, contentBase64: base64(buffer) },
        }),
      )
      .then((answer) => {
        setDone(answer);
        onStored();
      })
      .catch((e: unknown) => {
        const body = e instanceof ApiError ? (e.body as { problems?: Problem[] } | null) : null;
        if (body?.problems?.length) setProblems(body.problems);
        else setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBusy(false));
  };
  return (
    <div className="network-submit">
      <h3>{t('network.submit.heading')}</h3>
      <p>
        {t('network.submit.template')}:{' '}
        {(['ja', 'en'] as const).flatMap((lang) =>
          (['xlsx', 'csv'] as const).map((format) => (
            <a
              key={`${lang}-${format}`}
              href={apiUrl('GET /api/network/template', { query: { lang, format } })}
              download
            >
              {`${lang.toUpperCase()} ${format.toUpperCase()}`}{' '}
            </a>
          )),
        )}
      </p>
      <form onSubmit={submit}>
        <label>
          {t('network.submit.file')} <input type="file" name="file" accept=".csv,.xlsx" required />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {busy ? t('network.submit.sending') : t('network.submit.send')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {done && (
        <p role="status">
          {t('network.submit.done', { suppliers: done.submission.supplierCount, ...done.matches })}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert">
          <p>{t('network.submit.problems')}</p>
          <table className="network-problems">
            <thead>
              <tr>
                <th>{t('network.col.sheet')}</th>
                <th>{t('network.col.row')}</th>
                <th>{t('network.col.column')}</th>
                <th>{t('network.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet}</td>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{ja ? p.messageJa : p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SubmissionList() {
  const { t } = useTranslation();
  const list = useGet('GET /api/network/submissions');
  return (
    <div>
      <h3>{t('network.mine.heading')}</h3>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('network.mine.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="network-submissions">
          <thead>
            <tr>
              <th>{t('network.col.organisation')}</th>
              <th>{t('network.col.file')}</th>
              <th>{t('network.col.submitted')}</th>
              <th>{t('network.col.suppliers')}</th>
              <th>{t('network.col.current')}</th>
              <th>{t('network.col.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.organisationId}</td>
                <td>
                  {s.sourceName}
                  {s.synthetic ? ' (SYNTHETIC)' : ''}
                </td>
                <td>{s.submittedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{s.supplierCount}</td>
                <td>{s.current ? '✓' : ''}</td>
                <td>
                  <MarkingBadge marking={s.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AnalysisPanel() {
  const { t } = useTranslation();
  const [hs, setHs] = useState('850511');
  const [minShare, setMinShare] = useState(0.2);
  const [tier, setTier] = useState('');
  const [country, setCountry] = useState('');
  const valid = /^\d{6}$/.test(hs);
  const code = valid ? hs : '000000';
  const spof = useGet('GET /api/network/spof', { query: { hs: code, minShare } });
  const concentration = useGet('GET /api/network/concentration', { query: { hs: code } });
  const graph = useGet('GET /api/network/graph', {
    query: { hs: code, tier: tier || undefined, country: /^[A-Z]{3}$/.test(country) ? country : undefined },
  });
  const option = useMemo(() => (graph.data ? networkGraphOption(graph.data) : null), [graph.data]);
  const report = spof.data;
  return (
    <div className="network-analysis">
      <h3>{t('network.analysis.heading')}</h3>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('network.analysis.hs')}{' '}
          <input value={hs} onChange={(e) => setHs(e.target.value.trim())} size={8} aria-invalid={!valid} />
        </label>{' '}
        <label>
          {t('network.analysis.minShare')}{' '}
          <select value={minShare} onChange={(e) => setMinShare(Number(e.target.value))}>
            {[0, 0.05, 0.1, 0.2, 0.3, 0.5].map((v) => (
              <option key={v} value={v}>
                {percent(v)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {spof.error && <p role="alert">{spof.error.message}</p>}
      {report && (
        <>
          {report.synthetic && <p className="network-synthetic">{t('network.synthetic')}</p>}
          <p>
            {report.view === 'ministry'
              ? t('network.analysis.ministry')
              : t('network.analysis.aggregate', { k: report.minCompanies })}{' '}
            {report.companies !== null && t('network.analysis.companies', { count: report.companies })}{' '}
            <MarkingBadge marking={report.marking} />{' '}
            <a href={apiUrl('GET /api/network/spof/export', { query: { hs: code, minShare } })} download>
              {t('network.analysis.export')}
            </a>
          </p>
          {report.rows.length === 0 ? (
            <p>{t('network.analysis.nothing')}</p>
          ) : (
            <table className="network-spof">
              <thead>
                <tr>
                  <th>{t('network.col.kind')}</th>
                  <th>{t('network.col.name')}</th>
                  <th>{t('network.col.country')}</th>
                  <th>{t('network.col.cut')}</th>
                  <th>{t('network.col.direct')}</th>
                  <th>{t('network.col.indirect')}</th>
                  <th>{t('network.col.companies')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.kind}-${r.id}`}>
                    <td>{t(`network.kind.${r.kind}`)}</td>
                    <td>{r.name}</td>
                    <td>{r.country ?? ''}</td>
                    <td>{percent(r.cut)}</td>
                    <td>{percent(r.direct)}</td>
                    <td>{percent(r.indirect)}</td>
                    <td>{r.companies}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h3>{t('network.concentration.heading')}</h3>
      {concentration.data && concentration.data.rows.length === 0 && <p>{t('network.concentration.none')}</p>}
      {concentration.data && concentration.data.rows.length > 0 && (
        <table className="network-concentration">
          <thead>
            <tr>
              <th>{t('network.col.kind')}</th>
              <th>{t('network.col.name')}</th>
              <th>{t('network.col.companies')}</th>
              <th>{t('network.col.tier1s')}</th>
              <th>{t('network.col.dependence')}</th>
            </tr>
          </thead>
          <tbody>
            {concentration.data.rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <td>{t(`network.kind.${r.kind}`)}</td>
                <td>{r.name}</td>
                <td>{r.companies}</td>
                <td>{r.tier1s}</td>
                <td>{percent(r.dependence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('network.graph.heading')}</h3>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('network.graph.tier')}{' '}
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">{t('network.graph.all')}</option>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('network.graph.country')}{' '}
          <input
            value={country}
            onChange={(e) => setCountry(e.target.value.trim().toUpperCase())}
            size={4}
            placeholder="CHN"
          />
        </label>
      </form>
      {graph.data?.truncated && <p>{t('network.graph.truncated')}</p>}
      {option && graph.data && graph.data.edges.length > 0 && (
        <Chart option={option} height={480} label={t('network.graph.label')} />
      )}
    </div>
  );
}

/** Estimated tier-2 countries behind a tier-1 supplier in a country (an estimate, with its basis). */
function HiddenTiersPanel() {
  const { t, i18n } = useTranslation();
  const [hs, setHs] = useState('850511');
  const [country, setCountry] = useState('VNM');
  const [year, setYear] = useState(2023);
  const ready = /^\d{6}$/.test(hs) && /^[A-Z]{3}$/.test(country) && year > 1987;
  const estimate = useGetWhen(ready, 'GET /api/network/hidden-tiers', { query: { hs, country, year } });
  const ja = i18n.language.startsWith('ja');
  return (
    <div className="network-tiers">
      <h3>{t('network.tiers.heading')}</h3>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('network.analysis.hs')}{' '}
          <input value={hs} onChange={(e) => setHs(e.target.value.trim())} size={8} />
        </label>{' '}
        <label>
          {t('network.tiers.country')}{' '}
          <input value={country} onChange={(e) => setCountry(e.target.value.trim().toUpperCase())} size={4} />
        </label>{' '}
        <label>
          {t('network.tiers.year')}{' '}
          <input
            type="number"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            style={{ width: '6em' }}
          />
        </label>
      </form>
      {estimate.error && <p role="alert">{estimate.error.message}</p>}
      {estimate.data && (
        <>
          <p className="network-estimate">{ja ? estimate.data.basis.ja : estimate.data.basis.en}</p>
          {estimate.data.countries.length === 0 ? (
            <p>{t('network.tiers.none')}</p>
          ) : (
            <table className="network-tiers-table">
              <thead>
                <tr>
                  <th>{t('network.col.country')}</th>
                  <th>{t('network.tiers.share')}</th>
                </tr>
              </thead>
              <tbody>
                {estimate.data.countries.slice(0, 10).map((c) => (
                  <tr key={c.country}>
                    <td>{c.country}</td>
                    <td>{percent(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
