import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry, SourceFile } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import { parseCsvTable, parseNumberField, type CsvRecord } from './csvRecords.ts';
import { readTextFile, type TextEncoding } from './textEncoding.ts';

/**
 * Patent (or other capability) counts by country × technology field × year → the `patents` dataset (Parquet):
 *   source (e.g. uspto, pct, or the user's name), field (slug), year, country (ISO3 or NULL), name (as in the
 *   file), kind ('country' | 'world' | 'aggregate' | 'unresolved'), count.
 * Two layouts:
 * - NSF NCSES Science & Engineering Indicators tables (SINV-4 … SINV-16): `table_number,region_path,country,
 *   row_label,year,value,flag` with `ncses_tables.csv` beside it naming each table (office and field come from
 *   the title). Regions and groups are the names that have children in region_path.
 * - any CSV with columns country, field, year, count (rename with `map`, e.g. {country: 'Economy'}), and an
 *   optional source column (else `source`).
 * Names that are neither a country nor a known aggregate are kept with kind 'unresolved' and reported, never
 * dropped; indicators use kind = 'country' only.
 */
export type CountryResolver = (name: string) => string | null;

export interface PatentImportOptions {
  catalog: Catalog;
  dataDir: DataDir;
  analytics: AnalyticsStore;
  file: string;
  format?: 'ncses' | 'csv';
  /** For format csv: column names in the file for country, field, year, count, source. */
  map?: Partial<Record<'country' | 'field' | 'year' | 'count' | 'source', string>>;
  /** For format csv without a source column. */
  source?: string;
  id?: string;
  resolveCountry: CountryResolver;
  onProgress?: (done: number, total: number) => void;
  /** The dataset the file came from (a fetched dataset's stored file): its marking carries over. */
  derivedFrom?: string[];
  /** Forced text encoding (`--encoding`); else textEncoding.ts decides. */
  encoding?: TextEncoding;
}

export interface PatentRow {
  source: string;
  field: string;
  year: number;
  country: string | null;
  name: string;
  kind: 'country' | 'world' | 'aggregate' | 'unresolved';
  count: number;
}

export interface PatentImportResult {
  entry: CatalogEntry;
  unresolved: { name: string; rows: number; firstLine: number }[];
  aggregates: string[];
  emptyCounts: number;
}

const worldNames = new Set(['world', 'total', 'all countries']);

export function fieldSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "EU-27<sup>b</sup>" → "EU-27": NCSES names carry footnote markers. */
function cleanName(name: string): string {
  return name.replace(/<sup>.*?<\/sup>/g, '').trim();
}

/** NCSES table titles → office and field: "USPTO utility patents granted in chemistry, …" → uspto / chemistry. */
export function ncsesTableField(title: string): { source: string; field: string } | null {
  const m =
    /^(USPTO utility patents granted|Patent Cooperation Treaty applications)(?: in ([a-z ]+?))?(?: to inventors)?,/i.exec(
      title,
    );
  if (!m) return null;
  return { source: m[1].startsWith('USPTO') ? 'uspto' : 'pct', field: m[2] ? fieldSlug(m[2]) : 'total' };
}

function header(records: CsvRecord[], file: string): string[] {
  if (records.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file });
  return records[0].fields.map((h) => h.trim());
}

function column(head: string[], name: string, file: string): number {
  const i = head.indexOf(name);
  if (i < 0)
    throw new ChokepointError('bad_file', `no column "${name}" (columns: ${head.join(', ')})`, {
      file,
      line: 1,
      column: name,
    });
  return i;
}

function parseYear(text: string, place: { file: string; line: number; column: string }): number {
  const y = Number(text.trim());
  if (!Number.isInteger(y) || y < 1800 || y > 2200)
    throw new ChokepointError('bad_file', `"${text}" is not a year`, place);
  return y;
}

interface Parsed {
  rows: (PatentRow & { line: number })[];
  emptyCounts: number;
  aggregates: Set<string>;
}

