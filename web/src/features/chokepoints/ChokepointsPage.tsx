import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './chokepoints.css';
import { filterFromQuery, filterToQuery, toggleClosure, type ExposureFilter } from './exposureView.ts';
import { mapColours, routeLine } from './mapLayers.ts';
import { ChokepointMap } from './ChokepointMap.tsx';
import { ClosureWhatIf } from './ClosureWhatIf.tsx';
import { ExposureFilterForm } from './ExposureFilterForm.tsx';
import { ExposureTables } from './ExposureTables.tsx';
import { RouteFinder } from './RouteFinder.tsx';
import type { Lang, RouteResponse } from './types.ts';
import { useExposure, useMaritimeLayers, useReroutedLines } from './useChokepoints.ts';

/**
 * #/chokepoints?reporter=JPN&year=2024[&hs=…][&closed=malacca,…]: world map of lanes and straits, the reporter's
 * exposure per strait with the freight rules behind it, a closure what-if with rerouted lines, and a route finder.
 */
export function ChokepointsPage({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const filter = useMemo(() => filterFromQuery(route.query), [route.query]);
  const layers = useMaritimeLayers();
  const exposure = useExposure(filter, lang);
  const { report, rows } = exposure;
  const rerouted = useReroutedLines(rows.partners, filter.closed, report?.partnerNames, lang);
  const [found, setFound] = useState<RouteResponse | null>(null);
  const error = layers.error ?? exposure.error ?? rerouted.error;

  const passageName = (id: string) => {
    const p = layers.passages?.items.find((x) => x.id === id);
    return p ? p[lang] : (report?.passageNames[id]?.[lang] ?? id);
  };
  const extraLines = useMemo(
    () => [
      ...rerouted.lines,
      ...(found?.route
        ? [
            routeLine(
              'found',
              found.route.geometry,
              mapColours.found,
              `${found.from.code} → ${found.to.code}`,
              3,
            ),
          ]
        : []),
    ],
    [rerouted.lines, found],
  );
  const go = (next: ExposureFilter) => navigate(['chokepoints'], filterToQuery(next));
  const toggle = (passage: string) => go({ ...filter, closed: toggleClosure(filter.closed, passage) });
  const { network } = layers;

  return (
    <section aria-labelledby="chokepoints-heading" className="chokepoints">
      <h2 id="chokepoints-heading">
        {t('chokepoints.title')} <MarkingBadge marking={report?.marking ?? network?.marking} />
      </h2>
      <p>{t('chokepoints.intro')}</p>
      <ExposureFilterForm filter={filter} countries={layers.countries} lang={lang} onApply={go} />
      <p aria-live="polite" role="status" className="status">
        {!network && !error ? t('chokepoints.loading') : exposure.busy ? t('chokepoints.computing') : ''}
      </p>
      {error && <p role="alert">{t('chokepoints.error', { message: error })}</p>}
      {report?.synthetic && (
        <p className="banner synthetic" role="status">
          {t('provenance.synthetic')}: {report.provenance.trade.title ?? report.provenance.trade.dataset}
        </p>
      )}
      <ChokepointMap
        network={network}
        straits={layers.straits}
        report={report}
        countries={layers.countries}
        straitRows={rows.straits}
        closed={filter.closed}
        extraLines={extraLines}
      />
      {report && (
        <ExposureTables
          report={report}
          straits={rows.straits}
          products={rows.products}
          rules={rows.rules}
          onToggle={toggle}
        />
      )}
      {layers.passages && (
        <ClosureWhatIf
          passages={layers.passages.items}
          closed={filter.closed}
          onToggle={toggle}
          report={report}
          rows={rows.partners}
          passageName={passageName}
        />
      )}
      <RouteFinder closed={filter.closed} passageName={passageName} onRoute={setFound} />
      <ProvenanceFooter
        money
        provenance={
          report
            ? [{ ...report.provenance.trade }, { ...report.provenance.network, method: report.method }]
            : network?.provenance
        }
      />
    </section>
  );
}
