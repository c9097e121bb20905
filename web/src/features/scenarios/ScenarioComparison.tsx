import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { Chart } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter, type Provenance } from '../../components/ProvenanceFooter.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { MethodList } from './MethodList.tsx';
import { inReaderCurrency, MoneyRange, UnitRange, useMoney } from './money.tsx';
import { comparisonChart, comparisonColumnName } from './shaping.ts';

/** Side-by-side comparison of finished runs (`#/scenarios/compare?runs=a,b`): totals, economy, products, sectors. */
export function ScenarioComparison({ runs }: { runs: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const comparison = useGet('GET /api/scenario-comparison', { query: { runs } });
  const data = comparison.loading ? null : comparison.data;
  const error = comparison.error?.message;
  const columnName = (i: number) => comparisonColumnName(data!, i, lang);
  const option = useMemo(
    () =>
      data
        ? inReaderCurrency(
            comparisonChart(
              data,
              (i) => comparisonColumnName(data, i, lang),
              (m) => t(`scenarios.metric.${m}`),
            ),
            money,
          )
        : null,
    [data, lang, t, money],
  );
  if (error) return <p role="alert">{t('error.load', { message: error })}</p>;
  if (!data) return <p role="status">{t('app.loading')}</p>;
  const c = data.comparison;
  const provenance: Provenance[] = data.provenance.flatMap((p) =>
    [p.trade, p.ioTable, p.seaNetwork].filter((x) => x !== undefined),
  );
  const unique = [...new Map(provenance.map((p) => [`${p.dataset}@${p.version}`, p])).values()];
  return (
    <section aria-labelledby="compare-heading" data-testid="comparison">
      <p>
        <a href={href(['scenarios'])}>← {t('scenarios.all')}</a>
      </p>
      <h3 id="compare-heading">
        {t('scenarios.compare')} <MarkingBadge marking={data.marking} />
      </h3>
      {option && <Chart option={option} label={t('scenarios.compare')} height={280} />}
      <table data-testid="comparison-totals">
        <thead>
          <tr>
            <th scope="col">{t('scenarios.metricCol')}</th>
            {c.columns.map((col, i) => (
              <th scope="col" key={col.label}>
                {columnName(i)}
                <br />
                <small>
                  {col.year} · {t('scenarios.horizon')}: {formatNumber(col.horizonMonths, i18n.language, 1)}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.totals.map((row) => (
            <tr key={row.metric} data-metric={row.metric}>
              <th scope="row">{t(`scenarios.metric.${row.metric}`)}</th>
              {row.values.map((v, i) => (
                <td key={i} className="num">
                  <MoneyRange value={v} />
                </td>
              ))}
            </tr>
          ))}
          {c.economy
            .filter((row) => row.values.some((v) => v !== null))
            .map((row) => (
              <tr key={row.metric} data-metric={row.metric}>
                <th scope="row">{t(`scenarios.metric.${row.metric}`)}</th>
                {row.values.map((v, i) => (
                  <td key={i} className="num">
                    <UnitRange value={v} />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      <h4>{t('scenarios.perProduct')}</h4>
      <table data-testid="comparison-products">
        <thead>
          <tr>
            <th scope="col">{t('scenarios.product')}</th>
            {c.columns.map((col, i) => (
              <th scope="col" key={col.label}>
                {t('scenarios.lost')} — {columnName(i)}
              </th>
            ))}
            {c.columns.map((col, i) => (
              <th scope="col" key={`tts-${col.label}`}>
                {t('scenarios.tts')} — {columnName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.products.map((p) => (
            <tr key={p.product}>
              <th scope="row">{p.product}</th>
              {p.lost.map((v, i) => (
                <td key={i} className="num">
                  <MoneyRange value={v} />
                </td>
              ))}
              {p.timeToSurvive.map((v, i) => (
                <td key={`tts-${i}`} className={`num${p.binding[i] ? ' binding' : ''}`}>
                  {v === null ? t('scenarios.beyond') : formatNumber(v, i18n.language, 1)}
                  {p.binding[i] ? ` (${t('scenarios.binds')})` : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {c.sectors.length > 0 && (
        <>
          <h4>{t('scenarios.economy')}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('scenarios.sector')}</th>
                {c.columns.map((col, i) => (
                  <th scope="col" key={col.label}>
                    {t('scenarios.arioVA')} — {columnName(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.sectors.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    {s.code} {s[lang]}
                  </th>
                  {s.arioValueAddedLoss.map((v, i) => (
                    <td key={i} className="num">
                      <UnitRange value={v} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h4>{t('scenarios.methods')}</h4>
      <MethodList methods={[...new Set(data.provenance.flatMap((p) => p.methods))]} />
      <ProvenanceFooter provenance={unique} money />
    </section>
  );
}
