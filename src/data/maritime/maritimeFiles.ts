import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { parseCsv } from '../importers/csvRecords.ts';
import type { NetworkLine } from '../../analysis/maritime/network.ts';
import { passageDefinitions, type PortwatchChokepoint } from '../../analysis/maritime/passages.ts';

/**
 * Readers for the three maritime source files (searoute-py's data folder, ../shared/data/maritime):
 *   marnet_searoute.geojson     FeatureCollection of LineString / MultiLineString lanes, `passage` tag or none
 *   ports.geojson               FeatureCollection of Points: port (UN/LOCODE), name, cty, t (terminal), to_cty
 *   chokepoints_portwatch.csv   portwatch_id,name,lon,lat,searoute_py_passage
 * Every defect is a bad_file error naming the file and the feature (index) or line; nothing is skipped silently.
 */
export const maritimeFileNames = {
  network: 'marnet_searoute.geojson',
  ports: 'ports.geojson',
  chokepoints: 'chokepoints_portwatch.csv',
} as const;

export interface MaritimeInputs {
  network: string;
  ports: string;
  chokepoints: string;
}

/** The three files inside a folder (a mirror copy, or a fetched dataset's store folder). */
export function maritimeInputsIn(dir: string): MaritimeInputs {
  const inputs = {
    network: path.join(dir, maritimeFileNames.network),
    ports: path.join(dir, maritimeFileNames.ports),
    chokepoints: path.join(dir, maritimeFileNames.chokepoints),
  };
  for (const file of Object.values(inputs)) {
    if (!fs.existsSync(file)) {
      throw new ChokepointError('not_found', `missing ${path.basename(file)} in ${dir}`, { file });
    }
  }
  return inputs;
}

export interface PortRecord {
  /** UN/LOCODE, e.g. JPYOK. */
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2: the first two letters of the UN/LOCODE (the `cty` field is a free-text name). */
  country: string;
  countryName: string;
  lon: number;
  lat: number;
  /** searoute-py's terminal flag `t` (1 = container/cargo terminal). */
  terminal: boolean;
  /** Countries (ISO2) this port has services to (`to_cty`), when known. */
  serves: string[];
}

function fail(file: string, field: string, message: string): never {
  throw new ChokepointError('bad_file', message, { file: path.basename(file), field });
}

function readJson(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, {
      file: path.basename(file),
      line,
    });
  }
}

function features(file: string): unknown[] {
  const doc = readJson(file) as { type?: unknown; features?: unknown };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.features)) {
    fail(file, 'features', 'not a GeoJSON FeatureCollection (no "features" array)');
  }
  return doc.features as unknown[];
}

function position(file: string, field: string, p: unknown): [number, number] {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
    fail(file, field, `a position must be [longitude, latitude], found ${JSON.stringify(p)?.slice(0, 60)}`);
  }
  const [lon, lat] = p as [number, number];
  if (!Number.isFinite(lon) || lon < -360 || lon > 360) fail(file, field, `longitude ${lon} out of range`);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) fail(file, field, `latitude ${lat} out of range`);
  return [lon, lat];
}

function lineString(file: string, field: string, coords: unknown): [number, number][] {
  if (!Array.isArray(coords) || coords.length < 2) fail(file, field, 'a line needs at least two positions');
  return (coords as unknown[]).map((p, i) => position(file, `${field}[${i}]`, p));
}

const knownTags = new Set(passageDefinitions.filter((p) => p.kind === 'tag').map((p) => p.id));

/** The shipping lanes, one entry per line (a MultiLineString gives several), validated. */
export function readNetworkLines(file: string): NetworkLine[] {
  const lines: NetworkLine[] = [];
  features(file).forEach((raw, index) => {
    const where = `features[${index}]`;
    const feature = raw as {
      type?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: unknown;
    };
    if (!feature || feature.type !== 'Feature')
      fail(file, where, `feature ${index} is not a GeoJSON Feature`);
    const props = (feature.properties ?? {}) as { passage?: unknown };
    if (typeof props !== 'object') fail(file, `${where}.properties`, 'properties must be an object or null');
    const passage = props.passage ?? null;
    if (passage !== null && (typeof passage !== 'string' || !knownTags.has(passage))) {
      fail(
        file,
        `${where}.properties.passage`,
        `unknown passage ${JSON.stringify(passage)} (known: ${[...knownTags].join(', ')})`,
      );
    }
    const g = feature.geometry;
    if (!g || typeof g !== 'object') fail(file, `${where}.geometry`, `feature ${index} has no geometry`);
    if (g.type === 'LineString') {
      lines.push({ coordinates: lineString(file, `${where}.geometry.coordinates`, g.coordinates), passage });
    } else if (g.type === 'MultiLineString') {
      if (!Array.isArray(g.coordinates))
        fail(file, `${where}.geometry.coordinates`, 'MultiLineString needs an array of lines');
      (g.coordinates as unknown[]).forEach((c, j) =>
        lines.push({ coordinates: lineString(file, `${where}.geometry.coordinates[${j}]`, c), passage }),
      );
    } else {
      fail(
        file,
        `${where}.geometry.type`,
        `feature ${index} is a ${String(g.type)}; lanes must be LineString or MultiLineString`,
      );
    }
  });
  if (lines.length === 0) fail(file, 'features', 'the network has no lines');
  return lines;
}

