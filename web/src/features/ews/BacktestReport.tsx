import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { BacktestStrip, StripAxis } from './BacktestStrip.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { formatMonth } from './months.ts';
import { QuietPeriod } from './QuietPeriod.tsx';
import { backtestStrips } from './shape.ts';
import type { BacktestResponse, Level } from './types.ts';

/** A backtest's report: alerts by level, and per rule how many alerts, on how many series, and when. */
export function BacktestReport({ result }: { result: BacktestResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const report = result.report;
  const shaped = useMemo(() => backtestStrips(report), [report]);
  return (
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
      <div className="ews-strip-wrap">
        <table data-testid="ews-backtest">
          <thead>
            <tr>
              <th scope="col">{t('ews.backtest.rule')}</th>
              <th scope="col">{t('ews.inbox.columns.level')}</th>
              <th scope="col">{t('ews.backtest.alerts')}</th>
              <th scope="col">{t('ews.backtest.series')}</th>
              <th scope="col">{t('ews.backtest.first')}</th>
              <th scope="col">{t('ews.backtest.last')}</th>
              {report.quiet && <th scope="col">{t('ews.backtest.inQuiet')}</th>}
              <th scope="col">
                {t('ews.backtest.when')}
                <br />
                <StripAxis months={shaped.months} />
              </th>
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
      {report.quiet && <QuietPeriod quiet={report.quiet} />}
      <ProvenanceFooter provenance={result.provenance} />
    </>
  );
}
