import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogEntry, SourceFile } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import { ClickHouseStore } from '../analytics/clickhouse.ts';
import { clickhouseTableOf } from '../analytics/clickhouseLoad.ts';
import { ChokepointError } from '../../errors.ts';
import { buildPanel, type MonthlyRow } from '../../analysis/ews/panel.ts';
import type { MonthlyImport } from './monthlyImport.ts';
import type { PriceImport } from '../importers/pinksheet.ts';
import { priceLinks } from './priceLinks.ts';

/**
 * The monthly series store: one Parquet file per dataset version,
 *   trade-monthly: reporter, partner, hs, flow, period (YYYY-MM), value, quantity, unit
 *   prices:        series, period, value   (names, units and linked HS codes in the catalog entry)
 * written through DuckDB and published atomically in the catalog with provenance. Rows are stored as the
 * source gave them; what a missing month means ('zero' or 'unknown') is kept in the entry (extra.missing), and the
 * unit of the values (extra.valueUnit: billion yen, USD, … or 'unknown'; absent on entries imported before).
 */
export interface DatasetMeta {
  id: string;
  title: string;
  publisher: string;
  url?: string;
  licence?: string;
  version?: string;
  source?: CatalogEntry['source'];
  synthetic?: boolean;
  notes?: string;
  /** The fetched dataset whose files these series were read from (its marking applies to them). */
  derivedFrom?: string[];
}

