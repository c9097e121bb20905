import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WorldMap, type MapLine } from '../../components/WorldMap.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { CountryRef } from '../../reference/reference.ts';
import type { StraitRow } from './exposureView.ts';
import { laneLines, mapColours, straitPoints } from './mapLayers.ts';
import { partnerValuesByIsoNumeric } from './partnerValues.ts';
import type { ExposureResponse, Lang, NetworkResponse, StraitsResponse } from './types.ts';

const legend = ['lane', 'passageLane', 'closedLane', 'baseline', 'reroute', 'found', 'strait'] as const;

/**
 * The world map: sea lanes (closed ones marked), straits with the reporter's share through each, partners
 * coloured by sea-borne (or, with closures, affected) imports, and the extra route lines; then its legend.
 */
export function ChokepointMap({
  network,
  straits,
  report,
  countries,
  straitRows,
  closed,
  extraLines,
}: {
  network: NetworkResponse | null;
  straits: StraitsResponse | null;
  report: ExposureResponse | null;
  countries: readonly CountryRef[];
  straitRows: StraitRow[];
  closed: string[];
  extraLines: MapLine[];
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const lanes = useMemo(() => (network ? laneLines(network.features, closed) : []), [network, closed]);
  const points = useMemo(() => {
    if (!straits) return [];
    const shareOf = new Map(straitRows.map((r) => [r.passage, r.shareOfImports]));
    return straitPoints(straits.features, lang, closed, (p) => {
      const share = shareOf.get(p);
      return share === undefined ? undefined : formatShare(share, lang);
    });
  }, [straits, lang, closed, straitRows]);
  const { values, names } = useMemo(
    () => partnerValuesByIsoNumeric(report, countries, lang),
    [report, countries, lang],
  );
  const lines = useMemo(() => [...lanes, ...extraLines], [lanes, extraLines]);
  return (
    <div className="map-frame" data-testid="chokepoint-map">
      {network && (
        <WorldMap
          title={t('chokepoints.mapTitle')}
          lines={lines}
          points={points}
          values={values}
          names={names}
          format={(v) => money(v * 1000)}
          height={480}
        />
      )}
      <ul className="legend">
        {legend.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: mapColours[k] }} aria-hidden="true" />{' '}
            {t(`chokepoints.legend.${k}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
