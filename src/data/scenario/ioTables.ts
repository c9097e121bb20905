import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { IoTable } from '../../analysis/io/table.ts';
import { parseCsv } from '../importers/csvRecords.ts';
import { readTextFile, type TextEncoding } from '../importers/textEncoding.ts';
import { isJapanIoLayout, parseJapanIoTable } from '../importers/ioJapan.ts';
import { isIcioLayout, parseIcioTable } from '../importers/oecdIcio.ts';

export type IoTableFormat = 'japan-mic' | 'oecd-icio';

export interface IoTableFile {
  table: IoTable;
  format: IoTableFormat;
  files: string[];
  /** Said when labels or conventions had to be assumed. */
  notes: string[];
}

/**
 * Reads an input-output table from a CSV file, recognising the layout from its header: Japan's national table
 * (long or wide form; a sibling `<name>_ja.csv` supplies Japanese labels) or an OECD ICIO table.
 */
export function readIoTableFile(file: string, encoding?: TextEncoding): IoTableFile {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no such file`, { file });
  const { text } = readTextFile(file, { encoding });
  const firstLine = parseCsv(text.slice(0, text.indexOf('\n') + 1 || text.length), file)[0]?.fields ?? [];
  const notes: string[] = [];
  if (isJapanIoLayout(firstLine)) {
    const jaFile = file.replace(/\.csv$/i, '_ja.csv');
    const ja =
      jaFile !== file && fs.existsSync(jaFile)
        ? { text: readTextFile(jaFile, { encoding }).text, file: jaFile }
        : undefined;
    if (!ja)
      notes.push(
        `no Japanese labels (${path.basename(jaFile)} not found): ja labels repeat the English ones`,
      );
    return {
      table: parseJapanIoTable(text, file, ja),
      format: 'japan-mic',
      files: ja ? [file, jaFile] : [file],
      notes,
    };
  }
  if (isIcioLayout(firstLine)) {
    notes.push('OECD ICIO sector codes are used as labels in both languages');
    return { table: parseIcioTable(text, file), format: 'oecd-icio', files: [file], notes };
  }
  throw new ChokepointError(
    'bad_file',
    'unrecognised input-output layout: expected Japan MIC long form (input_type,input_name,output_type,output_name,value), wide form (input,industry/…) or OECD ICIO (…,OUT)',
    { file, line: 1 },
  );
}

const publishers: Record<IoTableFormat, { publisher: string; url: string; licence: string }> = {
  'japan-mic': {
    publisher: 'Ministry of Internal Affairs and Communications (総務省), via e-Stat',
    url: 'https://www.e-stat.go.jp/stat-search/files?toukei=00200603',
    licence: 'Government of Japan Standard Terms of Use 2.0 (CC BY 4.0 compatible)',
  },
  'oecd-icio': {
    publisher: 'OECD',
    url: 'https://www.oecd.org/en/data/datasets/inter-country-input-output-tables.html',
    licence: 'OECD terms and conditions (CC BY 4.0)',
  },
};

interface StoredTable {
  sectors: IoTable['sectors'];
  unit: string;
  finalDemand: number[];
  exports: number[];
  imports: number[];
  valueAdded: number[];
  output: number[];
  nnz: number;
}

/** Imports an input-output table as an 'io-table' dataset: table.json (vectors, labels) + z.bin (CSR arrays). */
export function importIoTable(options: {
  dataDir: DataDir;
  catalog: Catalog;
  file: string;
  id?: string;
  title?: string;
  version?: string;
  encoding?: TextEncoding;
  /** The fetched dataset the file came from (its marking applies to the table). */
  derivedFrom?: string[];
}): CatalogEntry {
  const read = readIoTableFile(options.file, options.encoding);
  const { table } = read;
  const scratch = options.dataDir.scratch('io-table');
  try {
    const stored: StoredTable = {
      sectors: table.sectors,
      unit: table.unit,
      finalDemand: [...table.finalDemand],
      exports: [...table.exports],
      imports: [...table.imports],
      valueAdded: [...table.valueAdded],
      output: [...table.output],
      nnz: table.Z.col.length,
    };
    fs.writeFileSync(path.join(scratch, 'table.json'), JSON.stringify(stored));
    const z = Buffer.concat([
      Buffer.from(table.Z.rowPtr.buffer, table.Z.rowPtr.byteOffset, table.Z.rowPtr.byteLength),
      Buffer.from(table.Z.col.buffer, table.Z.col.byteOffset, table.Z.col.byteLength),
      Buffer.from(table.Z.val.buffer, table.Z.val.byteOffset, table.Z.val.byteLength),
    ]);
    fs.writeFileSync(path.join(scratch, 'z.bin'), z);
    const files = read.files.map((f) => {
      const bytes = fs.readFileSync(f);
      return {
        name: path.basename(f),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      };
    });
    const base = path
      .basename(options.file)
      .replace(/\.csv$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-');
    const id = options.id ?? `io-${base}`.slice(0, 64);
    const yearMatch = /(19|20)\d\d/.exec(path.basename(options.file));
    const now = new Date().toISOString();
    const who = publishers[read.format];
    return options.catalog.publish(
      {
        id,
        kind: 'io-table',
        title:
          options.title ??
          `${read.format === 'japan-mic' ? 'Japan input-output table' : 'OECD ICIO table'} ${path.basename(options.file)} (${table.sectors.length} sectors)`,
        publisher: who.publisher,
        url: who.url,
        version: options.version ?? yearMatch?.[0] ?? 'unknown',
        licence: who.licence,
        source: 'import',
        retrievedAt: now,
        importedAt: now,
        synthetic: false,
        files,
        rows: table.sectors.length,
        rejectedRows: 0,
        notes: [`format ${read.format}; unit ${table.unit}`, ...read.notes].join('; '),
        ...(options.derivedFrom ? { derivedFrom: options.derivedFrom } : {}),
        extra: { format: read.format, unit: table.unit, sectors: table.sectors.length },
      },
      scratch,
      files[0].sha256.slice(0, 16),
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** Loads an imported 'io-table' dataset (the newest when no id is given). */
export function loadIoTable(catalog: Catalog, id?: string): { table: IoTable; entry: CatalogEntry } {
  const entry = id ? catalog.get(id) : catalog.ofKind('io-table')[0];
  if (!entry)
    throw new ChokepointError('not_found', 'no input-output table imported (chokepoint io import FILE)', {
      field: 'table',
    });
  if (entry.kind !== 'io-table')
    throw new ChokepointError(
      'bad_input',
      `dataset ${entry.id} is ${entry.kind}, not an input-output table`,
      { field: 'table' },
    );
  const dir = catalog.dataDir.datasetDir(entry);
  const stored = JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8')) as StoredTable;
  const bytes = fs.readFileSync(path.join(dir, 'z.bin'));
  const n = stored.sectors.length;
  const copy = new Uint8Array(bytes); // aligned copy
  const rowPtr = new Int32Array(copy.buffer, 0, n + 1);
  const col = new Int32Array(copy.buffer, (n + 1) * 4, stored.nnz);
  const valOffset = (n + 1 + stored.nnz) * 4;
  const val = new Float64Array(copy.buffer.slice(valOffset, valOffset + stored.nnz * 8));
  return {
    entry,
    table: {
      sectors: stored.sectors,
      Z: { n, rowPtr, col, val },
      unit: stored.unit,
      finalDemand: Float64Array.from(stored.finalDemand),
      exports: Float64Array.from(stored.exports),
      imports: Float64Array.from(stored.imports),
      valueAdded: Float64Array.from(stored.valueAdded),
      output: Float64Array.from(stored.output),
    },
  };
}
