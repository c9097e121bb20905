import { useCountryName } from '../../reference/useReference.ts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import type { Circumvention, Lang } from './types.ts';

/** How many countries the chart shows (flagged first, then by growth of imports from the sources). */
const chartCountries = 15;
/** How many countries not flagged the table shows until the reader asks for all. */
const otherRows = 20;

/**
 * A circumvention report: per third country its imports of the goods from the sources and its exports to the
 * target in both years, the growth, the pass-through and which rules it met; a chart of the two growths; the
 * dataset, version and method it came from.
 */
export function CircumventionTable({ report }: { report: Circumvention }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const usd = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const growth = (g: number | null, isNew: boolean) =>
    isNew ? t('ec.circ.new') : g === null ? '—' : pct.format(g);
  const p = report.parameters;
  const [all, setAll] = useState(false);
  // The report lists flagged countries first; the others follow, largest rise of exports to the target first.
  const flaggedCount = report.countries.filter((c) => c.flagged).length;
  const rows = all ? report.countries : report.countries.slice(0, flaggedCount + otherRows);
  const shown = useMemo(
    () =>
      [...report.countries]
        .sort(
          (a, b) =>
            Number(b.flagged) - Number(a.flagged) ||
            (b.fromSources.growth ?? 0) - (a.fromSources.growth ?? 0),
        )
        .slice(0, chartCountries),
    [report],
  );
  const language = i18n.language;
  const option: ChartOption = useMemo(() => {
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('ec.circ.fromSources'), t('ec.circ.toTarget')] },
      grid: { left: 60, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: shown.map((c) => countryName(c.country)), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => percent.format(v) } },
      series: [
        { name: t('ec.circ.fromSources'), type: 'bar', data: shown.map((c) => c.fromSources.growth) },
        { name: t('ec.circ.toTarget'), type: 'bar', data: shown.map((c) => c.toTarget.growth) },
      ],
    };
  }, [shown, t, language, countryName]);
  return (
    <div className="ec-circumvention" data-testid="ec-circumvention">
      <p>
        {t('ec.circ.summary', {
          target: report.target,
          sources: `${report.sources.group} (${report.sources.members.join(', ')})`,
          base: p.baseYear,
          year: p.year,
          products: report.products.length,
          flagged: report.countries.filter((c) => c.flagged).length,
        })}{' '}
        <MarkingBadge marking={report.marking} />
      </p>
      <Chart option={option} label={t('ec.circ.chart')} height={300} />
      <table>
        <TableHead
          columns={[
            t('ec.circ.country'),
            t('ec.circ.flagged'),
            figureColumn(`${t('ec.circ.fromSources')} ${p.baseYear}`),
            figureColumn(`${p.year}`),
            figureColumn(t('ec.circ.growth')),
            figureColumn(`${t('ec.circ.toTarget')} ${p.baseYear}`),
            figureColumn(`${p.year}`),
            figureColumn(t('ec.circ.growth')),
            figureColumn(t('ec.circ.passThrough')),
            t('ec.circ.rules'),
          ]}
        />
        <tbody>
          {rows.map((c) => (
            <tr key={c.country} className={c.flagged ? 'ec-flagged' : undefined}>
              <td data-iso3={c.country}>
                {countryName(c.country)}
                {c.groupA ? <small> ({t('ec.circ.groupA')})</small> : null}
              </td>
              <td>{c.flagged ? t('ec.circ.yes') : t('ec.circ.no')}</td>
              <td className="num">{usd.format(c.fromSources.base)}</td>
              <td className="num">{usd.format(c.fromSources.later)}</td>
              <td className="num">{growth(c.fromSources.growth, c.fromSources.isNew)}</td>
              <td className="num">{usd.format(c.toTarget.base)}</td>
              <td className="num">{usd.format(c.toTarget.later)}</td>
              <td className="num">{growth(c.toTarget.growth, c.toTarget.isNew)}</td>
              <td className="num">{c.passThrough === null ? '—' : pct.format(c.passThrough)}</td>
              <td>
                <ul className="ec-why">
                  {c.reasons.map((r) => (
                    <li key={r.rule}>
                      {r.met ? '✓' : '✗'} {r[lang]}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < report.countries.length && (
        <button type="button" onClick={() => setAll(true)}>
          {t('ec.circ.showAll', { count: report.countries.length })}
        </button>
      )}
      {report.productsWithoutFlows.length > 0 && (
        <p>
          {t('ec.circ.withoutFlows')}: {report.productsWithoutFlows.join(', ')}
        </p>
      )}
      <ProvenanceFooter
        money
        provenance={[
          {
            ...report.provenance,
            method: t('ec.circ.method', { surge: pct.format(p.surge), rise: pct.format(p.rise) }),
            thresholds: { minValueUsd: p.minValueUsd },
          },
          ...(report.groupA ? [{ ...report.groupA, method: t('ec.circ.groupAMethod') }] : []),
        ]}
      />
    </div>
  );
}
