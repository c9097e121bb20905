import { earthRadiusKm, haversineKm, splitAtAntimeridian } from './geo.ts';
import type { SeaNetwork } from './network.ts';
import { passagesInMask } from './passages.ts';

/**
 * The network as map lines, simplified for a world map: runs of edges through degree-2 nodes with the same
 * passage mask are joined into one polyline, and within a polyline a vertex is kept only when it lies at least
 * `toleranceKm` from the last kept one (ends always kept). Lines crossing the antimeridian are split.
 */
export interface NetworkLineFeature {
  type: 'Feature';
  properties: { passages: string[] };
  geometry: { type: 'MultiLineString'; coordinates: [number, number][][] };
}

export function simplifiedNetworkLines(network: SeaNetwork, toleranceKm: number): NetworkLineFeature[] {
  const { offsets, targets, mask, lon, lat } = network;
  const n = lon.length;
  const degree = (v: number) => offsets[v + 1] - offsets[v];
  const used = new Uint8Array(targets.length);
  const reverseSlot = (from: number, s: number): number => {
    const to = targets[s];
    for (let r = offsets[to]; r < offsets[to + 1]; r++)
      if (targets[r] === from && mask[r] === mask[s]) return r;
    return -1;
  };
  const features: NetworkLineFeature[] = [];
  const walk = (start: number, s0: number) => {
    const m = mask[s0];
    const points: [number, number][] = [[lon[start], lat[start]]];
    let from = start;
    let s = s0;
    let lastKept = start;
    for (;;) {
      used[s] = 1;
      const r = reverseSlot(from, s);
      if (r >= 0) used[r] = 1;
      const v = targets[s];
      // Continue through v only if it is a plain pass-through node with the same tags on the next edge.
      let next = -1;
      if (degree(v) === 2 && v !== start) {
        for (let t = offsets[v]; t < offsets[v + 1]; t++) if (!used[t] && mask[t] === m) next = t;
      }
      if (next < 0) {
        points.push([lon[v], lat[v]]);
        break;
      }
      if (haversineKm(lon[lastKept], lat[lastKept], lon[v], lat[v]) >= toleranceKm) {
        points.push([lon[v], lat[v]]);
        lastKept = v;
      }
      from = v;
      s = next;
    }
    features.push({
      type: 'Feature',
      properties: { passages: passagesInMask(m) },
      geometry: { type: 'MultiLineString', coordinates: splitAtAntimeridian(points) },
    });
  };
  // Chains start at nodes that are not plain pass-throughs; loops of degree-2 nodes are caught afterwards.
  for (let v = 0; v < n; v++) {
    if (degree(v) === 2) continue;
    for (let s = offsets[v]; s < offsets[v + 1]; s++) if (!used[s]) walk(v, s);
  }
  for (let v = 0; v < n; v++) for (let s = offsets[v]; s < offsets[v + 1]; s++) if (!used[s]) walk(v, s);
  return features;
}

/** A geofence as a GeoJSON polygon ring: `steps` points on the circle of `radiusKm` (spherical destination formula). */
export function circleRing(lon: number, lat: number, radiusKm: number, steps = 48): [number, number][] {
  const r = Math.PI / 180;
  const d = radiusKm / earthRadiusKm;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = (2 * Math.PI * (i % steps)) / steps;
    const lat2 = Math.asin(
      Math.sin(lat * r) * Math.cos(d) + Math.cos(lat * r) * Math.sin(d) * Math.cos(bearing),
    );
    const lon2 =
      lon * r +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat * r),
        Math.cos(d) - Math.sin(lat * r) * Math.sin(lat2),
      );
    ring.push([((((lon2 / r + 180) % 360) + 360) % 360) - 180, lat2 / r]);
  }
  return ring;
}
