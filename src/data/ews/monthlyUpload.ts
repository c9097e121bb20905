import { ChokepointError } from '../../errors.ts';
import { buildPanel, panelPeriods, type Flow, type MonthlyRow } from '../../analysis/ews/panel.ts';
import { guessColumnMap, monthlyCsvHead, parseMonthlyCsv, type ColumnMap } from '../importers/monthlyCsv.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { describeText, type MonthlyImport } from './monthlyImport.ts';
import { parseValueUnit } from './valueUnit.ts';
import { publishMonthly } from './seriesStore.ts';

/**
 * A monthly CSV sent by the browser (its text, never a server path) with the column mapping the user chose: the
 * preview shows what the mapped-CSV importer (importers/monthlyCsv.ts, as `ews import --map`) would keep before
 * anything is stored; the import publishes the same rows as a trade-monthly dataset.
 */
export interface MonthlyUpload {
  fileName: string;
  text: string;
  map?: Partial<ColumnMap>;
  reporter?: string;
  flow?: Flow;
  /** Unit of the quantity column when the file has no unit column. */
  unit?: string;
  /** Unit of the value column, e.g. "USD", "thousand USD" (unknown when absent). */
  valueUnit?: string;
}

const required = ['period', 'partner', 'hs', 'value'] as const;

function complete(map: Partial<ColumnMap> | undefined): ColumnMap | undefined {
  if (!map || required.some((k) => !map[k])) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) if (v) out[k] = v;
  return out as unknown as ColumnMap;
}

function parseUpload(upload: MonthlyUpload, map: ColumnMap): MonthlyImport {
  const imported = parseMonthlyCsv(upload.text, describeText(upload.fileName, upload.text), {
    map,
    reporter: upload.reporter,
    flow: upload.flow,
    unit: upload.unit,
    valueUnit: upload.valueUnit ? parseValueUnit(upload.valueUnit, { field: 'valueUnit' }) : undefined,
  });
  if (imported.rows.length === 0)
    throw new ChokepointError('no_data', `no row of ${upload.fileName} could be used`, {
      file: upload.fileName,
    });
  return imported;
}

export interface UploadPreview {
  header: string[];
  /** The first records as the file has them. */
  sample: string[][];
  /** The mapping guessed from the column names (the user checks it). */
  guess: Partial<ColumnMap>;
  /** What the import would keep, once the mapping names period, partner, hs and value. */
  result: {
    rows: number;
    series: number;
    from: string;
    to: string;
    products: string[];
    partners: number;
    first: Omit<MonthlyRow, 'line'>[];
    unresolvedPartners: { name: string; rows: number }[];
    rejected: number;
    rejectedSample: { line: number; reason: string }[];
    valueUnit: { ja: string; en: string } | 'unknown';
  } | null;
}

export function previewUpload(upload: MonthlyUpload): UploadPreview {
  const { header, sample } = monthlyCsvHead(upload.text, upload.fileName);
  const guess = guessColumnMap(header);
  const map = complete(upload.map);
  if (!map) return { header, sample, guess, result: null };
  const imported = parseUpload(upload, map);
  // The store refuses malformed series (duplicate months, negatives): the preview says so before the import.
  const panel = buildPanel(imported.rows, { file: upload.fileName, missing: imported.missing });
  const periods = panelPeriods(panel);
  return {
    header,
    sample,
    guess,
    result: {
      rows: imported.rows.length,
      series: panel.series.length,
      from: periods[0],
      to: periods[periods.length - 1],
      products: [...new Set(imported.rows.map((r) => r.hs))].sort().slice(0, 100),
      partners: new Set(imported.rows.map((r) => r.partner)).size,
      first: imported.rows.slice(0, 20).map(({ line: _line, ...r }) => r),
      unresolvedPartners: imported.unresolvedPartners.slice(0, 20),
      rejected: imported.rejected.length,
      rejectedSample: imported.rejected.slice(0, 10),
      valueUnit: imported.valueUnit === 'unknown' ? 'unknown' : imported.valueUnit.label,
    },
  };
}

/** Publishes the upload as trade-monthly dataset `dataset` (a new version when it exists already). */
export async function importUpload(
  services: { dataDir: DataDir; catalog: Catalog; analytics: AnalyticsStore },
  upload: MonthlyUpload,
  meta: { dataset: string; title?: string },
): Promise<CatalogEntry> {
  const existing = services.catalog.find(meta.dataset);
  if (existing && existing.kind !== 'trade-monthly')
    throw new ChokepointError('conflict', `dataset "${meta.dataset}" exists and is ${existing.kind}`, {
      field: 'dataset',
    });
  const map = complete(upload.map);
  if (!map)
    throw new ChokepointError('bad_input', `map the columns for ${required.join(', ')}`, { field: 'map' });
  const imported = parseUpload(upload, map);
  return publishMonthly(services.dataDir, services.catalog, services.analytics, imported, {
    id: meta.dataset,
    title: meta.title || upload.fileName,
    publisher: 'user file',
  });
}
