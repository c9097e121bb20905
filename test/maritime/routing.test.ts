import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { ChokepointError } from '../../src/errors.ts';
import { importSeaNetwork } from '../../src/data/maritime/importSeaNetwork.ts';
import {
  findPort,
  openSeaRoutes,
  parseClosures,
  routeBetweenPorts,
  type SeaRoutes,
} from '../../src/data/maritime/seaRoutes.ts';
import { encodeSeaNetwork, readSeaNetwork } from '../../src/data/maritime/seaNetworkFile.ts';
import { mainPortOverridesFile, mainPortsByCountry } from '../../src/data/maritime/countryRouteCache.ts';

const maritime = path.join(sharedData, 'maritime');

/**
 * An independent shortest-path computation on the same GeoJSON, read here without the importer: nodes keyed by
 * coordinates rounded to 5 decimals after wrapping longitude (±180 the same node), edges between consecutive
 * vertices with their haversine length, closure by the file's `passage` tags plus the two IHO gates (meridian
 * 20°E south of 34.83°S closes south_africa, 67.27°W south of 55.98°S closes chili), ports snapped by brute
 * force, and Dijkstra in its O(V²) array form (no heap).
 */
interface Reference {
  lon: number[];
  lat: number[];
  adj: { to: number; km: number; tag: string | null; gate: string | null }[][];
}

