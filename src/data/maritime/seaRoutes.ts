import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogEntry, Provenance } from '../catalog/catalog.ts';
import { provenanceOf } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { ChokepointError } from '../../errors.ts';
import type { SeaNetwork } from '../../analysis/maritime/network.ts';
import {
  closureMask,
  defaultClosed,
  passageById,
  passageDefinitions,
  type PortwatchChokepoint,
} from '../../analysis/maritime/passages.ts';
import {
  defaultSpeedKnots,
  routeGeometry,
  seaRoute,
  type NetworkPlace,
} from '../../analysis/maritime/route.ts';
import { seaNetworkId, type SnappedPort } from './importSeaNetwork.ts';
import { readSeaNetwork } from './seaNetworkFile.ts';

/** The imported sea network, loaded once per process (files under a version key never change). */
export interface SeaRoutes {
  entry: CatalogEntry;
  versionKey: string;
  network: SeaNetwork;
  ports: SnappedPort[];
  portByCode: Map<string, SnappedPort>;
  chokepoints: PortwatchChokepoint[];
}

const loaded = new Map<string, SeaRoutes>();

export function openSeaRoutes(dataDir: DataDir, catalog: Catalog, id = seaNetworkId): SeaRoutes {
  const entry = catalog.find(id);
  if (!entry || entry.kind !== 'maritime' || !entry.extra?.versionKey) {
    throw new ChokepointError(
      'not_found',
      `no sea-route network "${id}"${dataDir.whereForMessages}: run \`chokepoint data import maritime <folder with marnet_searoute.geojson, ports.geojson, chokepoints_portwatch.csv>\`` +
        ' (or without a folder after `chokepoint data fetch maritime`)',
      { field: 'dataset' },
    );
  }
  const dir = dataDir.datasetDir(entry);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const ports = JSON.parse(fs.readFileSync(path.join(dir, 'ports.json'), 'utf8')) as SnappedPort[];
  const routes: SeaRoutes = {
    entry,
    versionKey: String(entry.extra.versionKey),
    network: readSeaNetwork(path.join(dir, 'graph.bin')),
    ports,
    portByCode: new Map(ports.map((p) => [p.code, p])),
    chokepoints: JSON.parse(
      fs.readFileSync(path.join(dir, 'chokepoints.json'), 'utf8'),
    ) as PortwatchChokepoint[],
  };
  loaded.set(dir, routes);
  return routes;
}

export function placeOf(port: SnappedPort): NetworkPlace {
  return { lon: port.lon, lat: port.lat, node: port.node, accessKm: port.accessKm };
}

/** A port by UN/LOCODE; an unknown code is an error listing close matches (same country, similar code or name). */
export function findPort(routes: SeaRoutes, code: string, field = 'port'): SnappedPort {
  const wanted = code.trim().toUpperCase().replace(/\s+/g, '');
  const port = routes.portByCode.get(wanted);
  if (port) return port;
  const nameMatch = code.trim().toLowerCase();
  const scored = routes.ports
    .map((p) => ({
      p,
      d:
        editDistance(p.code, wanted) -
        (nameMatch.length >= 3 && p.name.toLowerCase().includes(nameMatch) ? 3 : 0),
    }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d || a.p.code.localeCompare(b.p.code))
    .slice(0, 6);
  throw new ChokepointError(
    'unknown_code',
    `unknown port code "${code}"` +
      (scored.length
        ? `; did you mean ${scored.map((x) => `${x.p.code} (${x.p.name})`).join(', ')}?`
        : ' (UN/LOCODE, e.g. JPYOK)'),
    { field },
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

export interface Closures {
  /** Passages closed, sorted (the default-closed ones included unless opened). */
  ids: string[];
  mask: number;
  /** Stable key for caches: sorted ids joined by '+', or 'none'. */
  key: string;
}

/**
 * Closed passages from user input ("suez,babalmandab", "all"), plus the default-closed Northwest Passage unless
 * listed in `open`. Unknown names are a bad_input error listing the known ones.
 */
export function parseClosures(
  closed: string | readonly string[] | undefined,
  open: string | readonly string[] | undefined = [],
): Closures {
  const split = (v: string | readonly string[] | undefined): string[] =>
    (typeof v === 'string' ? v.split(',') : (v ?? [])).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const closing = split(closed);
  const opening = split(open);
  for (const [field, list] of [
    ['closed', closing],
    ['open', opening],
  ] as const) {
    for (const id of list) {
      if (id !== 'all' && !passageById(id)) {
        throw new ChokepointError(
          'bad_input',
          `unknown passage "${id}" (known: ${passageDefinitions.map((p) => p.id).join(', ')}, or all)`,
          { field },
        );
      }
    }
  }
  const ids = closing.includes('all')
    ? passageDefinitions.map((p) => p.id)
    : [...new Set([...defaultClosed, ...closing])].filter(
        (id) => !opening.includes(id) || closing.includes(id),
      );
  const sorted = passageDefinitions.map((p) => p.id).filter((id) => ids.includes(id));
  return { ids: sorted, mask: closureMask(sorted), key: sorted.length ? sorted.join('+') : 'none' };
}

export interface PortSummary {
  code: string;
  name: string;
  country: string;
  lon: number;
  lat: number;
}

export interface PortRouteResult {
  from: PortSummary;
  to: PortSummary;
  closed: string[];
  speedKnots: number;
  /** Null with `message` when no sea route exists with these closures. */
  distanceKm: number | null;
  days: number | null;
  passages: string[];
  route: {
    distanceKm: number;
    days: number;
    passages: string[];
    geometry: ReturnType<typeof routeGeometry>;
  } | null;
  message?: string;
  method: string;
  provenance: Provenance;
}

export const routeMethod =
  'Shortest path (Dijkstra) on the marnet shipping-lane network by great-circle length; ports snapped to the nearest ' +
  'network node (the straight legs count in the distance); days = km / (knots × 1.852 × 24)';

function summary(p: SnappedPort): PortSummary {
  return { code: p.code, name: p.name, country: p.country, lon: p.lon, lat: p.lat };
}

export function routeBetweenPorts(
  routes: SeaRoutes,
  fromCode: string,
  toCode: string,
  closures: Closures,
  speedKnots = defaultSpeedKnots,
): PortRouteResult {
  if (!(speedKnots > 0 && speedKnots <= 60)) {
    throw new ChokepointError('bad_input', `speed must be between 0 and 60 knots, not ${speedKnots}`, {
      field: 'speed-knots',
    });
  }
  const from = findPort(routes, fromCode, 'from');
  const to = findPort(routes, toCode, 'to');
  const route = seaRoute(routes.network, placeOf(from), placeOf(to), closures.mask, speedKnots);
  const base = {
    from: summary(from),
    to: summary(to),
    closed: closures.ids,
    speedKnots,
    method: routeMethod,
    provenance: provenanceOf(routes.entry),
  };
  if (!route) {
    return {
      ...base,
      distanceKm: null,
      days: null,
      passages: [],
      route: null,
      message: `no sea route from ${from.code} to ${to.code} with ${closures.ids.join(', ')} closed`,
    };
  }
  const distanceKm = Math.round(route.distanceKm * 10) / 10;
  const days = Math.round(route.days * 100) / 100;
  return {
    ...base,
    distanceKm,
    days,
    passages: route.passages,
    route: { distanceKm, days, passages: route.passages, geometry: routeGeometry(route) },
  };
}
