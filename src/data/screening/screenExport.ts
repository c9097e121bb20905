import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import type { ScreenItem, ScreenResult } from './screen.ts';
import { methods } from '../../analysis/methods/index.ts';
import { noExportsRatio } from '../../analysis/importExportRatio.ts';
import { markingLevelNames, type Marking } from '../../analysis/marking.ts';

/**
 * Screen results to CSV, XLSX and Parquet. Every exported row carries its provenance (dataset, version,
 * synthetic, method, thresholds) so a figure copied out of the file still says where it came from. Files are
 * written beside the target and renamed into place: a failed export leaves no half-written file.
 */
export type FlatScreenRow = Record<string, string | number | boolean | null>;

export function flattenScreenItem(item: ScreenItem): FlatScreenRow {
  const row: FlatScreenRow = {
    reporter: item.reporter,
    hs6: item.hs6,
    labelEn: item.labelEn,
    labelJa: item.labelJa,
    importValueUsd: item.importValueUsd,
    hhi: item.hhi,
    topSupplier: item.topSupplier,
    topShare: item.topShare,
    top3Share: item.top3Share,
    suppliers: item.suppliers,
    countriesTo75: item.countriesTo75,
    concernShare: item.concernShare,
    likeMindedShare: item.likeMindedShare,
    partnerShare: item.partnerShare,
    extraGroupShare: item.extraGroupShare,
    unitValueUsdPerTonne: item.unitValueUsdPerTonne,
    exportValueUsd: item.exportValueUsd,
    importExportRatio: item.importExportRatio,
    noExports: item.noExports,
    worldExportHhi: item.worldExportHhi,
    topWorldExporter: item.topWorldExporter,
    topWorldExporterShare: item.topWorldExporterShare,
    critical: item.critical.join(' '),
  };
  for (const m of methods) {
    row[`flag_${m.id}`] = item.flags[m.id] ?? null;
    row[`years_${m.id}`] = item.persistence[m.id]?.met ?? null;
  }
  row.dataset = item.provenance.dataset;
  row.version = item.provenance.version;
  row.synthetic = item.provenance.synthetic;
  row.method = item.provenance.method;
  row.thresholds = JSON.stringify(item.provenance.thresholds);
  return row;
}

/** Options of a screen file: the marking of what it holds (a file copied out still says how to handle it). */
export interface ScreenFileOptions {
  marking?: Marking;
}

/** "2 秘 / confidential; compartments minerals; releasable to meti" — the marking as a cell a reader understands. */
export function markingText(marking: Marking): string {
  const name = markingLevelNames[marking.level];
  const parts = [`${marking.level} ${name.ja} / ${name.en}`];
  if (marking.compartments.length) parts.push(`compartments ${marking.compartments.join(' ')}`);
  if (marking.releasableTo) parts.push(`releasable to ${marking.releasableTo.join(' ') || 'nobody'}`);
  return parts.join('; ');
}

function fileRows(result: ScreenResult, options: ScreenFileOptions): FlatScreenRow[] {
  const rows = result.items.map(flattenScreenItem);
  if (options.marking) {
    const text = markingText(options.marking);
    for (const r of rows) r.marking = text;
  }
  return rows;
}

function fileHeaders(result: ScreenResult, rows: FlatScreenRow[], options: ScreenFileOptions): string[] {
  if (rows.length) return Object.keys(rows[0]);
  return [...Object.keys(flattenScreenItem(emptyItem(result))), ...(options.marking ? ['marking'] : [])];
}