function parseNcses(file: string, resolve: CountryResolver, encoding?: TextEncoding): Parsed {
  const tablesFile = path.join(path.dirname(file), 'ncses_tables.csv');
  if (!fs.existsSync(tablesFile)) {
    throw new ChokepointError(
      'bad_file',
      `NCSES format needs ncses_tables.csv beside the data file (looked for ${tablesFile})`,
      { file },
    );
  }
  const tables = parseCsvTable(readTextFile(tablesFile, { encoding }).text, tablesFile);
  const th = header(tables, tablesFile);
  const [tn, tt] = [column(th, 'table_number', tablesFile), column(th, 'title', tablesFile)];
  const fieldOf = new Map<string, { source: string; field: string }>();
  for (const r of tables.slice(1)) {
    const f = ncsesTableField(r.fields[tt]);
    if (!f)
      throw new ChokepointError('bad_file', `cannot tell office and field from the title "${r.fields[tt]}"`, {
        file: tablesFile,
        line: r.line,
        column: 'title',
      });
    fieldOf.set(r.fields[tn], f);
  }
  const records = parseCsvTable(readTextFile(file, { encoding }).text, file);
  const h = header(records, file);
  const at = {
    table: column(h, 'table_number', file),
    path: column(h, 'region_path', file),
    country: column(h, 'country', file),
    year: column(h, 'year', file),
    value: column(h, 'value', file),
  };
  // A name with children in region_path is a region or group (Europe, EU-27, Other Europe …).
  const parents = new Set<string>();
  for (const r of records.slice(1)) {
    const segments = r.fields[at.path].split('->').map((s) => cleanName(s));
    for (const s of segments.slice(0, -1)) parents.add(s);
  }
  const out: Parsed = { rows: [], emptyCounts: 0, aggregates: new Set() };
  for (const r of records.slice(1)) {
    const table = r.fields[at.table];
    const f = fieldOf.get(table);
    if (!f)
      throw new ChokepointError('bad_file', `table ${table} is not listed in ncses_tables.csv`, {
        file,
        line: r.line,
        column: 'table_number',
      });
    const count = parseNumberField(r.fields[at.value], { file, line: r.line, column: 'value' });
    if (count === null) {
      out.emptyCounts++;
      continue;
    }
    const name = cleanName(r.fields[at.country]);
    const year = parseYear(r.fields[at.year], { file, line: r.line, column: 'year' });
    out.rows.push({
      ...f,
      year,
      count,
      line: r.line,
      ...classifyName(name, parents, resolve, out.aggregates),
    });
  }
  return out;
}

function classifyName(name: string, aggregates: Set<string>, resolve: CountryResolver, seen: Set<string>) {
  if (worldNames.has(name.toLowerCase())) return { name, country: null, kind: 'world' as const };
  if (aggregates.has(name)) {
    seen.add(name);
    return { name, country: null, kind: 'aggregate' as const };
  }
  const iso3 = resolve(name);
  return iso3
    ? { name, country: iso3, kind: 'country' as const }
    : { name, country: null, kind: 'unresolved' as const };
}

