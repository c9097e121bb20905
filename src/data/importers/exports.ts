import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { sqlString, type AnalyticsStore } from '../analytics/store.ts';
import { parseCsvTable, parseNumberField } from './csvRecords.ts';
import { readTextFile, type TextEncoding } from './textEncoding.ts';
import type { CountryResolver } from './patents.ts';

/**
 * Exports by exporter × product (no partner), e.g. Open Trade Statistics' world_trade_2017 (UN Comtrade,
 * HS4, USD): the input of Balassa RCA when no bilateral year is at hand. CSV or CSV.gz with columns exporter,
 * product, value and year (rename with `map`; a fixed `year` when the file has no year column; Open Trade
 * Statistics' own names reporter_iso, product_code, export_value_usd are recognised). → the `exports` dataset:
 * Parquet columns exporter (ISO3), name (as in the file), product, year, value (USD).
 * Empty or NA values are counted as rejected rows (not zeros). Exporters that resolve to no country keep their
 * code as written (upper-cased) and are reported with the first line they appear on: dropping them would
 * silently shrink the world total of every RCA.
 */
export interface ExportsImportOptions {
  catalog: Catalog;
  dataDir: DataDir;
  analytics: AnalyticsStore;
  file: string;
  map?: Partial<Record<'exporter' | 'product' | 'value' | 'year', string>>;
  year?: number;
  id?: string;
  resolveCountry: CountryResolver;
  /** The dataset the file came from (a fetched dataset's stored file): its marking carries over. */
  derivedFrom?: string[];
  /** Forced text encoding (`--encoding`); else textEncoding.ts decides. */
  encoding?: TextEncoding;
}

const otsNames = { exporter: 'reporter_iso', product: 'product_code', value: 'export_value_usd' };

export interface ExportsImportResult {
  entry: CatalogEntry;
  emptyValues: number;
  unresolved: { name: string; firstLine: number }[];
}

export async function importExports(options: ExportsImportOptions): Promise<ExportsImportResult> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  const { text, bytes } = readTextFile(file, { encoding: options.encoding });
  const records = parseCsvTable(text, file);
  if (records.length < 2) throw new ChokepointError('no_data', 'the file has no data rows', { file });
  const head = records[0].fields.map((h) => h.trim());
  const ots = head.includes(otsNames.exporter) && head.includes(otsNames.product);
  const nameOf = (k: 'exporter' | 'product' | 'value' | 'year') =>
    options.map?.[k] ?? (ots && k !== 'year' ? otsNames[k] : k);
  const col = (k: 'exporter' | 'product' | 'value') => {
    const i = head.indexOf(nameOf(k));
    if (i < 0)
      throw new ChokepointError(
        'bad_file',
        `no column "${nameOf(k)}" (columns: ${head.join(', ')}); use --map ${k}=COLUMN`,
        { file, line: 1 },
      );
    return i;
  };
  const at = {
    exporter: col('exporter'),
    product: col('product'),
    value: col('value'),
    year: head.indexOf(nameOf('year')),
  };
  // Open Trade Statistics files name the year only in the file name (world_trade_2017).
  const yearFromName = /(?:^|[_-])((?:19|20)\d\d)(?:\D|$)/.exec(path.basename(file))?.[1];
  const fixedYear = options.year ?? (at.year < 0 && yearFromName ? Number(yearFromName) : undefined);
  if (at.year < 0 && fixedYear === undefined) {
    throw new ChokepointError('bad_input', 'the file has no year column: give the year with --year', {
      file,
      field: 'year',
    });
  }
  const resolved = new Map<string, string | null>();
  const rows: { exporter: string; name: string; product: string; year: number; value: number }[] = [];
  let emptyValues = 0;
  const unresolved = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const r of records.slice(1)) {
    const place = (c: number) => ({ file, line: r.line, column: head[c] });
    const value = parseNumberField(r.fields[at.value] ?? '', place(at.value));
    if (value === null) {
      emptyValues++;
      continue;
    }
    if (value < 0)
      throw new ChokepointError('bad_file', `an export value cannot be negative (${value})`, place(at.value));
    const name = (r.fields[at.exporter] ?? '').trim();
    if (!resolved.has(name)) resolved.set(name, options.resolveCountry(name));
    // An exporter the country table lacks keeps its own code (upper-cased) so that world totals stay whole.
    const exporter = resolved.get(name) ?? name.toUpperCase();
    if (!resolved.get(name) && !unresolved.has(name)) unresolved.set(name, r.line);
    const product = (r.fields[at.product] ?? '').trim();
    if (!/^\d{2,10}$/.test(product))
      throw new ChokepointError('bad_file', `"${product}" is not an HS code`, place(at.product));
    const year = at.year >= 0 ? Number(r.fields[at.year]) : fixedYear!;
    if (!Number.isInteger(year))
      throw new ChokepointError('bad_file', `"${r.fields[at.year]}" is not a year`, place(at.year));
    const key = `${exporter}|${product}|${year}`;
    if (seen.has(key))
      throw new ChokepointError(
        'bad_file',
        `${name} ${product} ${year} appears again (first on line ${seen.get(key)})`,
        { file, line: r.line },
      );
    seen.set(key, r.line);
    rows.push({ exporter, name, product, year, value });
  }
  if (rows.length === 0) throw new ChokepointError('no_data', 'no rows with a value', { file });

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const versionKey = sha256.slice(0, 16);
  const scratch = options.dataDir.scratch('exports');
  try {
    const json = path.join(scratch, 'rows.ndjson');
    fs.writeFileSync(json, rows.map((r) => JSON.stringify(r)).join('\n'));
    await options.analytics.run(
      `COPY (SELECT * FROM read_json(${sqlString(json)}, format = 'newline_delimited',
               columns = {exporter: 'VARCHAR', name: 'VARCHAR', product: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE'})
             ORDER BY year, product, exporter)
       TO ${sqlString(path.join(scratch, 'exports.parquet'))} (FORMAT parquet)`,
    );
    fs.rmSync(json);
    const unresolvedList = [...unresolved].map(([name, firstLine]) => ({ name, firstLine }));
    const now = new Date().toISOString();
    const digits = [...new Set(rows.map((r) => r.product.length))].sort();
    const entry = options.catalog.publish(
      {
        id: options.id ?? 'exports',
        kind: 'exports',
        derivedFrom: options.derivedFrom,
        title: ots
          ? `World exports by exporter × HS${digits.join('/')} (${path.basename(file)}), UN Comtrade via Open Trade Statistics`
          : `Exports by exporter × product (${path.basename(file)})`,
        publisher: ots ? 'UN Comtrade via Open Trade Statistics' : 'user file',
        url: ots ? 'https://tradestatistics.io' : undefined,
        version: versionKey,
        source: 'import',
        retrievedAt: now,
        importedAt: now,
        synthetic: false,
        files: [{ name: path.basename(file), sha256, bytes: bytes.length }],
        rows: rows.length,
        rejectedRows: emptyValues,
        years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
        notes:
          `values in USD; product codes of ${digits.join('/')} digits; ${emptyValues} rows without a value (NA) left out and counted; ` +
          `${unresolvedList.length} exporter codes not in the country table kept as written (${unresolvedList.map((u) => u.name).join(', ') || 'none'})`,
        extra: { productDigits: digits, unresolved: unresolvedList },
      },
      scratch,
      versionKey,
    );
    return { entry, emptyValues, unresolved: unresolvedList };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
