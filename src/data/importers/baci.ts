import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DataDir } from '../catalog/dataDir.ts';
import { Catalog, type CatalogEntry, type SourceFile } from '../catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../analytics/duckdb.ts';
import { sqlString, type AnalyticsStore, type Row } from '../analytics/store.ts';
import { ClickHouseStore } from '../analytics/clickhouse.ts';
import { loadIntoClickHouse } from '../analytics/clickhouseLoad.ts';
import { ChokepointError } from '../../errors.ts';
import { extractZip } from './zipMembers.ts';
import { checkBaciHeader, findDomainRejects, maxYear, minYear, type RejectedLine } from './baciLines.ts';
import { nonUtf8Encoding } from './textEncoding.ts';

/**
 * CEPII BACI importer: the archive (BACI_HS17_V202601.zip: one BACI_HS17_Y<year>_V202601.csv per year plus
 * country_codes_V202601.csv and product_codes_HS17_V202601.csv) or bare `t,i,j,k,v,q` CSV files → Parquet
 * partitioned by year (layout in ../catalog/tradeDataset.ts). DuckDB parses the CSV (streaming, explicit types); the
 * values are kept as published (v thousand USD, q tonnes, NA → NULL). The result is built in a scratch folder
 * and published by Catalog.publish, so a failure or a kill leaves the previous state.
 */
export const hsRevisions = ['HS92', 'HS96', 'HS02', 'HS07', 'HS12', 'HS17', 'HS22'] as const;

export interface BaciImportOptions {
  dataDir: DataDir;
  /** CSV files or CEPII zip archives. */
  inputs: string[];
  /** Default 'baci-' + hs in lower case, e.g. 'baci-hs17' ('baci-hs17-synthetic' for synthetic data). */
  datasetId?: string;
  /** HS revision; default from a file name like BACI_HS17_…, else required. */
  hs?: string;
  /** Default from a file name like …_V202601…, else 'unknown'. */
  version?: string;
  title?: string;
  publisher?: string;
  url?: string;
  licence?: string;
  source?: CatalogEntry['source'];
  synthetic?: boolean;
  retrievedAt?: string;
  /** Rows that may be rejected before the import fails (default 0: any rejected row fails it). */
  maxRejects?: number;
  /** Progress in bytes of CSV (done, total) with the phase as note. */
  onProgress?: (done: number, total: number, note?: string) => void;
  /**
   * The analytics engine: a ClickHouse store gets the rows too (staging tables, checked, renamed to the
   * version's tables) before the catalog entry is published, so both or neither have the new version.
   */
  analytics?: AnalyticsStore;
}

/** What `data synth` writes beside a generated CSV; its presence marks an import as synthetic. */
export interface SyntheticSidecar {
  generator: string;
  seed: number;
  year: number;
  rows: number;
  hs: string;
}

export function syntheticSidecarPath(csv: string): string {
  return `${csv}.synthetic.json`;
}

/** How many rejected rows the catalog keeps as examples. */
const keptRejects = 20;
/** Bump when the stored layout or the checks change, so an old store version is not reused (2: sorted years). */
const formatVersion = 2;

interface TradeCsv {
  file: string;
  /** How the user knows it: the path given, or archive:member. */
  label: string;
  bytes: number;
  /** Fields padded with spaces in the first lines (older BACI releases: "       13.235", "           NA"). */
  padded?: boolean;
}

interface Reject extends RejectedLine {
  kind: 'parse' | 'domain';
}

