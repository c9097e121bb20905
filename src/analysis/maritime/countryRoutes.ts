import { pathSlots, shortestPathTree } from './dijkstra.ts';
import type { SeaNetwork } from './network.ts';
import { passagesAlong, type NetworkPlace } from './route.ts';

/**
 * Sea routes between countries: the shortest route from any main port of the origin to any main port of the
 * destination (min over port pairs), so a two-coast country ships from the coast nearer the destination and
 * a closure can move the flow to another coast. One full Dijkstra tree per origin main port.
 */
export interface CountryRoute {
  distanceKm: number;
  fromPort: string;
  toPort: string;
  passages: string[];
}

export interface CountryPorts {
  country: string;
  ports: { code: string; place: NetworkPlace }[];
}

/**
 * routes.get(origin).get(destination) for every ordered pair of distinct countries in `countries`;
 * null when no sea route exists with `closedMask`.
 */
export function countryRouteMatrix(
  network: SeaNetwork,
  countries: readonly CountryPorts[],
  closedMask: number,
  onProgress?: (done: number, total: number) => void,
): Map<string, Map<string, CountryRoute | null>> {
  const result = new Map<string, Map<string, CountryRoute | null>>();
  countries.forEach((origin, index) => {
    const trees = origin.ports.map((p) => ({
      port: p,
      tree: shortestPathTree(network, p.place.node, closedMask),
    }));
    const row = new Map<string, CountryRoute | null>();
    for (const destination of countries) {
      if (destination.country === origin.country) continue;
      let best: { from: (typeof trees)[number]; to: CountryPorts['ports'][number]; km: number } | undefined;
      for (const from of trees) {
        for (const to of destination.ports) {
          const km = from.tree.dist[to.place.node] + from.port.place.accessKm + to.place.accessKm;
          if (Number.isFinite(km) && (!best || km < best.km)) best = { from, to, km };
        }
      }
      if (!best) {
        row.set(destination.country, null);
        continue;
      }
      row.set(destination.country, {
        distanceKm: best.km,
        fromPort: best.from.port.code,
        toPort: best.to.code,
        passages: passagesAlong(network, pathSlots(best.from.tree, best.to.place.node) ?? []),
      });
    }
    result.set(origin.country, row);
    onProgress?.(index + 1, countries.length);
  });
  return result;
}
