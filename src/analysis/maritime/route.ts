import { sailingDays, splitAtAntimeridian } from './geo.ts';
import { pathSlots, shortestPathTree, type ShortestPathTree } from './dijkstra.ts';
import type { SeaNetwork } from './network.ts';
import { passagesInMask } from './passages.ts';

/** Default speed: 14 knots, a typical slow-steaming container/bulk service speed (UNCTAD Review of Maritime Transport). */
export const defaultSpeedKnots = 14;

/** A place on the network: a port snapped to its nearest node, with the straight leg from the port to it. */
export interface NetworkPlace {
  lon: number;
  lat: number;
  node: number;
  /** Great-circle km from the place to its node, added to the route at each end. */
  accessKm: number;
}

export interface SeaRoute {
  /** Network path plus both access legs, km. */
  distanceKm: number;
  days: number;
  speedKnots: number;
  /** Passages crossed in travel order (consecutive repeats collapsed). */
  passages: string[];
  /** Port, network vertices …, port as [lon, lat] (longitudes in [-180, 180)). */
  coordinates: [number, number][];
}

/** Passages met along a path, in order; a passage spanning several edges (or a geofence) is listed once. */
export function passagesAlong(network: SeaNetwork, slots: readonly number[]): string[] {
  const passages: string[] = [];
  for (const s of slots) {
    const m = network.mask[s];
    if (!m) continue;
    for (const id of passagesInMask(m)) if (passages[passages.length - 1] !== id) passages.push(id);
  }
  return passages;
}

/** The route read back from a shortest-path tree rooted at `from.node`; null when `to` is unreachable. */
export function routeFromTree(
  network: SeaNetwork,
  tree: ShortestPathTree,
  from: NetworkPlace,
  to: NetworkPlace,
  speedKnots = defaultSpeedKnots,
): SeaRoute | null {
  const slots = pathSlots(tree, to.node);
  if (!slots) return null;
  const distanceKm = tree.dist[to.node] + from.accessKm + to.accessKm;
  const coordinates: [number, number][] = [[from.lon, from.lat]];
  coordinates.push([network.lon[from.node], network.lat[from.node]]);
  for (const s of slots) {
    const n = network.targets[s];
    coordinates.push([network.lon[n], network.lat[n]]);
  }
  coordinates.push([to.lon, to.lat]);
  return {
    distanceKm,
    days: sailingDays(distanceKm, speedKnots),
    speedKnots,
    passages: passagesAlong(network, slots),
    coordinates,
  };
}

/** Shortest sea route between two places with the passages in `closedMask` closed; null when none exists. */
export function seaRoute(
  network: SeaNetwork,
  from: NetworkPlace,
  to: NetworkPlace,
  closedMask: number,
  speedKnots = defaultSpeedKnots,
): SeaRoute | null {
  const tree = shortestPathTree(network, from.node, closedMask, [to.node]);
  return routeFromTree(network, tree, from, to, speedKnots);
}

/** GeoJSON geometry of a route for maps: a MultiLineString split where it crosses the antimeridian. */
export function routeGeometry(route: Pick<SeaRoute, 'coordinates'>): {
  type: 'MultiLineString';
  coordinates: [number, number][][];
} {
  return { type: 'MultiLineString', coordinates: splitAtAntimeridian(route.coordinates) };
}