/** The catalog entry of a stored monthly dataset (trade or prices), with the source file's provenance. */
function entryFor(
  kind: 'trade-monthly' | 'prices',
  meta: DatasetMeta,
  file: SourceFile,
  rows: number,
  rejectedRows: number,
  extra: Record<string, unknown>,
): Omit<CatalogEntry, 'path'> {
  const now = new Date().toISOString();
  return {
    id: meta.id,
    kind,
    title: meta.title,
    publisher: meta.publisher,
    url: meta.url,
    version: meta.version ?? file.sha256.slice(0, 12),
    licence: meta.licence,
    source: meta.source ?? 'import',
    retrievedAt: now,
    importedAt: now,
    synthetic: meta.synthetic ?? false,
    files: [file],
    rows,
    rejectedRows,
    notes: meta.notes,
    ...(meta.derivedFrom ? { derivedFrom: meta.derivedFrom } : {}),
    extra,
  };
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export async function publishMonthly(
  dataDir: DataDir,
  catalog: Catalog,
  analytics: AnalyticsStore,
  imported: MonthlyImport,
  meta: DatasetMeta,
): Promise<CatalogEntry> {
  // Refuses malformed series before anything is written (duplicate months, negatives, mixed units).
  const panel = buildPanel(imported.rows, { file: imported.file.name, missing: imported.missing });
  const scratch = dataDir.scratch(`ews-${meta.id}`);
  try {
    const csv = path.join(scratch, 'rows.csv');
    const lines = ['reporter,partner,hs,flow,period,value,quantity,unit'];
    for (const r of imported.rows) {
      lines.push(
        [
          r.reporter,
          r.partner,
          csvField(r.hs),
          r.flow,
          r.period,
          String(r.value),
          r.quantity === null ? '' : String(r.quantity),
          r.unit === null ? '' : csvField(r.unit),
        ].join(','),
      );
    }
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    await analytics.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, quote = '"', columns = {
         'reporter': 'VARCHAR', 'partner': 'VARCHAR', 'hs': 'VARCHAR', 'flow': 'VARCHAR', 'period': 'VARCHAR',
         'value': 'DOUBLE', 'quantity': 'DOUBLE', 'unit': 'VARCHAR'}) ORDER BY reporter, hs, flow, partner, period)
       TO ${sqlString(path.join(scratch, 'series.parquet'))} (FORMAT parquet)`,
    );
    fs.rmSync(csv);
    return catalog.publish(
      entryFor(
        'trade-monthly',
        meta,
        imported.file,
        imported.rows.length,
        imported.rejected.length + imported.unresolvedPartners.reduce((a, u) => a + u.rows, 0),
        {
          format: imported.source,
          missing: imported.missing,
          valueUnit: imported.valueUnit,
          series: panel.series.length,
          months: panel.months,
          unresolvedPartners: imported.unresolvedPartners,
          rejectedSample: imported.rejected.slice(0, 50),
        },
      ),
      scratch,
      imported.file.sha256.slice(0, 16),
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

export async function publishPrices(
  dataDir: DataDir,
  catalog: Catalog,
  analytics: AnalyticsStore,
  imported: PriceImport,
  meta: DatasetMeta,
): Promise<CatalogEntry> {
  const seen = new Set<string>();
  for (const r of imported.rows) {
    const key = `${r.series}\t${r.period}`;
    if (seen.has(key))
      throw new ChokepointError('bad_file', `price ${r.series} for ${r.period} given twice`, {
        file: imported.file.name,
        field: r.series,
      });
    seen.add(key);
    if (r.value < 0)
      throw new ChokepointError('bad_file', `price ${r.series} for ${r.period} is negative`, {
        file: imported.file.name,
        field: r.series,
      });
  }
  const scratch = dataDir.scratch(`ews-${meta.id}`);
  try {
    const csv = path.join(scratch, 'rows.csv');
    fs.writeFileSync(
      csv,
      `series,period,value\n${imported.rows.map((r) => `${csvField(r.series)},${r.period},${r.value}`).join('\n')}\n`,
    );
    await analytics.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, columns = {'series': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE'}) ORDER BY series, period)
       TO ${sqlString(path.join(scratch, 'prices.parquet'))} (FORMAT parquet)`,
    );
    fs.rmSync(csv);
    return catalog.publish(
      entryFor('prices', meta, imported.file, imported.rows.length, 0, {
        series: imported.series.map((x) => ({ ...x, hs: priceLinks[x.code] ?? [] })),
        emptyCells: imported.emptyCells,
      }),
      scratch,
      imported.file.sha256.slice(0, 16),
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

export interface SeriesFilter {
  reporter?: string;
  partner?: string;
  hs?: string;
  flow?: 'import' | 'export';
}

/** The monthly trade dataset `id` (an item is scanned on it): unknown ids and other kinds are refused by name. */
export function monitoredDataset(catalog: Catalog, id: string): CatalogEntry {
  return checkMonthly(catalog.get(id));
}

function checkMonthly(entry: CatalogEntry): CatalogEntry {
  if (entry.kind !== 'trade-monthly')
    throw new ChokepointError('bad_input', `dataset "${entry.id}" is ${entry.kind}, not monthly trade`, {
      field: 'dataset',
    });
  return entry;
}

/** Reads a trade-monthly dataset back as rows (optionally one reporter / product / flow). */
export async function readMonthly(
  dataDir: DataDir,
  analytics: AnalyticsStore,
  entry: CatalogEntry,
  filter: SeriesFilter = {},
): Promise<MonthlyRow[]> {
  checkMonthly(entry);
  const b = new SqlBuilder(analytics.dialect);
  const where: string[] = [];
  for (const key of ['reporter', 'partner', 'hs', 'flow'] as const) {
    const value = filter[key];
    if (value) where.push(`${key} = ${b.text(value)}`);
  }
  const source = monthlySource(dataDir, analytics, entry);
  const rows = await analytics.select<{
    reporter: string;
    partner: string;
    hs: string;
    flow: string;
    period: string;
    value: number;
    quantity: number | null;
    unit: string | null;
  }>(
    b.done(
      `SELECT reporter, partner, hs, flow, period, value, quantity, unit FROM ${source}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY reporter, hs, flow, partner, period`,
    ),
  );
  return rows.map((r) => ({ ...r, flow: r.flow as 'import' | 'export' }));
}

/** The monthly file of a version: the engine's copy (ClickHouse: the version's table), or its Parquet file. */
function monthlySource(dataDir: DataDir, analytics: AnalyticsStore, entry: CatalogEntry): string {
  return analytics instanceof ClickHouseStore
    ? (dataDir.datasetDir(entry), analytics.table(clickhouseTableOf('monthly', entry)))
    : `read_parquet(${sqlString(path.join(dataDir.datasetDir(entry), 'series.parquet'))})`;
}

/** The reporter × product × flow keys ("CHN\t250410\texport") a trade-monthly dataset holds rows for. */
export async function monthlyKeys(
  dataDir: DataDir,
  analytics: AnalyticsStore,
  entry: CatalogEntry,
): Promise<Set<string>> {
  checkMonthly(entry);
  const b = new SqlBuilder(analytics.dialect);
  const rows = await analytics.select<{ reporter: string; hs: string; flow: string }>(
    b.done(`SELECT DISTINCT reporter, hs, flow FROM ${monthlySource(dataDir, analytics, entry)}`),
  );
  return new Set(rows.map((r) => monthlyKey(r)));
}

export const monthlyKey = (k: { reporter: string; hs: string; flow: string }) =>
  `${k.reporter}\t${k.hs}\t${k.flow}`;

export async function readPrices(
  dataDir: DataDir,
  analytics: AnalyticsStore,
  entry: CatalogEntry,
): Promise<{ series: string; period: string; value: number }[]> {
  if (entry.kind !== 'prices')
    throw new ChokepointError('bad_input', `dataset "${entry.id}" is ${entry.kind}, not prices`, {
      field: 'dataset',
    });
  const file = path.join(dataDir.datasetDir(entry), 'prices.parquet');
  return analytics.query(
    `SELECT series, period, value FROM read_parquet(${sqlString(file)}) ORDER BY series, period`,
  );
}
