import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DataDir } from '../catalog/dataDir.ts';
import { Catalog, type CatalogEntry, type SourceFile } from '../catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../analytics/duckdb.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { ClickHouseStore } from '../analytics/clickhouse.ts';
import { loadIntoClickHouse } from '../analytics/clickhouseLoad.ts';
import { ChokepointError } from '../../errors.ts';
import { extractZip } from './zipMembers.ts';
import { checkBaciHeader, findDomainRejects, type RejectedLine } from './baciLines.ts';
import { requireUtf8 } from './textEncoding.ts';
import {
  convertFile,
  countryCodeSet,
  storeCodeTable,
  type ParseReject,
  type TradeCsv,
  type YearStats,
} from './baciStage.ts';
import {
  duplicatePolicies,
  settleDuplicates,
  type DuplicatePolicy,
  type StagedFile,
} from './baciDuplicates.ts';

/**
 * CEPII BACI importer: the archive (BACI_HS17_V202601.zip: one BACI_HS17_Y<year>_V202601.csv per year plus
 * country_codes_V202601.csv and product_codes_HS17_V202601.csv) or bare `t,i,j,k,v,q` CSV files → Parquet
 * partitioned by year (layout in ../catalog/tradeDataset.ts). DuckDB parses the CSV (streaming, explicit types); the
 * values are kept as published (v thousand USD, q tonnes, NA → NULL). The result is built in a scratch folder
 * and published by Catalog.publish, so a failure or a kill leaves the previous state.
 *
 * The stages, each a function below: resolve the request (ids, revision, version) → read the inputs (unpack
 * archives, check headers) → stage Parquet (baciStage.ts: DuckDB converts each CSV, keeping rejected lines) → name
 * the rejected lines → settle repeated flows (baciDuplicates.ts) → publish (checksums, catalog entry,
 * Catalog.publish).
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
  /** A flow (t, i, j, k) given twice: fail (default), or keep the first of rows that are exact copies. */
  duplicates?: DuplicatePolicy;
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
/** Bump when the stored layout or the checks change, so an old store version is not reused. */
const formatVersion = 3; // 3: years sorted by importer and product, row groups of 61,440

interface Reject extends RejectedLine {
  kind: 'parse' | 'domain';
}

