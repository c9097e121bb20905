import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { zoneColours, type ZoneEntry, type ZonesResponse } from './types.ts';

/**
 * The zone matrix: each entry at x = advantage (RCA for goods, RTA for technologies; log scale, 1 = world
 * average) and y = supply concentration the reporter faces (import HHI, else world export or patent HHI),
 * coloured by its zone. Entries without both figures are listed under the chart instead.
 */
export function ZoneMatrix({ data }: { data: ZonesResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const placed = data.items.filter((e) => (e.matrix.advantage ?? 0) > 0 && e.matrix.concentration !== null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        formatter: (p: { data: { entry: ZoneEntry } }) => {
          const e = p.data.entry;
          return `${e.name[lang]}<br/>${t('zones.advantage')}: ${e.matrix.advantage?.toFixed(2)}<br/>${t('zones.concentration')}: ${e.matrix.concentration?.toFixed(3)} (${e.matrix.concentrationSource})`;
        },
      },
      legend: { data: data.zones.map((z) => `${z.number} ${z[lang]}`) },
      xAxis: { type: 'log', name: t('zones.advantage'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: t('zones.concentration'), min: 0, max: 1 },
      series: data.zones.map((z) => ({
        name: `${z.number} ${z[lang]}`,
        type: 'scatter',
        symbolSize: 14,
        itemStyle: { color: zoneColours[z.id] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data: { entry: ZoneEntry } }) => p.data.entry.name[lang],
        },
        data: placed
          .filter((e) => e.zone === z.id)
          .map((e) => ({ value: [e.matrix.advantage, e.matrix.concentration], entry: e })),
        markLine: z.id === 'disruptive' ? { silent: true, symbol: 'none', data: [{ xAxis: 1 }] } : undefined,
      })),
    }),
    [data, lang, placed, t],
  );
  return <Chart option={option} height={420} label={t('zones.matrixLabel')} />;
}
