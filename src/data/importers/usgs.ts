import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseCsvTable } from './csvRecords.ts';
import { readTextFile, type TextEncoding } from './textEncoding.ts';
import { Catalog, type CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { openDuckDb } from '../analytics/duckdb.ts';
import { sqlString } from '../analytics/store.ts';
import { resolveCountry } from '../reference/countries.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * USGS Mineral Commodity Summaries world data (MCS2025_World_Data.csv: world mine / refinery production,
 * capacity and reserves by country for ~80 commodities) → one Parquet table, dataset kind 'minerals'.
 * The file's quirks: a UTF-8 BOM, CRLF, a header `PROD_EST_ 2024` with a space, trailing spaces in names,
 * non-breaking spaces, country cells with remarks ("Brazil (beneficiated)"), totals rows ("World total
 * (rounded)"), and a few values written as lower bounds (">2000000", kept as the bound and noted).
 * Every row is kept: rows whose country is a total, "other countries" or unresolved say so in `row_kind`.
 */
export interface UsgsImportOptions {
  dataDir: DataDir;
  input: string;
  datasetId?: string;
  version?: string;
  source?: CatalogEntry['source'];
  /** Forced text encoding (`--encoding`); else textEncoding.ts decides. */
  encoding?: TextEncoding;
}

export interface MineralRow {
  commodity: string;
  type: string;
  unit: string;
  country: string;
  iso3: string | null;
  row_kind: 'country' | 'world' | 'other' | 'unresolved';
  prod_2023: number | null;
  prod_2024: number | null;
  cap_2023: number | null;
  cap_2024: number | null;
  reserves_2024: number | null;
  notes: string;
  line: number;
}

const required = [
  'COMMODITY',
  'COUNTRY',
  'TYPE',
  'UNIT_MEAS',
  'PROD_2023',
  'PROD_EST_2024',
  'CAP_2023',
  'CAP_EST_2024',
  'RESERVES_2024',
];

const clean = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function countryOf(cell: string): { iso3: string | null; kind: MineralRow['row_kind'] } {
  const name = clean(cell);
  if (/^world total/i.test(name)) return { iso3: null, kind: 'world' };
  if (/^other countries/i.test(name)) return { iso3: null, kind: 'other' };
  const bare = name
    .replace(/\s*\(.*\)\s*\d*$/, '')
    .replace(/\s+\d+$/, '')
    .trim();
  // "Korea, North" → "North Korea".
  const inverted = /^(.+), (North|South)$/.exec(bare);
  // "Congo (Kinshasa)" → "Congo-Kinshasa" before the remark in brackets is dropped ("Brazil (beneficiated)").
  const hyphenated = name.replace(/ \((\w+)\)$/, '-$1');
  const country =
    (hyphenated !== name ? resolveCountry(hyphenated) : undefined) ??
    resolveCountry(bare) ??
    (inverted ? resolveCountry(`${inverted[2]} ${inverted[1]}`) : undefined) ??
    resolveCountry(name);
  return country ? { iso3: country.iso3, kind: 'country' } : { iso3: null, kind: 'unresolved' };
}

/** "1,234" → 1234; ">2000000" → 2000000 with a note; "" → null; anything else is a bad cell. */
function numberOf(cell: string, column: string, notes: string[], line: number, file: string): number | null {
  const text = clean(cell).replace(/,/g, '');
  if (text === '') return null;
  const bound = text.startsWith('>');
  const n = Number(bound ? text.slice(1) : text);
  if (!Number.isFinite(n)) {
    throw new ChokepointError('bad_file', `"${cell}" is not a number`, { file, line, column });
  }
  if (bound) notes.push(`${column} "${clean(cell)}" read as its lower bound ${n}`);
  return n;
}

export async function importUsgsMcs(options: UsgsImportOptions): Promise<CatalogEntry> {
  const { dataDir, input } = options;
  if (!fs.existsSync(input)) throw new ChokepointError('not_found', 'no such file', { file: input });
  const file = path.basename(input);
  const { text, bytes } = readTextFile(input, { encoding: options.encoding, label: file });
  const records = parseCsvTable(text, file);
  if (records.length < 2) throw new ChokepointError('bad_file', 'no rows', { file });
  // Header names with their stray spaces removed: "PROD_EST_ 2024" → "PROD_EST_2024".
  const header = records[0].fields.map((h) => h.replace(/\s+/g, '').toUpperCase());
  for (const name of required) {
    if (!header.includes(name)) {
      throw new ChokepointError(
        'bad_file',
        `missing column ${name} (columns: ${records[0].fields.join(', ')})`,
        { file, line: 1, column: name },
      );
    }
  }
  const col = (fields: string[], name: string) => fields[header.indexOf(name)] ?? '';
  const rows: MineralRow[] = [];
  for (const rec of records.slice(1)) {
    const f = rec.fields;
    const notes: string[] = [];
    const country = countryOf(col(f, 'COUNTRY'));
    const num = (name: string) => numberOf(col(f, name), name, notes, rec.line, file);
    rows.push({
      commodity: clean(col(f, 'COMMODITY')),
      type: clean(col(f, 'TYPE')),
      unit: clean(col(f, 'UNIT_MEAS')),
      country: clean(col(f, 'COUNTRY')),
      iso3: country.iso3,
      row_kind: country.kind,
      prod_2023: num('PROD_2023'),
      prod_2024: num('PROD_EST_2024'),
      cap_2023: num('CAP_2023'),
      cap_2024: num('CAP_EST_2024'),
      reserves_2024: num('RESERVES_2024'),
      notes: [clean(col(f, 'PROD_NOTES')), ...notes].filter(Boolean).join(' | '),
      line: rec.line,
    });
  }
  const datasetId = options.datasetId ?? 'usgs-mcs2025';
  const version = options.version ?? /MCS(\d{4})/i.exec(file)?.[0]?.toUpperCase() ?? 'unknown';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const scratch = dataDir.scratch(`import-${datasetId}`);
  const out = path.join(scratch, 'out');
  fs.mkdirSync(out, { recursive: true });
  const db = await openDuckDb({ tempDirectory: path.join(scratch, 'duckdb') });
  try {
    const json = path.join(scratch, 'rows.ndjson');
    fs.writeFileSync(json, rows.map((r) => JSON.stringify(r)).join('\n'));
    await db.run(
      `COPY (SELECT * FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = {
        'commodity': 'VARCHAR', 'type': 'VARCHAR', 'unit': 'VARCHAR', 'country': 'VARCHAR', 'iso3': 'VARCHAR',
        'row_kind': 'VARCHAR', 'prod_2023': 'DOUBLE', 'prod_2024': 'DOUBLE', 'cap_2023': 'DOUBLE', 'cap_2024': 'DOUBLE',
        'reserves_2024': 'DOUBLE', 'notes': 'VARCHAR', 'line': 'INTEGER'})) TO ${sqlString(path.join(out, 'world.parquet'))} (FORMAT parquet)`,
    );
  } finally {
    await db.close();
    fs.rmSync(path.join(scratch, 'duckdb'), { recursive: true, force: true });
    fs.rmSync(path.join(scratch, 'rows.ndjson'), { force: true });
  }
  const unresolved = [...new Set(rows.filter((r) => r.row_kind === 'unresolved').map((r) => r.country))];
  const now = new Date().toISOString();
  const entry = new Catalog(dataDir).publish(
    {
      id: datasetId,
      kind: 'minerals',
      title: `USGS Mineral Commodity Summaries ${version.replace(/^MCS/, '')} — world production, capacity and reserves`,
      publisher: 'U.S. Geological Survey',
      url: 'https://pubs.usgs.gov/publication/mcs2025',
      version,
      licence: 'US public domain',
      source: options.source ?? 'import',
      retrievedAt: now,
      importedAt: now,
      synthetic: false,
      files: [{ name: file, sha256, bytes: bytes.length }],
      rows: rows.length,
      rejectedRows: 0,
      years: [2023, 2024],
      notes:
        'prod_2024 is USGS’s estimate for 2024; units vary by commodity (see unit); rows for world totals and other countries kept with row_kind',
      extra: {
        unresolvedCountries: unresolved,
        lowerBounds: rows.filter((r) => r.notes.includes('lower bound')).length,
      },
    },
    out,
    `${version}-${sha256.slice(0, 12)}`,
  );
  fs.rmSync(scratch, { recursive: true, force: true });
  return entry;
}

/** DuckDB table expression of an imported minerals dataset. */
export function mineralsSource(dataDir: DataDir, entry: CatalogEntry): string {
  if (entry.kind !== 'minerals') {
    throw new ChokepointError('bad_input', `dataset "${entry.id}" is ${entry.kind}, not minerals`, {
      field: 'dataset',
    });
  }
  return `read_parquet(${sqlString(path.join(dataDir.datasetDir(entry), 'world.parquet'))})`;
}
