import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorField } from './errorField.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { BacktestStrip, StripAxis } from './BacktestStrip.tsx';
import { backtestStrips } from './shape.ts';
import { formatMonth } from './months.ts';
import type { BacktestReport, BacktestResponse, Dataset, Level, RuleSetsResponse } from './types.ts';

interface Form {
  dataset: string;
  ruleSet: string;
  reporter: string;
  hs: string;
  flow: '' | 'import' | 'export';
  quietFrom: string;
  quietTo: string;
}

/**
 * Runs a rule set over a dataset's history (POST /api/ews/backtest): per rule how many alerts and when, precision
 * and recall against the recorded events (with them as input, and on statistics only), and false alarms on a
 * quiet period.
 */
export function BacktestView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const [ruleSets, setRuleSets] = useState<string[]>(['default']);
  const [form, setForm] = useState<Form>({
    dataset: '',
    ruleSet: 'default',
    reporter: '',
    hs: '',
    flow: '',
    quietFrom: '',
    quietTo: '',
  });
  const [result, setResult] = useState<BacktestResponse | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState(false);

  useEffect(() => {
    api<{ items: Dataset[] }>('/datasets')
      .then((r) => {
        const monthly = r.items.filter((d) => d.kind === 'trade-monthly');
        setDatasets(monthly);
        if (monthly[0]) setForm((f) => ({ ...f, dataset: f.dataset || monthly[0].id }));
      })
      .catch((e: Error) => setError({ message: e.message }));
    api<RuleSetsResponse>('/ews/rule-sets')
      .then((r) => setRuleSets(r.items.map((x) => x.id)))
      .catch((e: Error) => setError({ message: e.message }));
  }, []);
  const run = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    setStatus(t('ews.backtest.running'));
    try {
      const body: Record<string, string> = { dataset: form.dataset, ruleSet: form.ruleSet };
      if (form.reporter.trim()) body.reporter = form.reporter.trim().toUpperCase();
      if (form.hs.trim()) body.hs = form.hs.trim();
      if (form.flow) body.flow = form.flow;
      if (form.quietFrom && form.quietTo) {
        body.quietFrom = form.quietFrom;
        body.quietTo = form.quietTo;
      }
      const r = await api<BacktestResponse>('/ews/backtest', { method: 'POST', body: JSON.stringify(body) });
      setResult(r);
      setStatus(t('ews.backtest.done', { count: r.report.alerts }));
    } catch (e) {
      const err = e as ApiError;
      setStatus('');
      setError({
        message: err.status === 403 ? t('ews.backtest.forbidden') : err.message,
        field: errorField(e),
      });
    } finally {
      setRunning(false);
    }
  };
  const shaped = useMemo(() => (result ? backtestStrips(result.report) : null), [result]);
  const scoreText = (score: BacktestReport['score']['withEvents']) =>
    `${t('ews.backtest.precision')} ${formatNumber(score.precision, i18n.language, 2)} / ${t('ews.backtest.recall')} ${formatNumber(score.recall, i18n.language, 2)}`;
  const set = (k: keyof Form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const invalid = (k: string) => (error?.field === k ? true : undefined);

  if (datasets && datasets.length === 0) return <p>{t('ews.backtest.noDatasets')}</p>;
  const report = result?.report;
  return (
    <div>
      <h3>{t('ews.backtest.title')}</h3>
      <form
        className="ews-form"
        aria-label={t('ews.backtest.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('ews.backtest.dataset')}
          <select
            name="dataset"
            value={form.dataset}
            onChange={set('dataset')}
            aria-invalid={invalid('dataset')}
          >
            {(datasets ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.backtest.ruleSet')}
          <select name="ruleSet" value={form.ruleSet} onChange={set('ruleSet')}>
            {ruleSets.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.backtest.reporter')}
          <input name="reporter" value={form.reporter} onChange={set('reporter')} maxLength={3} />
        </label>
        <label>
          {t('ews.backtest.hs')}
          <input name="hs" value={form.hs} onChange={set('hs')} />
        </label>
        <label>
          {t('ews.backtest.flow')}
          <select name="flow" value={form.flow} onChange={set('flow')}>
            <option value="">{t('ews.backtest.anyFlow')}</option>
            <option value="import">{t('ews.flow.import')}</option>
            <option value="export">{t('ews.flow.export')}</option>
          </select>
        </label>
        <label>
          {t('ews.backtest.quietFrom')}
          <input type="month" name="quietFrom" value={form.quietFrom} onChange={set('quietFrom')} />
        </label>
        <label>
          {t('ews.backtest.quietTo')}
          <input type="month" name="quietTo" value={form.quietTo} onChange={set('quietTo')} />
        </label>
        <button type="submit" disabled={running || !form.dataset}>
          {t('ews.backtest.run')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="ews-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="ews-field-error">
          {error.message}
        </p>
      )}
      {report && shaped && result && (
        <>
          <p>
            {t('ews.backtest.periods', {
              from: formatMonth(report.periods.from, lang),
              to: formatMonth(report.periods.to, lang),
            })}{' '}
            · {t('ews.backtest.total')}: <strong data-testid="ews-backtest-total">{report.alerts}</strong> ·{' '}
            {t('ews.backtest.byLevel')}:{' '}
            {([1, 2, 3, 4] as Level[]).map((l) => (
              <span key={l}>
                <LevelBadge level={l} /> {report.byLevel[l] ?? 0}{' '}
              </span>
            ))}
            <MarkingBadge marking={result.marking} />
          </p>
          <p className="ews-muted" data-testid="ews-backtest-score">
            {t('ews.backtest.score', {
              episodes: report.score.episodes,
              after: report.score.afterEffective,
              events: report.score.events.join(', ') || t('ews.backtest.noEvents'),
            })}{' '}
            {t('ews.backtest.allRules')}: {t('ews.backtest.withEvents')} {scoreText(report.score.withEvents)}{' '}
            · {t('ews.backtest.statisticsOnly')} {scoreText(report.score.statisticsOnly)}
          </p>
          <div className="ews-strip-wrap">
            <table data-testid="ews-backtest">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.rule')}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t('ews.inbox.columns.level')}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.alerts')}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.series')}
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    {t('ews.backtest.withEvents')}
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    {t('ews.backtest.statisticsOnly')}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.first')}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.last')}
                  </th>
                  {report.quiet && (
                    <th scope="col" rowSpan={2}>
                      {t('ews.backtest.inQuiet')}
                    </th>
                  )}
                  <th scope="col" rowSpan={2}>
                    {t('ews.backtest.when')}
                    <br />
                    <StripAxis months={shaped.months} />
                  </th>
                </tr>
                <tr>
                  <th scope="col">{t('ews.backtest.precision')}</th>
                  <th scope="col">{t('ews.backtest.recall')}</th>
                  <th scope="col">{t('ews.backtest.precision')}</th>
                  <th scope="col">{t('ews.backtest.recall')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rules.map((r, i) => {
                  const strip = shaped.strips[i];
                  return (
                    <tr key={r.rule} data-rule={r.rule} data-alerts={r.alerts}>
                      <td>
                        {r.label[lang]}
                        <div className="ews-muted">{r.rule}</div>
                      </td>
                      <td>{[1, 2, 3, 4].includes(r.level) && <LevelBadge level={r.level as Level} />}</td>
                      <td className="num">{r.alerts}</td>
                      <td className="num">{r.series}</td>
                      <td className="num">{formatNumber(r.score.withEvents.precision, i18n.language, 2)}</td>
                      <td className="num">{formatNumber(r.score.withEvents.recall, i18n.language, 2)}</td>
                      <td className="num">
                        {formatNumber(r.score.statisticsOnly.precision, i18n.language, 2)}
                      </td>
                      <td className="num">{formatNumber(r.score.statisticsOnly.recall, i18n.language, 2)}</td>
                      <td>{strip.first ? formatMonth(strip.first, lang) : '—'}</td>
                      <td>
                        {strip.last ? formatMonth(strip.last, lang) : '—'}
                        {strip.capped && (
                          <div className="ews-muted">({t('ews.backtest.capped', { n: r.when.length })})</div>
                        )}
                      </td>
                      {report.quiet && (
                        <td className="num" data-in-quiet={strip.inQuiet ?? ''}>
                          {strip.inQuiet}
                        </td>
                      )}
                      <td>
                        <BacktestStrip
                          strip={strip}
                          months={shaped.months}
                          max={shaped.max}
                          quiet={report.quiet}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {report.quiet && (
            <section aria-labelledby="ews-quiet">
              <h4 id="ews-quiet">
                {t('ews.backtest.quiet', {
                  from: formatMonth(report.quiet.from, lang),
                  to: formatMonth(report.quiet.to, lang),
                })}
              </h4>
              <p className="ews-muted">{t('ews.backtest.quietNote')}</p>
              <table data-testid="ews-quiet">
                <tbody>
                  <tr>
                    <th scope="row">{t('ews.backtest.quietSeries')}</th>
                    <td className="num">{report.quiet.series}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('ews.backtest.seriesYears')}</th>
                    <td className="num">{formatNumber(report.quiet.seriesYears, i18n.language, 2)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('ews.backtest.quietAlerts')}</th>
                    <td className="num">{report.quiet.alerts}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('ews.backtest.perSeriesYear')}</th>
                    <td className="num">
                      {formatNumber(report.quiet.alertsPerSeriesYear, i18n.language, 2)}
                    </td>
                  </tr>
                </tbody>
              </table>
            </section>
          )}
          <ProvenanceFooter provenance={result.provenance} />
        </>
      )}
    </div>
  );
}
