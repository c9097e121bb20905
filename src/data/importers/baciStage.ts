import fs from 'node:fs';
import path from 'node:path';
import type { DuckDbStore } from '../analytics/duckdb.ts';
import { sqlString, type Row } from '../analytics/store.ts';
import { ChokepointError } from '../../errors.ts';
import { maxYear, minYear } from './baciLines.ts';
import { nonUtf8Encoding } from './textEncoding.ts';

/**
 * The "stage Parquet" step of the BACI import (baci.ts): DuckDB reads each t,i,j,k,v,q CSV with explicit types and
 * writes it as Parquet into the scratch folder's out/t=YYYY/, keeping the lines it could not parse and marking
 * out-of-domain rows; the CEPII code tables are copied beside the data.
 */

/** A trade CSV to convert: a file given, or a member unpacked from a CEPII archive. */
export interface TradeCsv {
  file: string;
  /** How the user knows it: the path given, or archive:member. */
  label: string;
  bytes: number;
  /** Fields padded with spaces in the first lines (older BACI releases: "       13.235", "           NA"). */
  padded?: boolean;
}

/** A line DuckDB could not parse, as its rejects table reports it. */
export interface ParseReject {
  line: number;
  column: string;
  kind: string;
  message: string;
  text: string;
  pos: number;
}

export interface YearStats {
  t: number;
  rows: number;
  value: number;
  withQuantity: number;
}

/** A year of one converted file, with the rows that repeat a (t, i, j, k) of the same file. */
export interface FileYear extends YearStats {
  duplicates: number;
}

/**
 * Converts one CSV: DuckDB reads it (explicit types, rejects kept with their lines) into one Parquet file, the
 * year of out-of-domain rows set to 0. When the file holds a single valid year (BACI's yearly files, synthetic
 * years, codes already 6 digits) that file simply moves to t=YYYY/: a partitioned write, or re-writing k,
 * costs 25–40 % more CPU, so it is done only for files with several years, rejected rows or 5-digit codes
 * (zero-padded then). Files keep t as a column too (the same value as their folder).
 */
export async function convertFile(
  db: DuckDbStore,
  csv: TradeCsv,
  n: number,
  scratch: string,
  out: string,
  options: { countryCodes?: Set<number>; rejectLimit: number; onProgress: (fraction: number) => void },
): Promise<{ parseRejects: ParseReject[]; years: FileYear[]; domainRows: number }> {
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
  const duplicates = await countDuplicates(db, stage);
  const years = stats
    .filter((y) => y.t !== 0)
    .map(({ t, rows, value, withQuantity }) => ({
      t,
      rows,
      value,
      withQuantity,
      duplicates: duplicates.get(t) ?? 0,
    }));
  const domainRows = stats.find((y) => y.t === 0)?.rows ?? 0;
  const shortCodes = stats.some((y) => y.t !== 0 && y.short > 0);
  if (years.length === 1 && domainRows === 0 && !shortCodes) {
    const dir = path.join(out, `t=${years[0].t}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(stage, path.join(dir, `part-${n}.parquet`));
  } else if (years.length > 0) {
    // One sorted COPY per year: a partitioned COPY (PARTITION_BY t) writes its threads' sorted runs one after
    // another in a year's file, which breaks the store's order.
    for (const y of years) {
      const dir = path.join(out, `t=${y.t}`);
      fs.mkdirSync(dir, { recursive: true });
      await db.run(
        `COPY (SELECT i, j, CASE WHEN length(k) = 6 THEN k ELSE lpad(k, 6, '0') END AS k, v, q, t
               FROM read_parquet(${sqlString(stage)}) WHERE t = $1 ${storeOrder})
         TO ${sqlString(path.join(dir, `part-${n}.parquet`))} (${storeOptions})`,
        [y.t],
      );
    }
  }
  fs.rmSync(stage, { force: true });
  return { parseRejects, years, domainRows };
}

/**
 * Rows of a staged file that repeat a (t, i, j, k) of the same file, by year: BACI has one row per flow, so a
 * repeated key would be counted twice by every sum. Grouped by (t, k, i) under one BIGINT key, each group sets one
 * bit per importer j (1–999) and holds a repeat when it has more rows than bits. On the 11 M-row synthetic year
 * this takes about 2 s of CPU (1.7–2.5 s on the 2-core bench machine; the copy itself 6–9 s) where an exact
 * GROUP BY t, i, j, k took 4–6 s: its hash table has 11 M groups, (t, k, i) under 1 M. A combined pass with the
 * totals was slower (3.1–3.5 s: wider group states). Rows out of domain (t = 0) are rejects, not checked.
 */
async function countDuplicates(db: DuckDbStore, stage: string): Promise<Map<number, number>> {
  const rows = await db.query<{ t: number; duplicates: number }>(
    `SELECT (key // 1000000000)::INTEGER AS t, sum(n - bit_count(importers))::BIGINT AS duplicates
     FROM (SELECT (t::BIGINT * 1000000 + k::INTEGER) * 1000 + i AS key, count(*) AS n,
                  bitstring_agg(j, 0, 999) AS importers
           FROM read_parquet(${sqlString(stage)}) WHERE t <> 0 GROUP BY key)
     GROUP BY ALL`,
  );
  return new Map(rows.map((r) => [r.t, r.duplicates]));
}

/**
 * Codec of the store's Parquet files: LZ4 (raw) files are as small as Snappy's, DuckDB's default, on BACI (136 vs
 * 139 MB for the 11 M flows of the synthetic year) and decompress faster: the `--reporter ALL` screen, which reads
 * the year three times, runs 3 % fewer instructions (callgrind, 451,484-flow slice; Snappy's decompression was 5 %).
 * Stores written before keep Snappy; DuckDB reads both.
 */
export const storeCompression = 'COMPRESSION lz4_raw';

/**
 * The store's layout: each year sorted by importer, product and exporter, in row groups of 61,440 rows (half of
 * DuckDB's default), so that the row groups' min/max statistics of j let a reporter's screen, its exposure and
 * a scenario read only the row groups holding that importer (a reporter of the synthetic 11 M-flow year holds
 * ~48 k flows: one or two row groups of ~180), and a product's rows of an importer are contiguous.
 */
export const storeOrder = 'ORDER BY t, j, k, i';
export const storeOptions = `FORMAT parquet, ${storeCompression}, ROW_GROUP_SIZE 61440`;

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
         ${storeOrder}
       ) TO ${sqlString(target)} (${storeOptions})`,
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
export async function storeCodeTable(db: DuckDbStore, csv: string, target: string): Promise<string> {
  const head = fs.readFileSync(csv).subarray(0, 1 << 20);
  const encoding = nonUtf8Encoding(head) ? 'latin-1' : 'utf-8';
  await db.run(
    `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, all_varchar = true, encoding = '${encoding}'))
     TO ${sqlString(target)} (FORMAT parquet)`,
  );
  return target;
}

export async function countryCodeSet(db: DuckDbStore, parquet: string, label: string): Promise<Set<number>> {
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
