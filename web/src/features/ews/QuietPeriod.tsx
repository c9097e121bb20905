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
          {(
            [
              ['quietSeries', quiet.series],
              ['seriesYears', formatNumber(quiet.seriesYears, i18n.language, 2)],
              ['quietAlerts', quiet.alerts],
              ['perSeriesYear', formatNumber(quiet.alertsPerSeriesYear, i18n.language, 2)],
            ] as const
          ).map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{t(`ews.backtest.${label}`)}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
