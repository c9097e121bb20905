import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { WorldMap } from '../../components/WorldMap.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href } from '../../router/router.ts';
import { cumulativeShares, memberKeys, sankeyFlows, supplierMapValues } from './shaping.ts';
import type { DossierYear, Lang, ScreenProvenance } from './types.ts';
import type { Reference } from '../../reference/useReference.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The suppliers of the target year: world map of shares, Sankey of flows into the reporter, ranked table. */
export function SupplierPanel({
  year,
  reporter,
  reporterMembers,
  reporterName,
  nameOf,
  reference,
  provenance,
}: {
  year: DossierYear;
  reporter: string;
  reporterMembers: string[];
  reporterName: string;
  nameOf: (iso3: string) => string;
  reference: Reference;
  provenance: ScreenProvenance;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const map = useMemo(
    () => supplierMapValues(year.suppliers, reference.countries, lang),
    [year, reference, lang],
  );
  const highlight = useMemo(
    () => memberKeys(reporterMembers, reference.countries),
    [reporterMembers, reference],
  );
  const sankey = useMemo<ChartOption>(() => {
    const flows = sankeyFlows(year.suppliers, reporterName, nameOf, t('product.others'));
    return {
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => money(Number(v)) },
      series: [
        {
          type: 'sankey',
          data: flows.nodes,
          links: flows.links,
          nodeAlign: 'left',
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'source', opacity: 0.45 },
          label: { color: '#1b1f24' },
        },
      ],
      animation: false,
    };
  }, [year, reporterName, nameOf, t, money]);
  const concern = new Set(provenance.concern);
  const likeMinded = new Set(provenance.likeMinded);
  const rows = cumulativeShares(year.suppliers);
  return (
    <section aria-labelledby="suppliers-heading" className="dossier-section">
      <h3 id="suppliers-heading">
        {t('product.suppliers.heading', { reporter: reporterName, year: year.year })}
      </h3>
      <div className="dossier-grid">
        <figure className="map-frame">
          <WorldMap
            values={map.values}
            names={map.names}
            highlight={highlight}
            title={t('product.suppliers.mapTitle', { reporter: reporterName })}
            format={(v) => formatShare(v, lang)}
          />
          <figcaption>{t('product.suppliers.mapTitle', { reporter: reporterName })}</figcaption>
        </figure>
        <figure data-testid="sankey">
          <Chart
            option={sankey}
            height={360}
            label={t('product.suppliers.sankeyTitle', { reporter: reporterName })}
          />
          <figcaption>{t('product.suppliers.sankeyTitle', { reporter: reporterName })}</figcaption>
        </figure>
      </div>
      <table className="suppliers" data-testid="supplier-table">
        <TableHead
          columns={[
            t('product.suppliers.rank'),
            t('product.suppliers.partner'),
            { label: t('product.suppliers.value'), num: true },
            { label: t('product.suppliers.share'), num: true },
            { label: t('product.suppliers.cumulative'), num: true },
          ]}
        />
        <tbody>
          {rows.map((s, n) => (
            <tr key={s.partner} data-partner={s.partner}>
              <td className="num">{n + 1}</td>
              <td>
                <a
                  href={href(['country', s.partner], { reporter, year: year.year })}
                  title={t('product.suppliers.countryLink', {
                    partner: nameOf(s.partner),
                    reporter: reporterName,
                  })}
                >
                  {nameOf(s.partner)}
                </a>{' '}
                {concern.has(s.partner) && (
                  <span className="tag concern">{t('product.suppliers.concern')}</span>
                )}
                {likeMinded.has(s.partner) && (
                  <span className="tag like-minded">{t('product.suppliers.likeMinded')}</span>
                )}
              </td>
              <td className="num">{money(s.valueUsd)}</td>
              <td className="num" data-testid="supplier-share">
                {formatShare(s.share, lang)}
              </td>
              <td className="num">{formatShare(s.cumulative, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