export async function importBaci(options: BaciImportOptions): Promise<CatalogEntry> {
  const { dataDir } = options;
  const request = resolveRequest(options);
  // A kill leaves this folder behind; the next CLI or server start removes it (DataDir.removeAbandonedScratch).
  const scratch = dataDir.scratch(`import-${request.datasetId}`);
  const out = path.join(scratch, 'out');
  let db: DuckDbStore | undefined;
  try {
    // Hashing runs beside the conversion: the version key is needed only at publication.
    const hashing = Promise.all(options.inputs.map(hashFile));
    hashing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const inputs = await readInputs(options, scratch);
    const total = inputs.trade.reduce((sum, c) => sum + c.bytes, 0);
    options.onProgress?.(0, total, 'converting');

    db = await openDuckDb({ memoryLimit: '1500MB', tempDirectory: path.join(scratch, 'duckdb') });
    await db.run('SET preserve_insertion_order = false');
    fs.mkdirSync(out, { recursive: true });
    const countryCodes = await stageCodeTables(db, inputs, out);
    const staged = await stageTrade(db, inputs.trade, scratch, out, {
      countryCodes,
      maxRejects: request.maxRejects,
      onProgress: (done) => options.onProgress?.(done, total, 'converting'),
    });
    const rejects = await nameRejects(staged, inputs.trade, countryCodes);
    failOnRejects(staged, rejects, request.maxRejects, inputs.trade);
    const settled = await settleDuplicates(db, out, scratch, staged.files, staged.years, request.duplicates);

    await db.close();
    db = undefined;
    fs.rmSync(path.join(scratch, 'duckdb'), { recursive: true, force: true });
    options.onProgress?.(total, total, 'checksums');
    const hashes = await hashing;
    const entry = catalogEntry(options, request, inputs, { ...staged, ...settled }, rejects, hashes);
    const key = storeVersionKey(request, entry, hashes);
    if (options.analytics instanceof ClickHouseStore) {
      const loaded = await loadIntoClickHouse(options.analytics, {
        kind: 'trade',
        datasetId: request.datasetId,
        versionKey: key,
        dir: out,
        rows: entry.rows,
        version: request.version,
        sha256: hashes,
        onProgress: (note) => options.onProgress?.(total, total, note),
      });
      entry.extra = {
        ...entry.extra,
        clickhouse: { server: options.analytics.location, table: loaded.table },
      };
    }
    return new Catalog(dataDir).publish(entry, out, key);
  } finally {
    if (db) await db.close().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** What the options ask for once defaults are filled in and checked (before anything is written). */
interface ImportRequest {
  datasetId: string;
  hs: string;
  version: string;
  synthetic: boolean;
  sidecar?: SyntheticSidecar;
  maxRejects: number;
  duplicates: DuplicatePolicy;
}

function resolveRequest(options: BaciImportOptions): ImportRequest {
  if (options.inputs.length === 0) throw new ChokepointError('bad_input', 'no input file given');
  const seen = new Set<string>();
  for (const input of options.inputs) {
    if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
      throw new ChokepointError('not_found', 'no such file', { file: input });
    }
    // Its rows would all be repeated flows.
    if (seen.has(path.resolve(input)))
      throw new ChokepointError('bad_input', 'the same file is given twice', { file: input });
    seen.add(path.resolve(input));
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
  const duplicates = options.duplicates ?? 'fail';
  if (!duplicatePolicies.includes(duplicates)) {
    throw new ChokepointError(
      'bad_input',
      `duplicates must be ${duplicatePolicies.join(' or ')}, not "${String(duplicates)}"`,
      { field: 'duplicates' },
    );
  }
  return { datasetId, hs, version, synthetic, sidecar, maxRejects, duplicates };
}

/** The trade CSVs and CEPII code tables of the inputs: bare CSVs as given, archives unpacked into the scratch. */
interface Inputs {
  trade: TradeCsv[];
  members: { archive: string; name: string; bytes: number }[];
  countryTable?: string;
  countryLabel?: string;
  productTable?: string;
}

async function readInputs(options: BaciImportOptions, scratch: string): Promise<Inputs> {
  const inputs: Inputs = { trade: [], members: [] };
  let extracted = 0;
  for (const input of options.inputs) {
    if (!isZip(input)) {
      inputs.trade.push({ file: input, label: input, bytes: fs.statSync(input).size });
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
      inputs.members.push({ archive, name: m.name, bytes: m.bytes });
      const base = path.basename(m.name);
      if (/country_codes/i.test(base)) {
        inputs.countryTable ??= m.file;
        inputs.countryLabel ??= `${input}:${m.name}`;
      } else if (/product_codes/i.test(base)) inputs.productTable ??= m.file;
      else inputs.trade.push({ file: m.file, label: `${input}:${m.name}`, bytes: m.bytes });
    }
    if (!got.some((m) => /^BACI_.*\.csv$/i.test(path.basename(m.name)) || /_Y\d{4}_/.test(m.name))) {
      throw new ChokepointError('bad_file', 'zip archive holds no BACI yearly CSV (BACI_HS.._Y…_V….csv)', {
        file: input,
      });
    }
  }
  for (const csv of inputs.trade) csv.padded = checkBaciHeader(csv.file, csv.label).padded;
  return inputs;
}

/** Copies the archive's code tables beside the data; returns the known country codes (when there is a table). */
async function stageCodeTables(
  db: DuckDbStore,
  inputs: Inputs,
  out: string,
): Promise<Set<number> | undefined> {
  const countries = inputs.countryTable
    ? await storeCodeTable(db, inputs.countryTable, path.join(out, 'country_codes.parquet'))
    : undefined;
  if (inputs.productTable)
    await storeCodeTable(db, inputs.productTable, path.join(out, 'product_codes.parquet'));
  return countries ? await countryCodeSet(db, countries, inputs.countryLabel ?? countries) : undefined;
}

/** What converting the trade CSVs gave: per-year totals and the rows that were rejected. */
interface Staged {
  years: YearStats[];
  /** Each converted file with its years (for the repeated-flow check). */
  files: StagedFile[];
  parseRejects: (ParseReject & { csv: TradeCsv })[];
  domainCount: number;
  withDomainRejects: Set<TradeCsv>;
  /** The count of rejected rows is a lower bound (conversion stopped early, or DuckDB's reject limit was hit). */
  parseCapped: boolean;
}

async function stageTrade(
  db: DuckDbStore,
  trade: TradeCsv[],
  scratch: string,
  out: string,
  options: { countryCodes?: Set<number>; maxRejects: number; onProgress: (done: number) => void },
): Promise<Staged> {
  const { maxRejects } = options;
  // One file at a time (a CEPII archive holds one CSV per year), so each usually takes the one-year fast path.
  const rejectLimit = maxRejects + 1000;
  const parseRejects: (ParseReject & { csv: TradeCsv })[] = [];
  const perYear = new Map<number, YearStats>();
  let domainCount = 0;
  let converted = 0;
  let stoppedEarly = false;
  const withDomainRejects = new Set<TradeCsv>();
  const files: StagedFile[] = [];
  for (const [n, csv] of trade.entries()) {
    const result = await convertFile(db, csv, n, scratch, out, {
      countryCodes: options.countryCodes,
      rejectLimit,
      onProgress: (fraction) => options.onProgress(converted + fraction * csv.bytes),
    });
    converted += csv.bytes;
    files.push({ csv, years: result.years });
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
  return {
    years: [...perYear.values()].sort((a, b) => a.t - b.t),
    files,
    parseRejects,
    domainCount,
    withDomainRejects,
    parseCapped: stoppedEarly || parseRejects.length >= rejectLimit,
  };
}

function rejectedRows(staged: Staged): number {
  return staged.parseRejects.length + staged.domainCount;
}

/** The first rejected lines (kept in the catalog, and the first one named in the error), in file and line order. */
async function nameRejects(
  staged: Staged,
  trade: TradeCsv[],
  countryCodes: Set<number> | undefined,
): Promise<Reject[]> {
  const rejects: Reject[] = [];
  for (const r of staged.parseRejects.slice(0, keptRejects)) {
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
  if (staged.domainCount > 0) {
    // Find the lines (DuckDB kept no line numbers for parsed rows); skip lines DuckDB itself rejected.
    for (const csv of trade.filter((c) => staged.withDomainRejects.has(c))) {
      if (rejects.filter((r) => r.kind === 'domain').length >= keptRejects) break;
      const skip = new Set(staged.parseRejects.filter((r) => r.csv === csv).map((r) => r.line));
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
  return rejects.sort(
    (a, b) =>
      trade.findIndex((c) => c.label === a.file) - trade.findIndex((c) => c.label === b.file) ||
      a.line - b.line,
  );
}

/** More rejected rows than allowed, or nothing left to import: fail naming the first rejected line. */
function failOnRejects(staged: Staged, rejects: Reject[], maxRejects: number, trade: TradeCsv[]): void {
  const rejected = rejectedRows(staged);
  if (rejected > maxRejects) {
    const first = rejects[0];
    const count = `${staged.parseCapped ? 'at least ' : ''}${rejected} rejected row${rejected === 1 ? '' : 's'}`;
    throw new ChokepointError(
      'bad_file',
      first
        ? `${first.reason} — ${count} in all${maxRejects ? ` (more than --max-rejects ${maxRejects})` : ''}; nothing was imported`
        : `${count}; nothing was imported`,
      first ? { file: first.file, line: first.line, column: first.column } : {},
      { rejectedRows: rejected, rejects },
    );
  }
  if (staged.years.length === 0)
    throw new ChokepointError('bad_file', 'no rows to import', { file: trade[0]?.label });
}

/** The catalog entry of the import: provenance, counts per year, rejected lines kept as examples. */
function catalogEntry(
  options: BaciImportOptions,
  request: ImportRequest,
  inputs: Inputs,
  staged: Staged & { dropped: number },
  rejects: Reject[],
  hashes: string[],
): Omit<CatalogEntry, 'path'> {
  const { datasetId, hs, version, synthetic, sidecar } = request;
  const { years } = staged;
  const files: SourceFile[] = options.inputs.map((f, n) => ({
    name: path.basename(f),
    sha256: hashes[n],
    bytes: fs.statSync(f).size,
  }));
  const now = new Date().toISOString();
  return {
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
    rejectedRows: rejectedRows(staged),
    years: years.map((y) => y.t),
    hs,
    notes:
      'v = thousand current USD, q = metric tonnes (NULL where not published), as published by BACI' +
      (staged.dropped
        ? `; ${staged.dropped} rows that exactly copied an earlier row of the same t,i,j,k were dropped (--duplicates keep-first)`
        : ''),
    extra: {
      yearly: years.map((y) => ({ year: y.t, rows: y.rows, value: y.value, withQuantity: y.withQuantity })),
      rejects: rejects.slice(0, keptRejects).map(({ kind: _kind, ...r }) => r),
      ...(staged.dropped ? { duplicateRowsDropped: staged.dropped } : {}),
      ...(inputs.members.length ? { members: inputs.members } : {}),
      ...(inputs.countryTable ? { countryCodes: 'country_codes.parquet' } : {}),
      ...(inputs.productTable ? { productCodes: 'product_codes.parquet' } : {}),
      ...(sidecar ? { generator: sidecar } : {}),
    },
  };
}

/** The store version: the release plus a digest of everything that decides the stored files. */
function storeVersionKey(
  request: ImportRequest,
  entry: Omit<CatalogEntry, 'path'>,
  hashes: string[],
): string {
  const { datasetId, hs, version, synthetic, maxRejects, duplicates } = request;
  return versionKey(version, {
    formatVersion,
    datasetId,
    hs,
    version,
    synthetic,
    maxRejects,
    duplicates,
    inputs: hashes,
    meta: [entry.title, entry.publisher, entry.url, entry.licence, entry.source],
  });
}

/** A CAST error on a line that is not UTF-8 is an encoding problem: say so. */
function checkLineEncoding(csv: TradeCsv, position: number, line: number): void {
  if (!Number.isFinite(position) || position < 0) return;
  const fd = fs.openSync(csv.file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, position);
    let bytes = buf.subarray(0, n);
    let offset = position;
    // DuckDB's position may be that of the newline ending the line before.
    if (bytes[0] === 0x0a) {
      bytes = bytes.subarray(1);
      offset++;
    }
    const nl = bytes.indexOf(0x0a);
    if (nl >= 0) bytes = bytes.subarray(0, nl);
    requireUtf8(bytes, csv.label, { offset, line });
  } finally {
    fs.closeSync(fd);
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
