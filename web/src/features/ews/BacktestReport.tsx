import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { BacktestStrip, StripAxis } from './BacktestStrip.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { formatMonth } from './months.ts';
import { QuietPeriod } from './QuietPeriod.tsx';
import { backtestStrips } from './shape.ts';
import type { BacktestReport as Report, BacktestResponse, Level } from './types.ts';

type Score = Report['score']['withEvents'];

/**
 * A backtest's report: alerts by level, precision and recall against the recorded events, and per rule how many
 * alerts, on how many series, how precise, and when.
 */
export function BacktestReport({ result }: { result: BacktestResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const report = result.report;
  const shaped = useMemo(() => backtestStrips(report), [report]);
  const number = (x: number | null) => formatNumber(x, i18n.language, 2);
  const scoreText = (score: Score) =>
    `${t('ews.backtest.precision')} ${number(score.precision)} / ${t('ews.backtest.recall')} ${number(score.recall)}`;
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
      <p className="ews-muted" data-testid="ews-backtest-score">
        {t('ews.backtest.score', {
          episodes: report.score.episodes,
          after: report.score.afterEffective,
          events: report.score.events.join(', ') || t('ews.backtest.noEvents'),
        })}{' '}
        {t('ews.backtest.allRules')}: {t('ews.backtest.withEvents')} {scoreText(report.score.withEvents)} ·{' '}
        {t('ews.backtest.statisticsOnly')} {scoreText(report.score.statisticsOnly)}
      </p>
      <div className="ews-strip-wrap">
        <table data-testid="ews-backtest">
          <thead>
            <tr>
              {(['rule', 'level', 'alerts', 'series'] as const).map((k) => (
                <th key={k} scope="col" rowSpan={2}>
                  {k === 'level' ? t('ews.inbox.columns.level') : t(`ews.backtest.${k}`)}
                </th>
              ))}
              {(['withEvents', 'statisticsOnly'] as const).map((k) => (
                <th key={k} scope="colgroup" colSpan={2}>
                  {t(`ews.backtest.${k}`)}
                </th>
              ))}
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
              {[0, 1].map((i) => (
                <Fragment key={i}>
                  <th scope="col">{t('ews.backtest.precision')}</th>
                  <th scope="col">{t('ews.backtest.recall')}</th>
                </Fragment>
              ))}
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
                  {[r.score.withEvents, r.score.statisticsOnly].map((score, k) => (
                    <Fragment key={k}>
                      <td className="num">{number(score.precision)}</td>
                      <td className="num">{number(score.recall)}</td>
                    </Fragment>
                  ))}
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
