import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DataDir } from '../catalog/dataDir.ts';
import { writeFileAtomic } from '../catalog/dataDir.ts';
import { ChokepointError } from '../../errors.ts';
import { countries } from '../reference/countries.ts';
import {
  countryRouteMatrix,
  type CountryPorts,
  type CountryRoute,
} from '../../analysis/maritime/countryRoutes.ts';
import { selectMainPorts, type MainPorts } from '../../analysis/maritime/mainPorts.ts';
import { placeOf, type Closures, type SeaRoutes } from './seaRoutes.ts';

/**
 * Routes between the main ports of all countries, precomputed once per (network version, main-port choice,
 * closures) and cached in <data dir>/cache/maritime/ (disposable: rebuilt when missing). Country keys are ISO3.
 * Main ports follow mainPorts.ts; <data dir>/config/main-ports.json ({"USA": ["USLAX", "USNYC"], …}, ISO3 or
 * ISO2 keys) overrides the rule for the countries it names.
 */
export interface CountryRouteTable {
  versionKey: string;
  closures: Closures;
  mainPorts: Map<string, MainPorts>;
  /** Hash of the main-port choice (rule or override file) the routes were computed for. */
  portsKey: string;
  routes: Map<string, Map<string, CountryRoute | null>>;
  /** Milliseconds spent computing (0 when read from the cache). */
  computedMs: number;
  fromCache: boolean;
}

const iso2to3 = new Map<string, string>();
for (const c of countries)
  if (c.iso2 && c.kind !== 'historical' && !iso2to3.has(c.iso2)) iso2to3.set(c.iso2, c.iso3);
const iso3to2 = new Map([...iso2to3].map(([a, b]) => [b, a]));

export function mainPortOverridesFile(dataDir: DataDir): string {
  return path.join(dataDir.root, 'config', 'main-ports.json');
}

/** Main ports by ISO3, with the override file applied (validated: unknown countries or ports are errors). */
export function mainPortsByCountry(routes: SeaRoutes, dataDir: DataDir): Map<string, MainPorts> {
  const file = mainPortOverridesFile(dataDir);
  const overrides: Record<string, string[]> = {};
  if (fs.existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ChokepointError('bad_file', 'expected an object of country → list of UN/LOCODEs', { file });
    }
    for (const [key, codes] of Object.entries(raw as Record<string, unknown>)) {
      const iso2 = key.length === 3 ? iso3to2.get(key.toUpperCase()) : key.toUpperCase();
      if (!iso2 || !iso2to3.has(iso2))
        throw new ChokepointError('bad_file', `unknown country "${key}"`, { file, field: key });
      if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string' || !routes.portByCode.has(c))) {
        throw new ChokepointError('bad_file', `"${key}" must list known port codes (UN/LOCODE)`, {
          file,
          field: key,
        });
      }
      overrides[iso2] = codes as string[];
    }
  }
  const byIso2 = selectMainPorts(routes.ports, undefined, overrides);
  const out = new Map<string, MainPorts>();
  for (const [iso2, mp] of byIso2) {
    const iso3 = iso2to3.get(iso2);
    if (iso3 && mp.ports.length) out.set(iso3, { ...mp, country: iso3 });
  }
  return out;
}

const memory = new Map<string, CountryRouteTable>();

export function countryRouteTable(
  routes: SeaRoutes,
  dataDir: DataDir,
  closures: Closures,
  onProgress?: (done: number, total: number) => void,
): CountryRouteTable {
  const mainPorts = mainPortsByCountry(routes, dataDir);
  const portsKey = createHash('sha256')
    .update(JSON.stringify([...mainPorts.values()].map((m) => [m.country, m.ports])))
    .digest('hex')
    .slice(0, 12);
  const file = path.join(
    dataDir.root,
    'cache',
    'maritime',
    routes.versionKey,
    `${portsKey}-${closures.key}.json`,
  );
  const hit = memory.get(file);
  if (hit) return hit;
  if (fs.existsSync(file)) {
    try {
      const table = decode(
        JSON.parse(fs.readFileSync(file, 'utf8')) as CachedTable,
        routes.versionKey,
        closures,
        mainPorts,
        portsKey,
      );
      memory.set(file, table);
      return table;
    } catch {
      // A damaged cache file is rebuilt below.
    }
  }
  const started = performance.now();
  const list: CountryPorts[] = [...mainPorts.values()]
    .sort((a, b) => a.country.localeCompare(b.country))
    .map((m) => ({
      country: m.country,
      ports: m.ports.map((code) => ({ code, place: placeOf(routes.portByCode.get(code)!) })),
    }));
  const matrix = countryRouteMatrix(routes.network, list, closures.mask, onProgress);
  const table: CountryRouteTable = {
    versionKey: routes.versionKey,
    closures,
    mainPorts,
    portsKey,
    routes: matrix,
    computedMs: performance.now() - started,
    fromCache: false,
  };
  writeFileAtomic(file, JSON.stringify(encode(table)));
  memory.set(file, table);
  return table;
}

interface CachedTable {
  versionKey: string;
  countries: string[];
  /** [origin index, destination index, km, from port, to port, passages joined by '+'] or [o, d] for none. */
  routes: (number | string)[][];
}

function encode(table: CountryRouteTable): CachedTable {
  const countryList = [...table.routes.keys()];
  const index = new Map(countryList.map((c, i) => [c, i]));
  const rows: (number | string)[][] = [];
  for (const [o, row] of table.routes) {
    for (const [d, r] of row) {
      rows.push(
        r
          ? [
              index.get(o)!,
              index.get(d)!,
              Math.round(r.distanceKm * 1000) / 1000,
              r.fromPort,
              r.toPort,
              r.passages.join('+'),
            ]
          : [index.get(o)!, index.get(d)!],
      );
    }
  }
  return { versionKey: table.versionKey, countries: countryList, routes: rows };
}

function decode(
  cached: CachedTable,
  versionKey: string,
  closures: Closures,
  mainPorts: Map<string, MainPorts>,
  portsKey: string,
): CountryRouteTable {
  if (cached.versionKey !== versionKey) throw new Error('stale cache');
  const routes = new Map<string, Map<string, CountryRoute | null>>();
  for (const c of cached.countries) routes.set(c, new Map());
  for (const r of cached.routes) {
    const o = cached.countries[r[0] as number];
    const d = cached.countries[r[1] as number];
    routes.get(o)!.set(
      d,
      r.length > 2
        ? {
            distanceKm: r[2] as number,
            fromPort: r[3] as string,
            toPort: r[4] as string,
            passages: r[5] ? (r[5] as string).split('+') : [],
          }
        : null,
    );
  }
  return { versionKey, closures, mainPorts, portsKey, routes, computedMs: 0, fromCache: true };
}
