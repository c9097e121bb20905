import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { WorldMap, type MapLine, type MapPoint } from '../../components/WorldMap.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { Lang } from './types.ts';
import type { SeaRoutes } from './useSeaRoutes.ts';
import { TableHead } from '../../components/TableHead.tsx';

const routeColours = ['#0550ae', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e'];

/**
 * Chokepoint exposure of this product's imports (GET /api/maritime/exposure?hs=…) and a map of the sea routes
 * from the largest suppliers (GET /api/maritime/route, GeoJSON) with the straits they cross.
 */
export function ChokepointPanel({
  loaded,
  error,
  reporterName,
  nameOf,
}: {
  loaded: SeaRoutes | null;
  error: string | null;
  reporterName: string;
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';

  const lines = useMemo<MapLine[]>(
    () =>
      (loaded?.routes ?? []).flatMap((r, n) =>
        r.line.route
          ? [
              {
                id: r.partner,
                coordinates: r.line.route.geometry.coordinates,
                color: routeColours[n % routeColours.length],
                width: 2,
                label: nameOf(r.partner),
              },
            ]
          : [],
      ),
    [loaded, nameOf],
  );
  const points = useMemo<MapPoint[]>(() => {
    if (!loaded) return [];
    const crossed = new Set(loaded.exposure.passages.map((p) => p.passage));
    return loaded.chokepoints
      .filter((c) => crossed.has(c.id) && c.lon !== undefined && c.lat !== undefined)
      .map((c) => ({ id: c.id, lon: c.lon!, lat: c.lat!, label: c[lang] }));
  }, [loaded, lang]);

  const passageName = (id: string) => loaded?.exposure.passageNames[id]?.[lang] ?? id;
  return (
    <section aria-labelledby="maritime-heading" className="dossier-section" data-testid="maritime">
      <h3 id="maritime-heading">
        {t('product.maritime.heading', { reporter: reporterName })}{' '}
        {loaded && <MarkingBadge marking={loaded.exposure.marking} />}
      </h3>
      {!loaded && !error && (
        <p role="status" aria-live="polite">
          {t('product.loadingPanel')}
        </p>
      )}
      {error && <p className="note">{t('product.maritime.unavailable', { message: error })}</p>}
      {loaded && (
        <>
          <p className="note">{t('product.maritime.intro')}</p>
          <p>
            {t('product.maritime.sea', {
              sea: money(loaded.exposure.seaValueKusd * 1000),
              total: money(loaded.exposure.totalValueKusd * 1000),
            })}
          </p>
          {loaded.exposure.passages.length === 0 ? (
            <p>{t('product.maritime.none')}</p>
          ) : (
            <table data-testid="passages">
              <TableHead
                columns={[
                  t('product.maritime.passage'),
                  { label: t('product.maritime.value'), num: true },
                  { label: t('product.maritime.share'), num: true },
                  { label: t('product.maritime.flows'), num: true },
                ]}
              />
              <tbody>
                {loaded.exposure.passages.map((p) => (
                  <tr key={p.passage} data-passage={p.passage}>
                    <td>{passageName(p.passage)}</td>
                    <td className="num">{money(p.valueKusd * 1000)}</td>
                    <td className="num">{formatShare(p.shareOfImports, lang)}</td>
                    <td className="num">{p.flows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <figure className="map-frame" data-testid="route-map">
            <WorldMap
              lines={lines}
              points={points}
              title={t('product.maritime.mapTitle', { reporter: reporterName })}
            />
            <figcaption>
              {t('product.maritime.routes')}:
              <ul className="route-legend">
                {loaded.routes.map((r, n) => (
                  <li key={r.partner}>
                    <span className="swatch" style={{ background: routeColours[n % routeColours.length] }} />{' '}
                    {t('product.maritime.route', {
                      partner: nameOf(r.partner),
                      from:
                        loaded.exposure.partners.find((p) => p.partner === r.partner)?.route?.fromPort ?? '',
                      to: loaded.exposure.partners.find((p) => p.partner === r.partner)?.route?.toPort ?? '',
                      km: formatNumber(r.line.distanceKm, lang, 0),
                      days: formatNumber(r.line.days, lang, 1),
                    })}
                    {r.line.passages.length > 0 && ` (${r.line.passages.map(passageName).join(' → ')})`}
                  </li>
                ))}
              </ul>
            </figcaption>
          </figure>
          <p className="note">
            {t('product.maritime.rules')}:{' '}
            {loaded.exposure.byRule.map((r) => `${r[lang]} ${money(r.valueKusd * 1000)}`).join('; ')}
          </p>
        </>
      )}
    </section>
  );
}
