import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { formatShare } from '../../format/numbers.ts';
import { shareSeries } from './shaping.ts';
import type { DossierYear, Lang } from './types.ts';

/** Stacked shares of the largest suppliers in every year of the dataset (others fill to 100 %). */
export function SharesOverYears({
  years,
  nameOf,
}: {
  years: DossierYear[];
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const option = useMemo<ChartOption>(() => {
    const data = shareSeries(years);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatShare(Number(v), lang) },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.years.map(String), boundaryGap: false },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => formatShare(v, lang) } },
      series: data.series.map((s) => ({
        type: 'line',
        name: s.partner ? nameOf(s.partner) : t('product.others'),
        stack: 'share',
        areaStyle: { opacity: 0.6 },
        symbol: 'none',
        data: s.shares,
      })),
      animation: false,
    };
  }, [years, nameOf, lang, t]);
  return (
    <section aria-labelledby="over-years-heading" className="dossier-section">
      <h3 id="over-years-heading">{t('product.suppliers.overYearsTitle')}</h3>
      <Chart option={option} height={300} label={t('product.suppliers.overYearsTitle')} />
    </section>
  );
}