export async function importBaci(options: BaciImportOptions): Promise<CatalogEntry> {
  const { dataDir } = options;
  if (options.inputs.length === 0) throw new ChokepointError('bad_input', 'no input file given');
  for (const input of options.inputs) {
    if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
      throw new ChokepointError('not_found', 'no such file', { file: input });
    }
  }
  const sidecar = readSidecars(options.inputs);
  const hs = resolveHs(options.hs ?? sidecar?.hs, options.inputs);
  const version =
    options.version ??
    versionFromNames(options.inputs) ??
    (sidecar ? `synthetic-seed${sidecar.seed}` : 'unknown');
  const synthetic = Boolean(options.synthetic || sidecar);
  // Synthetic data never takes the id real BACI would get, so it cannot replace it by accident.
  const datasetId = options.datasetId ?? `baci-${hs.toLowerCase()}${synthetic ? '-synthetic' : ''}`;
  const maxRejects = options.maxRejects ?? 0;
  if (!Number.isInteger(maxRejects) || maxRejects < 0) {
    throw new ChokepointError('bad_input', 'max rejects must be a whole number ≥ 0', {
      field: 'max-rejects',
    });
  }
  const catalog = new Catalog(dataDir);
  removeAbandonedScratch(dataDir, `import-${datasetId}-`);
  const scratch = dataDir.scratch(`import-${datasetId}`);
  fs.writeFileSync(path.join(scratch, 'pid'), String(process.pid));
  const out = path.join(scratch, 'out');
  let db: DuckDbStore | undefined;
  try {
    // Hashing runs beside the conversion: the version key is needed only at publication.
    const hashing = Promise.all(options.inputs.map(hashFile));
    hashing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const trade: TradeCsv[] = [];
    const members: { archive: string; name: string; bytes: number }[] = [];
    let countryTable: string | undefined;
    let countryLabel: string | undefined;
    let productTable: string | undefined;
    let extracted = 0;
    for (const input of options.inputs) {
      if (!isZip(input)) {
        trade.push({ file: input, label: input, bytes: fs.statSync(input).size });
        continue;
      }
      const archive = path.basename(input);
      const got = await extractZip(
        input,
        input,
        path.join(scratch, 'src'),
        (name) => /\.csv$/i.test(name),
        // The unpacked size is known only member by member: progress without a total (bytes and rate).
        (n) => options.onProgress?.((extracted += n), 0, 'extracting'),
      );
      for (const m of got) {
        members.push({ archive, name: m.name, bytes: m.bytes });
        const base = path.basename(m.name);
        if (/country_codes/i.test(base)) {
          countryTable ??= m.file;
          countryLabel ??= `${input}:${m.name}`;
        } else if (/product_codes/i.test(base)) productTable ??= m.file;
        else trade.push({ file: m.file, label: `${input}:${m.name}`, bytes: m.bytes });
      }
      if (!got.some((m) => /^BACI_.*\.csv$/i.test(path.basename(m.name)) || /_Y\d{4}_/.test(m.name))) {
        throw new ChokepointError('bad_file', 'zip archive holds no BACI yearly CSV (BACI_HS.._Y…_V….csv)', {
          file: input,
        });
      }
    }
    for (const csv of trade) csv.padded = checkBaciHeader(csv.file, csv.label).padded;
    const total = trade.reduce((sum, c) => sum + c.bytes, 0);
    options.onProgress?.(0, total, 'converting');

    db = await openDuckDb({ memoryLimit: '1500MB', tempDirectory: path.join(scratch, 'duckdb') });
    await db.run('SET preserve_insertion_order = false');
    fs.mkdirSync(out, { recursive: true });
    const countries = countryTable
      ? await storeCodeTable(db, countryTable, path.join(out, 'country_codes.parquet'))
      : undefined;
    if (productTable) await storeCodeTable(db, productTable, path.join(out, 'product_codes.parquet'));
    const countryCodes = countries
      ? await countryCodeSet(db, countries, countryLabel ?? countries)
      : undefined;

    // One file at a time (a CEPII archive holds one CSV per year), so each usually takes the one-year fast path.
    const rejectLimit = maxRejects + 1000;
    const parseRejects: (ParseReject & { csv: TradeCsv })[] = [];
    const perYear = new Map<number, YearStats>();
    let domainCount = 0;
    let converted = 0;
    let stoppedEarly = false;
    const withDomainRejects = new Set<TradeCsv>();
    for (const [n, csv] of trade.entries()) {
      const result = await convertFile(db, csv, n, scratch, out, {
        countryCodes,
        rejectLimit,
        onProgress: (fraction) => options.onProgress?.(converted + fraction * csv.bytes, total, 'converting'),
      });
      converted += csv.bytes;
      parseRejects.push(...result.parseRejects.map((r) => ({ ...r, csv })));
      domainCount += result.domainRows;
      if (result.domainRows > 0) withDomainRejects.add(csv);
      for (const y of result.years) {
        const sum = perYear.get(y.t) ?? { t: y.t, rows: 0, value: 0, withQuantity: 0 };
        sum.rows += y.rows;
        sum.value += y.value;
        sum.withQuantity += y.withQuantity;
        perYear.set(y.t, sum);
      }
      // The import fails anyway: do not convert the remaining files (the count then says "at least").
      if (parseRejects.length + domainCount > maxRejects && n < trade.length - 1) {
        stoppedEarly = true;
        break;
      }
    }
    const parseCapped = stoppedEarly || parseRejects.length >= rejectLimit;
    const years = [...perYear.values()].sort((a, b) => a.t - b.t);
    const rejectedRows = parseRejects.length + domainCount;

    const rejects: Reject[] = [];
    for (const r of parseRejects.slice(0, keptRejects)) {
      const { csv } = r;
      checkLineEncoding(csv, r.pos, r.line);
      rejects.push({
        kind: 'parse',
        file: csv.label,
        line: r.line,
        column: r.column ?? undefined,
        reason: `${r.kind.toLowerCase()}: ${r.message}`,
        text: (r.text ?? '').replace(/^\r?\n/, '').replace(/\r$/, ''),
      });
    }
    if (domainCount > 0) {
      // Find the lines (DuckDB kept no line numbers for parsed rows); skip lines DuckDB itself rejected.
      for (const csv of trade.filter((c) => withDomainRejects.has(c))) {
        if (rejects.filter((r) => r.kind === 'domain').length >= keptRejects) break;
        const skip = new Set(parseRejects.filter((r) => r.csv === csv).map((r) => r.line));
        for (const r of await findDomainRejects(
          csv.file,
          csv.label,
          { countries: countryCodes },
          keptRejects,
          skip,
        )) {
          rejects.push({ ...r, kind: 'domain' });
        }
      }
    }
    rejects.sort(
      (a, b) =>
        trade.findIndex((c) => c.label === a.file) - trade.findIndex((c) => c.label === b.file) ||
        a.line - b.line,
    );

    if (rejectedRows > maxRejects) {
      const first = rejects[0];
      const count = `${parseCapped ? 'at least ' : ''}${rejectedRows} rejected row${rejectedRows === 1 ? '' : 's'}`;
      throw new ChokepointError(
        'bad_file',
        first
          ? `${first.reason} — ${count} in all${maxRejects ? ` (more than --max-rejects ${maxRejects})` : ''}; nothing was imported`
          : `${count}; nothing was imported`,
        first ? { file: first.file, line: first.line, column: first.column } : {},
        { rejectedRows, rejects },
      );
    }
    if (years.length === 0)
      throw new ChokepointError('bad_file', 'no rows to import', { file: trade[0]?.label });

    await db.close();
    db = undefined;
    fs.rmSync(path.join(scratch, 'duckdb'), { recursive: true, force: true });
    options.onProgress?.(total, total, 'checksums');
    const hashes = await hashing;
    const files: SourceFile[] = options.inputs.map((f, n) => ({
      name: path.basename(f),
      sha256: hashes[n],
      bytes: fs.statSync(f).size,
    }));
    const now = new Date().toISOString();
    const entry: Omit<CatalogEntry, 'path'> = {
      id: datasetId,
      kind: 'trade-annual',
      title:
        (synthetic && options.title && !/synthetic/i.test(options.title) ? 'SYNTHETIC — ' : '') +
        (options.title ??
          (synthetic
            ? `SYNTHETIC BACI-format trade flows (${hs}), generated — not real data`
            : `CEPII BACI bilateral trade flows (${hs})`)),
      publisher: options.publisher ?? (synthetic ? 'chokepoint synthetic generator' : 'CEPII'),
      url:
        options.url ??
        (synthetic ? undefined : 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37'),
      version,
      licence: options.licence ?? (synthetic ? undefined : 'Etalab Open Licence 2.0'),
      source: options.source ?? (synthetic ? 'synthetic' : 'import'),
      retrievedAt: options.retrievedAt ?? now,
      importedAt: now,
      synthetic,
      files,
      rows: years.reduce((s, y) => s + y.rows, 0),
      rejectedRows,
      years: years.map((y) => y.t),
      hs,
      notes: 'v = thousand current USD, q = metric tonnes (NULL where not published), as published by BACI',
      extra: {
        yearly: years.map((y) => ({ year: y.t, rows: y.rows, value: y.value, withQuantity: y.withQuantity })),
        rejects: rejects.slice(0, keptRejects).map(({ kind: _kind, ...r }) => r),
        ...(members.length ? { members } : {}),
        ...(countryTable ? { countryCodes: 'country_codes.parquet' } : {}),
        ...(productTable ? { productCodes: 'product_codes.parquet' } : {}),
        ...(sidecar ? { generator: sidecar } : {}),
      },
    };
    const key = versionKey(version, {
      formatVersion,
      datasetId,
      hs,
      version,
      synthetic,
      maxRejects,
      inputs: hashes,
      meta: [entry.title, entry.publisher, entry.url, entry.licence, entry.source],
    });
    if (options.analytics instanceof ClickHouseStore) {
      const loaded = await loadIntoClickHouse(options.analytics, {
        kind: 'trade',
        datasetId,
        versionKey: key,
        dir: out,
        rows: entry.rows,
        version,
        sha256: hashes,
        onProgress: (note) => options.onProgress?.(total, total, note),
      });
      entry.extra = { ...entry.extra, clickhouse: { server: options.analytics.location, table: loaded.table } };
    }
    const published = catalog.publish(entry, out, key);
    return published;
  } finally {
    if (db) await db.close().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

interface ParseReject {
  line: number;
  column: string;
  kind: string;
  message: string;
  text: string;
  pos: number;
}

interface YearStats {
  t: number;
  rows: number;
  value: number;
  withQuantity: number;
}

/**
 * Converts one CSV: DuckDB reads it (explicit types, rejects kept with their lines) into one Parquet file, the
 * year of out-of-domain rows set to 0. When the file holds a single valid year (BACI's yearly files, synthetic
 * years, codes already 6 digits) that file simply moves to t=YYYY/: a partitioned write, or re-writing k,
 * costs 25–40 % more CPU, so it is done only for files with several years, rejected rows or 5-digit codes
 * (zero-padded then). Files keep t as a column too (the same value as their folder).
 */
async function convertFile(
  db: DuckDbStore,
  csv: TradeCsv,
  n: number,
  scratch: string,
  out: string,
  options: { countryCodes?: Set<number>; rejectLimit: number; onProgress: (fraction: number) => void },
): Promise<{ parseRejects: ParseReject[]; years: YearStats[]; domainRows: number }> {
  const stage = path.join(scratch, `stage-${n}.parquet`);
  // Quantities are parsed as numbers unless the file pads them ("           NA" is not DuckDB's null string):
  // padding is seen in the first lines, and a padded NA further down makes the file run again as text.
  let parseRejects = await copyCsv(db, csv, stage, { ...options, quantityAsText: Boolean(csv.padded) });
  if (!csv.padded && parseRejects.some((r) => r.column === 'q' && /"?\s+NA\s*"?$/.test(r.text ?? ''))) {
    parseRejects = await copyCsv(db, csv, stage, { ...options, quantityAsText: true });
  }
  const stats = await db.query<YearStats & Row & { short: number }>(
    `SELECT t, count(*)::BIGINT AS rows, coalesce(sum(v), 0) AS value, count(q)::BIGINT AS "withQuantity",
            count(*) FILTER (WHERE length(k) <> 6)::BIGINT AS short
     FROM read_parquet(${sqlString(stage)}) GROUP BY t ORDER BY t`,
  );
  const years = stats
    .filter((y) => y.t !== 0)
    .map(({ t, rows, value, withQuantity }) => ({ t, rows, value, withQuantity }));
  const domainRows = stats.find((y) => y.t === 0)?.rows ?? 0;
  const shortCodes = stats.some((y) => y.t !== 0 && y.short > 0);
  if (years.length === 1 && domainRows === 0 && !shortCodes) {
    const dir = path.join(out, `t=${years[0].t}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(stage, path.join(dir, `part-${n}.parquet`));
  } else if (years.length > 0) {
    const split = path.join(scratch, `split-${n}`);
    await db.run(
      `COPY (SELECT i, j, CASE WHEN length(k) = 6 THEN k ELSE lpad(k, 6, '0') END AS k, v, q, t
             FROM read_parquet(${sqlString(stage)}) WHERE t <> 0 ORDER BY t, j, k, i)
       TO ${sqlString(split)} (FORMAT parquet, ${storeCompression}, ROW_GROUP_SIZE ${storeRowGroup}, PARTITION_BY (t), WRITE_PARTITION_COLUMNS true)`,
    );
    for (const y of years) {
      const from = path.join(split, `t=${y.t}`);
      const dir = path.join(out, `t=${y.t}`);
      fs.mkdirSync(dir, { recursive: true });
      for (const [m, f] of fs.readdirSync(from).sort().entries()) {
        fs.renameSync(path.join(from, f), path.join(dir, `part-${n}-${m}.parquet`));
      }
    }
    fs.rmSync(split, { recursive: true, force: true });
  }
  fs.rmSync(stage, { force: true });
  return { parseRejects, years, domainRows };
}

/**
 * Codec of the store's Parquet files: LZ4 (raw) files are as small as Snappy's, DuckDB's default, on BACI (136 vs
 * 139 MB for the 11 M flows of the synthetic year) and decompress faster: the `--reporter ALL` screen, which reads
 * the year three times, runs 3 % fewer instructions (callgrind, 451,484-flow slice; Snappy's decompression was 5 %).
 * Stores written before keep Snappy; DuckDB reads both.
 */
const storeCompression = 'COMPRESSION lz4_raw';

/**
 * The store's layout: each year sorted by importer, product and exporter, in row groups of 61,440 rows (half of
 * DuckDB's default), so that the row groups' min/max statistics of j let a reporter's screen, its exposure and
 * a scenario read only the row groups holding that importer (a reporter of the synthetic 11 M-flow year holds
 * ~48 k flows: one or two row groups of ~180), and a product's rows of an importer are contiguous.
 */
const storeRowGroup = 61_440;

/** CSV → one Parquet file (columns i, j, k as read, v, q, t); returns the lines DuckDB could not parse, one each. */
async function copyCsv(
  db: DuckDbStore,
  csv: TradeCsv,
  target: string,
  options: {
    countryCodes?: Set<number>;
    quantityAsText: boolean;
    rejectLimit: number;
    onProgress: (fraction: number) => void;
  },
): Promise<ParseReject[]> {
  const run = (convertRuns += 1);
  const errors = `baci_reject_errors_${run}`;
  const scans = `baci_reject_scans_${run}`;
  const q = options.quantityAsText ? 'VARCHAR' : 'DOUBLE';
  const read = `read_csv(${sqlString(csv.file)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
      columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'DOUBLE', 'q': '${q}'},
      nullstr = ['NA', ''], strict_mode = true, store_rejects = true,
      rejects_table = '${errors}', rejects_scan = '${scans}', rejects_limit = ${options.rejectLimit})`;
  const rows = options.quantityAsText
    ? `(SELECT t, i, j, k, v, q AS q_text, TRY_CAST(q AS DOUBLE) AS q FROM ${read})`
    : read;
  await db
    .run(
      `COPY (
         SELECT i, j, k, v, q, CASE WHEN ${validRow(options.countryCodes, options.quantityAsText)} THEN t ELSE 0 END AS t
         FROM ${rows}
         ORDER BY t, j, k, i
       ) TO ${sqlString(target)} (FORMAT parquet, ${storeCompression}, ROW_GROUP_SIZE ${storeRowGroup})`,
      [],
      (p) => {
        if (p.percentage >= 0) options.onProgress(p.percentage / 100);
      },
    )
    .catch((e: Error) => {
      throw new ChokepointError(
        'bad_file',
        `could not read the CSV: ${e.message.replaceAll(csv.file, csv.label)}`,
        {
          file: csv.label,
        },
      );
    });
  return db.query<ParseReject & Row>(
    `SELECT e.line::BIGINT AS line, any_value(e.column_name) AS column, any_value(e.error_type) AS kind,
            any_value(e.error_message) AS message, any_value(e.csv_line) AS text,
            min(e.line_byte_position)::BIGINT AS pos
     FROM ${errors} e GROUP BY e.line ORDER BY e.line`,
  );
}
let convertRuns = 0;

/**
 * The SQL twin of domainProblem() in baciLines.ts: a row is kept when the year is in range, the country codes
 * are known and the product is an HS6 code, the value is present and ≥ 0, and the quantity absent or ≥ 0.
 */
function validRow(countries: Set<number> | undefined, quantityAsText: boolean): string {
  // Read as text, q is NULL also when it was not a number: only a (padded) NA or an empty field may be.
  const quantity = quantityAsText
    ? `(CASE WHEN q IS NULL THEN q_text IS NULL OR trim(q_text) IN ('NA', '') ELSE q >= 0 AND isfinite(q) END)`
    : '(q IS NULL OR (q >= 0 AND isfinite(q)))';
  const known = countries?.size ? `[${[...countries].sort((a, b) => a - b).join(', ')}]` : undefined;
  const code = (c: string) => (known ? `list_contains(${known}, ${c})` : `${c} BETWEEN 1 AND 999`);
  return `(t BETWEEN ${minYear} AND ${maxYear()} AND ${code('i')} AND ${code('j')}
          AND regexp_full_match(k, '[0-9]{5,6}') AND v >= 0 AND isfinite(v)
          AND ${quantity})`;
}

/** Copies a CEPII code table (countries or products) as all-text Parquet beside the data; returns its path. */
async function storeCodeTable(db: DuckDbStore, csv: string, target: string): Promise<string> {
  const head = fs.readFileSync(csv).subarray(0, 1 << 20);
  const encoding = nonUtf8Encoding(head) ? 'latin-1' : 'utf-8';
  await db.run(
    `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, all_varchar = true, encoding = '${encoding}'))
     TO ${sqlString(target)} (FORMAT parquet)`,
  );
  return target;
}

async function countryCodeSet(db: DuckDbStore, parquet: string, label: string): Promise<Set<number>> {
  const columns = (
    await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(parquet)})`)
  ).map((c) => c.column_name);
  const column = columns.find((c) => /^(country_)?code$/i.test(c.trim()));
  if (!column) {
    throw new ChokepointError(
      'bad_file',
      `country code table has no country_code column (found ${columns.join(', ')})`,
      {
        file: label,
        line: 1,
      },
    );
  }
  const rows = await db.query<{ code: number }>(
    `SELECT DISTINCT TRY_CAST(trim(${quoteIdent(column)}) AS INTEGER) AS code FROM read_parquet(${sqlString(parquet)})`,
  );
  return new Set(rows.map((r) => r.code).filter((c) => Number.isInteger(c)));
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A CAST error on a line that is not UTF-8 is an encoding problem: say so. */
function checkLineEncoding(csv: TradeCsv, position: number, line: number): void {
  if (!Number.isFinite(position) || position < 0) return;
  const fd = fs.openSync(csv.file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, position);
    let bytes = buf.subarray(0, n);
    const nl = bytes.indexOf(0x0a, 1);
    if (nl > 0) bytes = bytes.subarray(0, nl);
    const encoding = nonUtf8Encoding(bytes);
    if (encoding) {
      throw new ChokepointError('bad_file', `file is not UTF-8 (looks like ${encoding})`, {
        file: csv.label,
        line,
      });
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Scratch folders of earlier imports of this dataset whose process is gone (killed, crashed): garbage by the
 * data dir's rules, removed so that kill -9 leaves no lasting trace. Folders of a live import are left alone.
 */
function removeAbandonedScratch(dataDir: DataDir, prefix: string): void {
  if (!fs.existsSync(dataDir.tmpDir)) return;
  for (const name of fs.readdirSync(dataDir.tmpDir)) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(dataDir.tmpDir, name);
    const pidFile = path.join(dir, 'pid');
    if (!fs.existsSync(pidFile)) {
      // Just created by an import that has not written its pid yet? Leave young folders alone.
      if (Date.now() - fs.statSync(dir).mtimeMs < 60_000) continue;
    } else {
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    fs.readSync(fd, buf, 0, 4, 0);
    return buf.readUInt32LE(0) === 0x04034b50 || (/\.zip$/i.test(file) && fs.statSync(file).size > 0);
  } finally {
    fs.closeSync(fd);
  }
}

function resolveHs(given: string | undefined, inputs: string[]): string {
  const fromNames = [
    ...new Set(
      inputs.map((f) => /BACI_(HS\d\d)_/i.exec(path.basename(f))?.[1]?.toUpperCase()).filter(Boolean),
    ),
  ];
  const hs = given?.toUpperCase() ?? (fromNames.length === 1 ? fromNames[0] : undefined);
  if (!hs) {
    throw new ChokepointError(
      'bad_input',
      fromNames.length > 1
        ? `the files are of different HS revisions (${fromNames.join(', ')}); import them separately`
        : 'the file name does not say the HS revision: give it with --hs (HS92, HS96, HS02, HS07, HS12, HS17, HS22)',
      { field: 'hs' },
    );
  }
  if (!(hsRevisions as readonly string[]).includes(hs)) {
    throw new ChokepointError(
      'bad_input',
      `unknown HS revision "${given}" (expected one of ${hsRevisions.join(', ')})`,
      {
        field: 'hs',
      },
    );
  }
  return hs;
}

function versionFromNames(inputs: string[]): string | undefined {
  for (const f of inputs) {
    const m = /_(V\d{6}[A-Za-z]?)(?:[._]|$)/.exec(path.basename(f));
    if (m) return m[1];
  }
  return undefined;
}

function readSidecars(inputs: string[]): SyntheticSidecar | undefined {
  for (const f of inputs) {
    const side = syntheticSidecarPath(f);
    if (fs.existsSync(side)) return JSON.parse(fs.readFileSync(side, 'utf8')) as SyntheticSidecar;
  }
  return undefined;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function versionKey(version: string, facts: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
  return `${version.replace(/[^\w.-]/g, '_')}-${digest}`;
}