function parseGeneric(file: string, options: PatentImportOptions): Parsed {
  const records = parseCsvTable(readTextFile(file, { encoding: options.encoding }).text, file);
  const h = header(records, file);
  const name = (k: 'country' | 'field' | 'year' | 'count' | 'source') => options.map?.[k] ?? k;
  const at = {
    country: column(h, name('country'), file),
    field: column(h, name('field'), file),
    year: column(h, name('year'), file),
    count: column(h, name('count'), file),
    source: options.map?.source || !options.source ? h.indexOf(name('source')) : -1,
  };
  if (at.source < 0 && !options.source) {
    throw new ChokepointError(
      'bad_input',
      `no column "${name('source')}": name the source with --source (e.g. --source pct)`,
      { file, field: 'source' },
    );
  }
  const out: Parsed = { rows: [], emptyCounts: 0, aggregates: new Set() };
  for (const r of records.slice(1)) {
    const count = parseNumberField(r.fields[at.count], { file, line: r.line, column: h[at.count] });
    if (count === null) {
      out.emptyCounts++;
      continue;
    }
    if (count < 0)
      throw new ChokepointError('bad_file', `a count cannot be negative (${count})`, {
        file,
        line: r.line,
        column: h[at.count],
      });
    const field = fieldSlug(r.fields[at.field]);
    if (!field)
      throw new ChokepointError('bad_file', 'the field is empty', {
        file,
        line: r.line,
        column: h[at.field],
      });
    const source = at.source >= 0 ? fieldSlug(r.fields[at.source]) : fieldSlug(options.source!);
    const year = parseYear(r.fields[at.year], { file, line: r.line, column: h[at.year] });
    out.rows.push({
      source,
      field,
      year,
      count,
      line: r.line,
      ...classifyName(cleanName(r.fields[at.country]), new Set(), options.resolveCountry, out.aggregates),
    });
  }
  return out;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Imports the file into a new dataset version; the previous version stays until the new one is complete. */
export async function importPatents(options: PatentImportOptions): Promise<PatentImportResult> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  const format =
    options.format ?? (path.basename(file) === 'patents_by_country_field_year.csv' ? 'ncses' : 'csv');
  const parsed =
    format === 'ncses'
      ? parseNcses(file, options.resolveCountry, options.encoding)
      : parseGeneric(file, options);
  if (parsed.rows.length === 0) throw new ChokepointError('no_data', 'no rows with a count', { file });

  // The same country, field and year twice would be counted twice by every indicator.
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const key = `${r.source}|${r.field}|${r.year}|${r.kind === 'country' ? r.country : r.name}`;
    const before = seen.get(key);
    if (before !== undefined) {
      throw new ChokepointError(
        'bad_file',
        `${r.name} ${r.source}/${r.field} ${r.year} appears again (first on line ${before})`,
        { file, line: r.line },
      );
    }
    seen.set(key, r.line);
  }

  const files: SourceFile[] = [
    file,
    ...(format === 'ncses' ? [path.join(path.dirname(file), 'ncses_tables.csv')] : []),
  ].map((f) => ({
    name: path.basename(f),
    sha256: sha256(f),
    bytes: fs.statSync(f).size,
  }));
  const versionKey = createHash('sha256')
    .update(files.map((f) => f.sha256).join(''))
    .digest('hex')
    .slice(0, 16);
  const scratch = options.dataDir.scratch('patents');
  try {
    const json = path.join(scratch, 'rows.ndjson');
    fs.writeFileSync(json, parsed.rows.map(({ line: _line, ...r }) => JSON.stringify(r)).join('\n'));
    options.onProgress?.(parsed.rows.length / 2, parsed.rows.length);
    await options.analytics.run(
      `COPY (SELECT source::VARCHAR AS source, field::VARCHAR AS field, year::INTEGER AS year, country::VARCHAR AS country,
                    name::VARCHAR AS name, kind::VARCHAR AS kind, count::DOUBLE AS count
             FROM read_json(${sqlString(json)}, format = 'newline_delimited',
                  columns = {source: 'VARCHAR', field: 'VARCHAR', year: 'INTEGER', country: 'VARCHAR', name: 'VARCHAR', kind: 'VARCHAR', count: 'DOUBLE'})
             ORDER BY source, field, year, country)
       TO ${sqlString(path.join(scratch, 'patents.parquet'))} (FORMAT parquet)`,
    );
    fs.rmSync(json);
    options.onProgress?.(parsed.rows.length, parsed.rows.length);

    const unresolvedMap = new Map<string, { name: string; rows: number; firstLine: number }>();
    for (const r of parsed.rows) {
      if (r.kind !== 'unresolved') continue;
      const u = unresolvedMap.get(r.name) ?? { name: r.name, rows: 0, firstLine: r.line };
      u.rows++;
      unresolvedMap.set(r.name, u);
    }
    const unresolved = [...unresolvedMap.values()].sort((a, b) => a.name.localeCompare(b.name));
    const aggregates = [...parsed.aggregates].sort();
    const ncses = format === 'ncses';
    const now = new Date().toISOString();
    const entry = options.catalog.publish(
      {
        id: options.id ?? 'patents',
        kind: 'patents',
        derivedFrom: options.derivedFrom,
        title: ncses
          ? 'Patents by country × technology area × year (USPTO grants, PCT applications), NSF NCSES'
          : `Capability counts by country × field × year (${path.basename(file)})`,
        publisher: ncses
          ? 'U.S. National Science Foundation, NCSES (Science & Engineering Indicators)'
          : 'user file',
        url: ncses ? 'https://ncses.nsf.gov/indicators' : undefined,
        licence: ncses ? 'US public domain' : undefined,
        version: versionKey,
        source: 'import',
        retrievedAt: now,
        importedAt: now,
        synthetic: false,
        files,
        rows: parsed.rows.length,
        rejectedRows: parsed.emptyCounts,
        years: [...new Set(parsed.rows.map((r) => r.year))].sort((a, b) => a - b),
        notes:
          `${unresolved.length} names not resolved to a country (kept with kind 'unresolved', left out of indicators); ` +
          `${aggregates.length} regions/groups kept as 'aggregate'; ${parsed.emptyCounts} rows without a count.`,
        extra: {
          format,
          sources: [...new Set(parsed.rows.map((r) => `${r.source}/${r.field}`))].sort(),
          unresolved,
          aggregates,
        },
      },
      scratch,
      versionKey,
    );
    return { entry, unresolved, aggregates, emptyCounts: parsed.emptyCounts };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