const locodePattern = /^[A-Z]{2}[A-Z0-9]{3}$/;

export interface RejectedPort {
  index: number;
  field: string;
  reason: string;
}

/**
 * Ports, validated. A feature that is not a usable port (searoute-py's file has one with the code "EG") is
 * rejected and returned with its index and reason for the importer to report and keep; a UN/LOCODE listed twice
 * (38 codes) keeps its first feature, the later ones are returned in `duplicates`.
 */
export function readPorts(file: string): {
  ports: PortRecord[];
  duplicates: { code: string; index: number }[];
  rejected: RejectedPort[];
} {
  const ports: PortRecord[] = [];
  const seen = new Set<string>();
  const duplicates: { code: string; index: number }[] = [];
  const rejected: RejectedPort[] = [];
  features(file).forEach((raw, index) => {
    try {
      readPort(raw, index);
    } catch (error) {
      if (!(error instanceof ChokepointError)) throw error;
      rejected.push({ index, field: error.place.field ?? '', reason: error.message });
    }
  });
  if (ports.length === 0) fail(file, 'features', 'no usable ports');
  return { ports, duplicates, rejected };

  function readPort(raw: unknown, index: number): void {
    const where = `features[${index}]`;
    const feature = raw as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown>;
    };
    if (!feature?.geometry || feature.geometry.type !== 'Point')
      fail(file, `${where}.geometry`, `port feature ${index} is not a Point`);
    const [lon, lat] = position(file, `${where}.geometry.coordinates`, feature.geometry.coordinates);
    const p = feature.properties ?? {};
    const code = p.port;
    if (typeof code !== 'string' || !locodePattern.test(code)) {
      fail(
        file,
        `${where}.properties.port`,
        `port code ${JSON.stringify(code)} is not a UN/LOCODE (5 characters, e.g. JPYOK)`,
      );
    }
    const serves = p.to_cty ?? [];
    if (!Array.isArray(serves) || serves.some((c) => typeof c !== 'string' || !/^[A-Z]{2}$/.test(c))) {
      fail(file, `${where}.properties.to_cty`, 'to_cty must be a list of ISO 3166-1 alpha-2 codes');
    }
    if (seen.has(code)) {
      duplicates.push({ code, index });
      return;
    }
    seen.add(code);
    ports.push({
      code,
      name: typeof p.name === 'string' ? p.name : code,
      country: code.slice(0, 2),
      countryName: typeof p.cty === 'string' ? p.cty.replaceAll('_', ' ') : '',
      lon,
      lat,
      terminal: p.t === 1,
      serves: [...new Set(serves as string[])],
    });
  }
}

/** The PortWatch chokepoint list. */
export function readChokepoints(file: string): PortwatchChokepoint[] {
  const records = parseCsv(fs.readFileSync(file, 'utf8'), path.basename(file));
  const header = records[0]?.fields.map((f) => f.trim()) ?? [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new ChokepointError('bad_file', `no column ${name}`, {
        file: path.basename(file),
        line: 1,
        column: name,
      });
    return i;
  };
  const [id, name, lon, lat, passage] = ['portwatch_id', 'name', 'lon', 'lat', 'searoute_py_passage'].map(
    col,
  );
  return records.slice(1).map((r) => {
    const x = Number(r.fields[lon]);
    const y = Number(r.fields[lat]);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) {
      throw new ChokepointError(
        'bad_file',
        `coordinates "${r.fields[lon]}", "${r.fields[lat]}" are not a longitude and latitude`,
        {
          file: path.basename(file),
          line: r.line,
        },
      );
    }
    const tag = r.fields[passage]?.trim();
    return {
      portwatchId: r.fields[id].trim(),
      name: r.fields[name].trim(),
      lon: x,
      lat: y,
      passage: tag || undefined,
    };
  });
}
