import { get } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { seaRoutePartners } from './shaping.ts';

/**
 * The chokepoint exposure of one product's imports (GET /api/maritime/exposure?hs=…), the sea routes from its
 * largest suppliers (GET /api/maritime/route) and the straits (GET /api/maritime/chokepoints) to draw them with.
 * `null` while nothing is to be loaded (the dossier has not answered yet).
 */
export function useSeaRoutes(product: { reporter: string; year: number; hs6: string } | null) {
  const key = product && `sea-routes:${product.reporter}:${product.year}:${product.hs6}`;
  const loaded = useApi(key, async (signal) => {
    const { reporter, year, hs6 } = product!;
    const exposure = await get('GET /api/maritime/exposure', { query: { reporter, year, hs: hs6 }, signal });
    const [routes, chokepoints] = await Promise.all([
      Promise.all(
        seaRoutePartners(exposure).map(async (p) => ({
          partner: p.partner,
          line: await get('GET /api/maritime/route', {
            query: { from: p.route.fromPort, to: p.route.toPort },
            signal,
          }),
        })),
      ),
      get('GET /api/maritime/chokepoints', { signal }).then((r) => r.items),
    ]);
    return { exposure, routes, chokepoints };
  });
  return { loaded: loaded.loading ? null : loaded.data, error: loaded.error?.message ?? null };
}

export type SeaRoutes = NonNullable<ReturnType<typeof useSeaRoutes>['loaded']>;