function csvCell(value: FlatScreenRow[string]): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function tmpBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomUUID()}.tmp`);
}

function commit(tmp: string, file: string): void {
  fs.renameSync(tmp, file);
}

export function writeScreenCsv(result: ScreenResult, file: string, options: ScreenFileOptions = {}): void {
  const rows = fileRows(result, options);
  const headers = fileHeaders(result, rows, options);
  const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => csvCell(r[h])).join(','))];
  const tmp = tmpBeside(file);
  try {
    // A BOM so that spreadsheet programs read the Japanese labels as UTF-8.
    fs.writeFileSync(tmp, `\uFEFF${lines.join('\n')}\n`);
    commit(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export async function writeScreenXlsx(
  result: ScreenResult,
  file: string,
  options: ScreenFileOptions = {},
): Promise<void> {
  // exceljs takes over a second to load: only XLSX exports pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chokepoint';
  const sheet = workbook.addWorksheet('screen');
  const rows = fileRows(result, options);
  const headers = fileHeaders(result, rows, options);
  sheet.columns = headers.map((h) => ({
    header: h,
    key: h,
    width: Math.max(10, Math.min(40, h.length + 2)),
  }));
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('provenance');
  const p = result.provenance;
  const facts: [string, string | number | boolean][] = [
    ['reporter', result.reporter],
    ['reporter members', result.reporterMembers.join(' ')],
    ['year', result.year],
    ...(options.marking ? [['marking', markingText(options.marking)] as [string, string]] : []),
    ['dataset', p.dataset],
    ['title', p.title],
    ['publisher', p.publisher],
    ['version', p.version],
    ['synthetic', p.synthetic ? 'SYNTHETIC DATA — not real trade' : 'no'],
    ['method filter', p.method],
    ['thresholds', JSON.stringify(p.thresholds)],
    ['countries of concern', p.concern.join(' ')],
    ['like-minded countries', p.likeMinded.join(' ')],
    ['M/X when exports are zero', `${noExportsRatio} (noExports = true)`],
    ...methods.map((m): [string, string] => [
      `method ${m.id}`,
      `${m.name.en} / ${m.name.ja} — ${m.citation}`,
    ]),
    ...Object.entries(result.counts).map(([m, n]): [string, number] => [`flagged by ${m}`, n]),
  ];
  for (const f of facts) about.addRow(f);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;
  const tmp = tmpBeside(file);
  try {
    await workbook.xlsx.writeFile(tmp);
    commit(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Parquet through DuckDB: the flat rows as newline-delimited JSON, then COPY … (FORMAT parquet). */
export async function writeScreenParquet(
  store: AnalyticsStore,
  result: ScreenResult,
  file: string,
  scratchDir: string,
): Promise<void> {
  fs.mkdirSync(scratchDir, { recursive: true });
  const json = path.join(scratchDir, `screen-${randomUUID()}.ndjson`);
  const tmp = tmpBeside(file);
  try {
    const rows = result.items.map(flattenScreenItem);
    const headers = Object.keys(rows[0] ?? flattenScreenItem(emptyItem(result)));
    fs.writeFileSync(json, rows.map((r) => JSON.stringify(r)).join('\n'));
    const columns = headers.map((h) => `'${h}': '${columnType(h)}'`).join(', ');
    await store.run(
      `COPY (SELECT * FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = {${columns}})) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    commit(tmp, file);
  } finally {
    fs.rmSync(json, { force: true });
    fs.rmSync(tmp, { force: true });
  }
}

function columnType(name: string): string {
  if (name.startsWith('flag_') || name === 'noExports' || name === 'synthetic') return 'BOOLEAN';
  if (name.startsWith('years_') || name === 'suppliers' || name === 'countriesTo75') return 'INTEGER';
  if (
    [
      'reporter',
      'hs6',
      'labelEn',
      'labelJa',
      'topSupplier',
      'topWorldExporter',
      'critical',
      'dataset',
      'version',
      'method',
      'thresholds',
    ].includes(name)
  ) {
    return 'VARCHAR';
  }
  return 'DOUBLE';
}

function emptyItem(result: ScreenResult): ScreenItem {
  return {
    reporter: result.reporter,
    hs6: '',
    labelEn: '',
    labelJa: '',
    importValueUsd: 0,
    hhi: 0,
    topSupplier: '',
    topShare: 0,
    top3Share: 0,
    suppliers: 0,
    countriesTo75: 0,
    concernShare: 0,
    likeMindedShare: 0,
    partnerShare: null,
    extraGroupShare: 0,
    unitValueUsdPerTonne: null,
    exportValueUsd: 0,
    importExportRatio: 0,
    noExports: false,
    worldExportHhi: null,
    topWorldExporter: null,
    topWorldExporterShare: null,
    yearsWithImports: 0,
    critical: [],
    flags: {},
    persistence: {},
    provenance: result.provenance,
  };
}
