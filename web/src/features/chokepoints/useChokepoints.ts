import { useMemo } from 'react';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useGet } from '../../api/useGet.ts';
import type { MapLine } from '../../components/WorldMap.tsx';
import { useCountries } from '../../reference/useReference.ts';
import {
  affectedPartners,
  exposureQuery,
  productRows,
  rerouteRequests,
  routeQuery,
  ruleRows,
  straitRows,
  type ExposureFilter,
} from './exposureView.ts';
import { mapColours, routeLine } from './mapLayers.ts';
import type { Lang, Names } from './types.ts';

/** The map's fixed layers (lanes, straits, passages) and the countries, loaded once for the page. */
export function useMaritimeLayers() {
  const layers = useApi('maritime-layers', (signal) =>
    Promise.all([
      get('GET /api/maritime/network.geojson', { signal }),
      get('GET /api/maritime/straits.geojson', { signal }),
      get('GET /api/maritime/chokepoints', { signal }),
    ]),
  );
  const countries = useCountries();
  const [network, straits, passages] = layers.data ?? [null, null, null];
  return {
    network,
    straits,
    passages,
    countries: countries.data ?? [],
    error: layers.error?.message ?? countries.error?.message ?? null,
  };
}

/**
 * The reporter's exposure for the filter (the report before stays shown while the next is computed; none after a
 * failure), shaped into the page's rows in the user's language.
 */
export function useExposure(filter: ExposureFilter, lang: Lang) {
  const loaded = useGet('GET /api/maritime/exposure', { query: exposureQuery(filter) });
  const report = loaded.error ? null : loaded.data;
  const rows = useMemo(
    () => ({
      straits: report ? straitRows(report, lang) : [],
      partners: report?.scenario ? affectedPartners(report, lang) : [],
      rules: report ? ruleRows(report, lang) : [],
      products: report ? productRows(report, lang) : [],
    }),
    [report, lang],
  );
  return { report, rows, busy: loaded.loading, error: loaded.error?.message ?? null };
}

/**
 * Route lines for the largest affected partners of a what-if: today's route and the one around the closed
 * straits, each labelled with the partner's name (from the report's `partnerNames`).
 */
export function useReroutedLines(
  partners: ReturnType<typeof affectedPartners>,
  closed: readonly string[],
  partnerNames: Names | undefined,
  lang: Lang,
) {
  const requests = rerouteRequests(partners, closed);
  const loaded = useApi(JSON.stringify(requests), (signal) =>
    Promise.all(
      requests.map((r) =>
        get('GET /api/maritime/route', { query: routeQuery(r), signal }).then((res) => ({ r, res })),
      ),
    ),
  );
  const lines = useMemo<MapLine[]>(
    () =>
      (loaded.data ?? []).flatMap(({ r, res }) =>
        res.route
          ? [
              routeLine(
                r.key,
                res.route.geometry,
                r.kind === 'baseline' ? mapColours.baseline : mapColours.reroute,
                `${partnerNames?.[r.partner]?.[lang] ?? r.partner}: ${r.from} → ${r.to}`,
              ),
            ]
          : [],
      ),
    [loaded.data, partnerNames, lang],
  );
  return { lines, error: loaded.error?.message ?? null };
}
