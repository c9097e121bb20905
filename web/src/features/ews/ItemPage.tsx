import { useCountryName } from '../../reference/useReference.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { href, navigate } from '../../router/router.ts';
import { Chart } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter, type Provenance } from '../../components/ProvenanceFooter.tsx';
import { formatDate, formatNumber, formatShare } from '../../format/numbers.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { EventForm } from './EventForm.tsx';
import { RecordedEvents } from './RecordedEvents.tsx';
import { itemChartOption, priceChartOption } from './shape.ts';
import { formatMonth } from './months.ts';
import { useCountryNames } from './useCountryNames.ts';
import type { Level } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** One monitored item: its series per partner with the seasonal baseline, thresholds, alert months and recorded events. */
export function ItemPage({ id, partner }: { id: string; partner?: string }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const country = useCountryNames();
  const page = useGet('GET /api/ews/items/{id}', { path: { id }, query: { partner } });
  const data = page.data;
  const shown = data?.series?.partner;
  // The alerts stored for the item and the partner shown, marked on the chart.
  const alerts = useGetWhen(data !== null, 'GET /api/ews/alerts', {
    query: { hs: data?.item.hs, reporter: data?.item.reporter, pageSize: 500, partner: shown },
  });
  const stored = alerts.data;
  const error = page.error?.message ?? alerts.error?.message ?? null;

  // The series are in their publisher's unit (billion yen, USD, …): labelled, never converted with the currency preference.
  const unit = !data?.valueUnit
    ? t('ews.item.unitNotRecorded')
    : data.valueUnit === 'unknown'
      ? t('ews.item.unitUnknown')
      : data.valueUnit.label[lang];
  const subject = data
    ? `${data.item.label[lang]} · ${country(data.item.reporter)} ${data.item.flow === 'export' ? '→' : '←'} ${country(shown ?? partner ?? data.item.partner ?? 'WLD')}`
    : '';
  const option = useMemo(() => {
    if (!data?.series) return null;
    return itemChartOption(
      data.series,
      data.events,
      (stored?.items ?? []).filter((a) => a.flow === data.item.flow).map((a) => a.period),
      {
        value: t('ews.item.value', { unit }),
        baseline: t('ews.item.baseline'),
        band: t('ews.item.band', { low: -3, high: 3 }),
        threshold: (rules, z) => t('ews.item.threshold', { rule: rules.join(', '), z }),
        level: (l: Level) => `${l} ${t(`ews.level.${l}`)}`,
        stored: t('ews.item.stored'),
        event: (e) => `${e.title[lang]} (${e.effective})`,
        number: (v) => formatNumber(v, lang, 1),
      },
    );
  }, [data, stored, t, lang, unit]);

  if (error) return <p role="alert">{t('error.load', { message: error })}</p>;
  if (!data) return <p role="status">{t('ews.common.loading')}</p>;
  const { item, series } = data;
  const provenance: Provenance[] = [
    ...(data.provenance ? [data.provenance as Provenance] : []),
    ...data.prices.map((p) => p.provenance),
  ];
  return (
    <div>
      <h3>
        {t('ews.item.title')}: {item.label[lang]} <MarkingBadge marking={data.marking} />
      </h3>
      <p>
        {countryName(item.reporter)} {t(`ews.flow.${item.flow}`)} · HS {item.hs} · {t('ews.item.grade')}{' '}
        {item.grade} · {t('ews.item.cadence')} {t(`ews.item.cadences.${item.cadence}`)} ·{' '}
        {t('ews.item.lastScan')}{' '}
        {item.lastScanAt ? formatDate(item.lastScanAt, i18n.language) : t('ews.item.never')} ·{' '}
        {t('ews.inbox.ruleSet')} {data.ruleSet}
      </p>
      {data.partners.length > 0 && (
        <label>
          {t('ews.item.partner')}{' '}
          <select
            value={shown ?? ''}
            onChange={(e) => navigate(['ews', 'item', id], { partner: e.target.value })}
            name="partner"
          >
            {data.partners.map((p) => (
              <option key={p.partner} value={p.partner}>
                {country(p.partner)}
                {p.share12m !== null
                  ? ` (${formatShare(p.share12m, i18n.language)} ${t('ews.item.share')})`
                  : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {!series && <p>{t('ews.item.noSeries')}</p>}
      {series && option && (
        <>
          <Chart option={option} height={420} label={t('ews.item.chart', { subject, unit })} />
          <h4>{t('ews.item.hitsTable')}</h4>
          {series.points.length === 0 ? (
            <p>—</p>
          ) : (
            <table data-testid="ews-hits">
              <TableHead
                columns={[
                  t('ews.item.period'),
                  t('ews.inbox.columns.level'),
                  t('ews.item.z'),
                  t('ews.inbox.columns.why'),
                ]}
              />
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.period} data-period={p.period}>
                    <td>{formatMonth(p.period, lang)}</td>
                    <td>
                      <LevelBadge level={p.level} />
                    </td>
                    <td className="num">
                      {formatNumber(series.valueZ[series.periods.indexOf(p.period)], i18n.language)}
                    </td>
                    <td>{p.explanation[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {stored && stored.items.length > 0 && (
        <p>
          {t('ews.item.stored')}:{' '}
          {stored.items.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <a href={href(['ews'], { itemId: a.itemId ?? undefined, partner: a.partner })}>
                {formatMonth(a.period, lang)} {country(a.partner)}
              </a>{' '}
              <LevelBadge level={a.level} />
            </span>
          ))}
        </p>
      )}
      <RecordedEvents events={data.events} />
      <EventForm item={item} partner={shown} onSaved={page.reload} />
      <h4>{t('ews.item.prices')}</h4>
      {data.prices.length === 0 && <p>{t('ews.item.noPrices')}</p>}
      {data.prices.map((p) => (
        <div key={p.code}>
          <p>
            {p.name} ({p.unit}) <MarkingBadge marking={p.marking} />
          </p>
          <Chart
            option={priceChartOption(p.periods, p.values, p.name, (v) => formatNumber(v, lang, 2))}
            height={220}
            label={t('ews.item.priceChart', { name: p.name, unit: p.unit })}
          />
        </div>
      ))}
      <ProvenanceFooter provenance={provenance} />
    </div>
  );
}