function hav(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

function gateOf(lon1: number, lat1: number, lon2: number, lat2: number): string | null {
  for (const [id, m, top] of [
    ['south_africa', 20, -34.83],
    ['chili', -67.27, -55.98],
  ] as const) {
    let d1 = lon1 - m;
    let d2 = lon2 - m;
    if (Math.abs(lon2 - lon1) > 180) continue; // the antimeridian is far from both gates
    if (d1 === 0 && d2 === 0) continue;
    if ((d1 < 0 && d2 < 0) || (d1 > 0 && d2 > 0)) continue;
    const t = d1 === d2 ? 0 : d1 / (d1 - d2);
    if (lat1 + t * (lat2 - lat1) <= top) return id;
    d1 = d2 = 0;
  }
  return null;
}

function readReference(): Reference {
  const geo = JSON.parse(fs.readFileSync(path.join(maritime, 'marnet_searoute.geojson'), 'utf8'));
  const ids = new Map<string, number>();
  const ref: Reference = { lon: [], lat: [], adj: [] };
  const node = (x: number, y: number): number => {
    let lon = x > 180 ? x - 360 : x;
    if (lon === 180) lon = -180;
    const key = `${lon.toFixed(5)},${y.toFixed(5)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ref.lon.length;
      ids.set(key, id);
      ref.lon.push(lon);
      ref.lat.push(y);
      ref.adj.push([]);
    }
    return id;
  };
  for (const f of geo.features) {
    const tag: string | null = f.properties?.passage ?? null;
    const lines: number[][][] =
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = node(line[i - 1][0], line[i - 1][1]);
        const b = node(line[i][0], line[i][1]);
        if (a === b) continue;
        const km = hav(ref.lon[a], ref.lat[a], ref.lon[b], ref.lat[b]);
        const gate = gateOf(ref.lon[a], ref.lat[a], ref.lon[b], ref.lat[b]);
        ref.adj[a].push({ to: b, km, tag, gate });
        ref.adj[b].push({ to: a, km, tag, gate });
      }
    }
  }
  return ref;
}

function referenceRoute(
  ref: Reference,
  from: { lon: number; lat: number },
  to: { lon: number; lat: number },
  closed: string[],
): { km: number; tags: string[] } | null {
  const snap = (p: { lon: number; lat: number }) => {
    let best = 0;
    let bestKm = Infinity;
    for (let i = 0; i < ref.lon.length; i++) {
      const d = hav(p.lon, p.lat, ref.lon[i], ref.lat[i]);
      if (d < bestKm) [best, bestKm] = [i, d];
    }
    return { node: best, km: bestKm };
  };
  const s = snap(from);
  const t = snap(to);
  const n = ref.lon.length;
  const dist = new Array<number>(n).fill(Infinity);
  const prev = new Array<number>(n).fill(-1);
  const prevTag = new Array<string | null>(n).fill(null);
  const done = new Array<boolean>(n).fill(false);
  dist[s.node] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0 || u === t.node) break;
    done[u] = true;
    for (const e of ref.adj[u]) {
      if ((e.tag && closed.includes(e.tag)) || (e.gate && closed.includes(e.gate))) continue;
      if (dist[u] + e.km < dist[e.to]) {
        dist[e.to] = dist[u] + e.km;
        prev[e.to] = u;
        prevTag[e.to] = e.tag;
      }
    }
  }
  if (!Number.isFinite(dist[t.node])) return null;
  const tags: string[] = [];
  for (let v = t.node; v !== s.node; v = prev[v]) {
    const tag = prevTag[v];
    if (tag && tags[tags.length - 1] !== tag) tags.push(tag);
  }
  return { km: dist[t.node] + s.km + t.km, tags: tags.reverse() };
}

function portCoordinates(code: string): { lon: number; lat: number } {
  const geo = JSON.parse(fs.readFileSync(path.join(maritime, 'ports.geojson'), 'utf8'));
  const f = geo.features.find((x: { properties: { port: string } }) => x.properties.port === code);
  return { lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
}

const tagged = new Set([
  'suez',
  'panama',
  'malacca',
  'ormuz',
  'babalmandab',
  'gibraltar',
  'bosporus',
  'dardanelles',
  'sunda',
  'south_africa',
  'chili',
  'bering',
  'northwest',
]);

let routes: SeaRoutes;
let ref: Reference;
let dataDir: DataDir;

beforeAll(() => {
  dataDir = new DataDir(tempDir()).ensure();
  importSeaNetwork({ catalog: new Catalog(dataDir), dataDir, dir: maritime });
  routes = openSeaRoutes(dataDir, new Catalog(dataDir));
  ref = readReference();
}, 120_000);

describe('sea network import', () => {
  it('builds one connected graph from the real marnet file, with provenance', () => {
    const entry = routes.entry;
    const stats = entry.extra!.stats as { components: number; nodes: number; edges: number; lines: number };
    expect(entry.kind).toBe('maritime');
    expect(stats.components).toBe(1);
    // 4,108 LineStrings + one MultiLineString of 2 lines = 4,110 lines. The reference reader merges vertices
    // by rounding to 5 decimals, the importer within 1e-5° of each other: a handful of near-coincident vertices
    // differ (9,681 vs 9,677), which the route distances below show changes nothing.
    expect(stats.lines).toBe(4110);
    expect(Math.abs(stats.nodes - ref.lon.length)).toBeLessThanOrEqual(10);
    expect(entry.files.map((f) => f.name).sort()).toEqual([
      'chokepoints_portwatch.csv',
      'marnet_searoute.geojson',
      'ports.geojson',
    ]);
    // The file's one port without a UN/LOCODE ("EG", Ras Budran) is rejected and reported, not dropped silently.
    expect(entry.rejectedRows).toBe(1);
    expect(entry.extra!.rejectedPorts).toEqual([expect.objectContaining({ index: 942 })]);
  });

  it('builds from a fetched maritime dataset (catalog entry), keeping its provenance', () => {
    const target = new DataDir(tempDir()).ensure();
    const catalog = new Catalog(target);
    const scratch = target.scratch('maritime');
    for (const f of ['marnet_searoute.geojson', 'ports.geojson', 'chokepoints_portwatch.csv'])
      fs.copyFileSync(path.join(maritime, f), path.join(scratch, f));
    const fetched = catalog.publish(
      {
        id: 'maritime',
        kind: 'maritime',
        title: 'Shipping-lane network, ports and chokepoints',
        publisher: 'searoute-py',
        version: 'searoute-py 4446009a',
        source: 'mirror',
        retrievedAt: '2026-01-01T00:00:00.000Z',
        importedAt: '2026-01-01T00:00:00.000Z',
        synthetic: false,
        files: [],
        rows: 0,
        rejectedRows: 0,
      },
      scratch,
      'v1',
    );
    const built = importSeaNetwork({ catalog, dataDir: target, source: fetched });
    expect(built).toMatchObject({
      id: 'sea-network',
      version: 'searoute-py 4446009a',
      source: 'mirror',
      retrievedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(built.extra!.versionKey).toBe(routes.versionKey);
    const r = routeBetweenPorts(openSeaRoutes(target, catalog), 'JPYOK', 'NLRTM', parseClosures([]));
    expect(r.distanceKm).toBe(routeBetweenPorts(routes, 'JPYOK', 'NLRTM', parseClosures([])).distanceKm);
  }, 120_000);

  it('stores the graph as typed arrays that read back identically', () => {
    const again = readSeaNetwork(path.join(dataDir.absolute(routes.entry.path), 'graph.bin'));
    expect(Buffer.compare(encodeSeaNetwork(again), encodeSeaNetwork(routes.network))).toBe(0);
    expect(again.targets.length).toBe(2 * (routes.entry.extra!.stats as { edges: number }).edges);
  });
});

describe('port-to-port routes against an independent O(V²) Dijkstra', () => {
  const cases: { from: string; to: string; closed: string[]; expectTags: string[]; expectAlso?: string[] }[] =
    [
      // Yokohama → Rotterdam: Malacca, Bab el-Mandeb, Suez, Gibraltar, then the Dover Strait (geofence).
      {
        from: 'JPYOK',
        to: 'NLRTM',
        closed: [],
        expectTags: ['malacca', 'babalmandab', 'suez', 'gibraltar'],
        expectAlso: ['dover'],
      },
      // Singapore → Rotterdam with Suez closed: around the Cape of Good Hope.
      {
        from: 'SGSIN',
        to: 'NLRTM',
        closed: ['suez'],
        expectTags: ['sunda', 'south_africa'],
        expectAlso: ['dover'],
      },
      // Shanghai → Los Angeles across the Pacific (and the antimeridian): no tagged passage.
      { from: 'CNSHA', to: 'USLAX', closed: [], expectTags: [] },
      // Mesaieed (Qatar) → Yokohama: Hormuz then Malacca.
      { from: 'QAMES', to: 'JPYOK', closed: [], expectTags: ['ormuz', 'malacca'] },
      // Santos → Shanghai with the Cape closed: west about, through the Magellan/Cape Horn passage.
      { from: 'BRSSZ', to: 'CNSHA', closed: ['south_africa'], expectTags: ['chili'] },
    ];
  for (const c of cases) {
    it(`${c.from} → ${c.to}${c.closed.length ? ` with ${c.closed.join(', ')} closed` : ''}`, () => {
      const mine = routeBetweenPorts(routes, c.from, c.to, parseClosures(c.closed));
      const theirs = referenceRoute(ref, portCoordinates(c.from), portCoordinates(c.to), [
        'northwest',
        ...c.closed,
      ]);
      expect(theirs).not.toBeNull();
      expect(mine.distanceKm).not.toBeNull();
      expect(Math.abs(mine.distanceKm! - theirs!.km)).toBeLessThan(0.1);
      expect(theirs!.tags).toEqual(c.expectTags);
      expect(mine.passages.filter((p) => tagged.has(p))).toEqual(theirs!.tags);
      for (const strait of c.expectAlso ?? []) expect(mine.passages).toContain(strait);
      // Days at 14 knots = km / (14 × 1.852 × 24 km/day).
      expect(mine.days!).toBeCloseTo(mine.distanceKm! / (14 * 1.852 * 24), 1);
    }, 60_000);
  }

  it('closing Suez forces a detour of thousands of km, found by both computations', () => {
    const open = routeBetweenPorts(routes, 'SGSIN', 'NLRTM', parseClosures([]));
    const closed = routeBetweenPorts(routes, 'SGSIN', 'NLRTM', parseClosures('suez'));
    expect(open.passages).toContain('suez');
    expect(closed.passages).not.toContain('suez');
    expect(closed.distanceKm! - open.distanceKm!).toBeGreaterThan(3000);
  });

  it('Shanghai → Los Angeles is a short Pacific crossing whose map line is split at the antimeridian', () => {
    const r = routeBetweenPorts(routes, 'CNSHA', 'USLAX', parseClosures([]));
    // Great-circle Shanghai–Los Angeles is about 10,450 km; the lanes add a little, westabout would be > 20,000.
    expect(r.distanceKm!).toBeGreaterThan(10_000);
    expect(r.distanceKm!).toBeLessThan(12_000);
    const pieces = r.route!.geometry.coordinates;
    expect(pieces.length).toBe(2);
    for (const piece of pieces) for (const [lon] of piece) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(pieces[0][pieces[0].length - 1][0])).toBe(180);
  });
});

describe('closures that leave no route', () => {
  it('Hormuz closed: no sea route out of the Gulf (Jebel Ali → Yokohama), in both computations', () => {
    const mine = routeBetweenPorts(routes, 'AEJEA', 'JPYOK', parseClosures('ormuz'));
    expect(mine.route).toBeNull();
    expect(mine.distanceKm).toBeNull();
    expect(mine.message).toMatch(/no sea route from AEJEA to JPYOK/);
    expect(
      referenceRoute(ref, portCoordinates('AEJEA'), portCoordinates('JPYOK'), ['northwest', 'ormuz']),
    ).toBeNull();
  }, 60_000);

  it('every passage closed: no route from Yokohama to Rotterdam', () => {
    const mine = routeBetweenPorts(routes, 'JPYOK', 'NLRTM', parseClosures('all'));
    expect(mine.route).toBeNull();
    expect(mine.closed).toContain('suez');
  });
});

describe('main ports', () => {
  it('follow the rule (Yokohama for Japan; a port per coast for the USA; Hamburg for landlocked Austria) and the override file', () => {
    const plain = mainPortsByCountry(routes, new DataDir(tempDir()));
    expect(plain.get('JPN')).toEqual({ country: 'JPN', ports: ['JPYOK'], reason: 'rule' });
    expect(plain.get('USA')!.ports).toEqual(expect.arrayContaining(['USNYC', 'USOAK']));
    expect(plain.get('AUT')).toEqual({ country: 'AUT', ports: ['DEHAM'], reason: 'gateway' });
    const custom = new DataDir(tempDir());
    fs.mkdirSync(path.dirname(mainPortOverridesFile(custom)), { recursive: true });
    fs.writeFileSync(mainPortOverridesFile(custom), JSON.stringify({ JPN: ['JPUKB', 'JPTYO'] }));
    expect(mainPortsByCountry(routes, custom).get('JPN')).toEqual({
      country: 'JPN',
      ports: ['JPUKB', 'JPTYO'],
      reason: 'override',
    });
    fs.writeFileSync(mainPortOverridesFile(custom), JSON.stringify({ JPN: ['JPXXX'] }));
    expect(() => mainPortsByCountry(routes, custom)).toThrow(/"JPN" must list known port codes/);
  });
});

describe('bad input', () => {
  it('an unknown port code is an error suggesting close matches', () => {
    try {
      findPort(routes, 'JPYOX');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChokepointError);
      expect((error as ChokepointError).code).toBe('unknown_code');
      expect((error as ChokepointError).message).toMatch(/JPYOK \(Yokohama\)/);
    }
  });

  it('an unknown passage is an error listing the known ones', () => {
    expect(() => parseClosures('suz')).toThrow(/unknown passage "suz".*suez/);
  });

  it('a malformed network file is rejected naming the file and the feature, and nothing is published', () => {
    const dir = tempDir();
    for (const f of ['ports.geojson', 'chokepoints_portwatch.csv'])
      fs.copyFileSync(path.join(maritime, f), path.join(dir, f));
    const geo = JSON.parse(fs.readFileSync(path.join(maritime, 'marnet_searoute.geojson'), 'utf8'));
    geo.features[17].geometry.coordinates = [[12.5, 'north']];
    fs.writeFileSync(path.join(dir, 'marnet_searoute.geojson'), JSON.stringify(geo));
    const target = new DataDir(tempDir()).ensure();
    const catalog = new Catalog(target);
    try {
      importSeaNetwork({ catalog, dataDir: target, dir });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChokepointError);
      const e = error as ChokepointError;
      expect(e.code).toBe('bad_file');
      expect(e.place.file).toBe('marnet_searoute.geojson');
      expect(e.place.field).toMatch(/^features\[17\]\.geometry\.coordinates/);
    }
    fs.writeFileSync(
      path.join(dir, 'marnet_searoute.geojson'),
      '{"type":"FeatureCollection","features":[\n{"type":"Feature",,}]}',
    );
    expect(() => importSeaNetwork({ catalog, dataDir: target, dir })).toThrow(ChokepointError);
    expect(catalog.list()).toEqual([]);
  });
});
