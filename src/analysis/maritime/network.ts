import { haversineKm, pointSegmentDistanceKm, wrapLon } from './geo.ts';
import { passageBit } from './passages.ts';

/**
 * The routable sea network: an undirected graph in compressed sparse row form on typed arrays.
 * Nodes are the line endpoints and vertices of the shipping-lane network (longitudes wrapped into [-180, 180),
 * points closer than the snapping tolerance merged); an edge joins consecutive vertices of a line, its weight
 * the haversine length in km, its `mask` the passages it belongs to (passage tag of its line, plus every
 * geofenced strait it comes within the radius of).
 */
export interface SeaNetwork {
  lon: Float64Array;
  lat: Float64Array;
  /** Adjacency of node n: entries offsets[n] … offsets[n+1]-1 of targets / lengthKm / mask (each edge twice). */
  offsets: Int32Array;
  targets: Int32Array;
  lengthKm: Float64Array;
  mask: Uint32Array;
  /** Connected component of each node (0 = the largest). */
  component: Int32Array;
}

export interface NetworkLine {
  coordinates: [number, number][];
  passage?: string | null;
}

/**
 * Extra marking of edges with a passage, beyond the tags in the network file:
 * - a geofence (circle): every edge coming within `radiusKm` of (lon, lat);
 * - a gate (a meridian segment): every edge crossing longitude `lon` between `latMin` and `latMax`. Used where the
 *   network's tags leave gaps a route can slip through (around the Cape, a lane south of the tagged ones).
 */
export type PassageMark =
  | { id: string; kind: 'geofence'; lon: number; lat: number; radiusKm: number }
  | { id: string; kind: 'gate'; lon: number; latMin: number; latMax: number };

export interface BuildStats {
  lines: number;
  vertices: number;
  nodes: number;
  edges: number;
  duplicateEdges: number;
  components: number;
  largestComponentNodes: number;
  /** Edges marked by each geofence or gate; one with none would never be detected, so the importer rejects it. */
  markedEdges: Record<string, number>;
  /** Edges carrying each passage tag. */
  passageEdges: Record<string, number>;
}

/** Default snapping tolerance: 1e-5° (about 1 m), enough to merge vertices written with rounding differences. */
export const defaultToleranceDeg = 1e-5;

