import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { formatMonth } from './months.ts';
import type { BacktestReport } from './types.ts';

/** False alarms on the quiet period: series, series-years, alerts, and alerts per series-year. */
export function QuietPeriod({ quiet }: { quiet: NonNullable<BacktestReport['quiet']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <section aria-labelledby="ews-quiet">
      <h4 id="ews-quiet">
        {t('ews.backtest.quiet', {
          from: formatMonth(quiet.from, lang),
          to: formatMonth(quiet.to, lang),
        })}
      </h4>
      <p className="ews-muted">{t('ews.backtest.quietNote')}</p>
      <table data-testid="ews-quiet">
        <tbody>
          <tr>
            <th scope="row">{t('ews.backtest.quietSeries')}</th>
            <td className="num">{quiet.series}</td>
          </tr>
          <tr>
            <th scope="row">{t('ews.backtest.seriesYears')}</th>
            <td className="num">{formatNumber(quiet.seriesYears, i18n.language, 2)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ews.backtest.quietAlerts')}</th>
            <td className="num">{quiet.alerts}</td>
          </tr>
          <tr>
            <th scope="row">{t('ews.backtest.perSeriesYear')}</th>
            <td className="num">{formatNumber(quiet.alertsPerSeriesYear, i18n.language, 2)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