export function buildSeaNetwork(
  lines: readonly NetworkLine[],
  marks: readonly PassageMark[],
  toleranceDeg = defaultToleranceDeg,
): { network: SeaNetwork; stats: BuildStats } {
  const lon: number[] = [];
  const lat: number[] = [];
  const cells = new Map<string, number[]>();
  const cellOf = (x: number, y: number): [number, number] => [
    Math.floor(x / toleranceDeg),
    Math.floor(y / toleranceDeg),
  ];
  const nodeAt = (rawLon: number, rawLat: number): number => {
    const x = wrapLon(rawLon);
    const y = rawLat;
    const [cx, cy] = cellOf(x, y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const n of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs(lon[n] - x) <= toleranceDeg && Math.abs(lat[n] - y) <= toleranceDeg) return n;
        }
      }
    }
    const n = lon.length;
    lon.push(x);
    lat.push(y);
    const key = `${cx},${cy}`;
    const list = cells.get(key);
    if (list) list.push(n);
    else cells.set(key, [n]);
    return n;
  };

  // Undirected edges keyed by (min, max) node: keep the shortest; equal duplicates pool their tags.
  const edgeIndex = new Map<number, number>();
  const eu: number[] = [];
  const ev: number[] = [];
  const ew: number[] = [];
  const em: number[] = [];
  let vertices = 0;
  let duplicateEdges = 0;
  const passageEdges: Record<string, number> = {};
  for (const line of lines) {
    const bit = line.passage ? passageBit(line.passage) : 0;
    let previous = -1;
    for (const [x, y] of line.coordinates) {
      vertices++;
      const n = nodeAt(x, y);
      if (previous >= 0 && previous !== n) {
        const a = Math.min(previous, n);
        const b = Math.max(previous, n);
        const key = a * 4_194_304 + b; // exact for < 4.2 M nodes
        const w = haversineKm(lon[a], lat[a], lon[b], lat[b]);
        const existing = edgeIndex.get(key);
        if (existing === undefined) {
          edgeIndex.set(key, eu.length);
          eu.push(a);
          ev.push(b);
          ew.push(w);
          em.push(bit);
        } else {
          duplicateEdges++;
          em[existing] |= bit;
        }
        if (line.passage) passageEdges[line.passage] = (passageEdges[line.passage] ?? 0) + 1;
      }
      previous = n;
    }
  }

  const markedEdges: Record<string, number> = {};
  for (const mark of marks) {
    const bit = passageBit(mark.id);
    let count = 0;
    for (let e = 0; e < eu.length; e++) {
      const hit =
        mark.kind === 'geofence'
          ? pointSegmentDistanceKm(mark.lon, mark.lat, lon[eu[e]], lat[eu[e]], lon[ev[e]], lat[ev[e]]) <=
            mark.radiusKm
          : crossesMeridian(
              mark.lon,
              mark.latMin,
              mark.latMax,
              lon[eu[e]],
              lat[eu[e]],
              lon[ev[e]],
              lat[ev[e]],
            );
      if (hit) {
        em[e] |= bit;
        count++;
      }
    }
    markedEdges[mark.id] = (markedEdges[mark.id] ?? 0) + count;
  }

  const nodeCount = lon.length;
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e < eu.length; e++) {
    degree[eu[e] + 1]++;
    degree[ev[e] + 1]++;
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] = offsets[n] + degree[n + 1];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(eu.length * 2);
  const lengthKm = new Float64Array(eu.length * 2);
  const mask = new Uint32Array(eu.length * 2);
  for (let e = 0; e < eu.length; e++) {
    for (const [from, to] of [
      [eu[e], ev[e]],
      [ev[e], eu[e]],
    ]) {
      const slot = fill[from]++;
      targets[slot] = to;
      lengthKm[slot] = ew[e];
      mask[slot] = em[e] >>> 0;
    }
  }
  const network: SeaNetwork = {
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    offsets,
    targets,
    lengthKm,
    mask,
    component: new Int32Array(nodeCount),
  };
  const { components, largest } = labelComponents(network);
  return {
    network,
    stats: {
      lines: lines.length,
      vertices,
      nodes: nodeCount,
      edges: eu.length,
      duplicateEdges,
      components,
      largestComponentNodes: largest,
      markedEdges,
      passageEdges,
    },
  };
}

/** Labels connected components (breadth-first), numbering the largest 0, and returns their count. */
function labelComponents(network: SeaNetwork): { components: number; largest: number } {
  const n = network.lon.length;
  const label = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (label[start] >= 0) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = id;
    while (head < tail) {
      const u = queue[head++];
      for (let s = network.offsets[u]; s < network.offsets[u + 1]; s++) {
        const v = network.targets[s];
        if (label[v] < 0) {
          label[v] = id;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  const largestId = sizes.indexOf(Math.max(0, ...sizes));
  for (let i = 0; i < n; i++) {
    const l = label[i];
    network.component[i] = l === largestId ? 0 : l < largestId ? l + 1 : l;
  }
  return { components: sizes.length, largest: sizes[largestId] ?? 0 };
}

/** Whether segment a–b (the short way round) crosses meridian `m` at a latitude within [latMin, latMax]. */
export function crossesMeridian(
  m: number,
  latMin: number,
  latMax: number,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
): boolean {
  const da = wrap180(aLon - m);
  const step = wrap180(bLon - aLon);
  const db = da + step;
  if (da === 0 && db === 0) return false;
  if ((da < 0 && db < 0) || (da > 0 && db > 0)) return false;
  const t = da === db ? 0 : da / (da - db);
  const latAt = aLat + t * (bLat - aLat);
  return latAt >= latMin && latAt <= latMax;
}

function wrap180(d: number): number {
  return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}
