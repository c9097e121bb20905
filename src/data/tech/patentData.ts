import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { sqlString, type AnalyticsStore } from '../analytics/store.ts';
import type { PatentYearCount } from '../../analysis/tech/entryIndicators.ts';
import type { WorldYearCount } from '../../analysis/tech/fieldWindow.ts';

/** The dataset named `id`, else the newest patents dataset; a clear not_found error when there is none. */
export function findPatentDataset(catalog: Catalog, id?: string): CatalogEntry {
  if (id) {
    const entry = catalog.get(id);
    if (entry.kind !== 'patents')
      throw new ChokepointError('bad_input', `dataset "${id}" is ${entry.kind}, not patents`, {
        field: 'dataset',
      });
    return entry;
  }
  const newest = catalog.ofKind('patents')[0];
  if (!newest) {
    throw new ChokepointError(
      'not_found',
      'no patents dataset (fetch one: chokepoint data fetch patents-ncses, or import a file: chokepoint data import patents FILE)',
      { field: 'dataset' },
    );
  }
  return newest;
}

export function patentSource(dataDir: DataDir, entry: CatalogEntry): string {
  return `read_parquet(${sqlString(path.join(dataDir.datasetDir(entry), 'patents.parquet'))})`;
}

export interface PatentFieldInfo {
  source: string;
  field: string;
  firstYear: number;
  lastYear: number;
  countries: number;
}

export async function patentFields(
  store: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
): Promise<PatentFieldInfo[]> {
  return store.query<PatentFieldInfo & Record<string, unknown>>(
    `SELECT source, field, min(year) AS "firstYear", max(year) AS "lastYear", count(DISTINCT country) AS countries
     FROM ${patentSource(dataDir, entry)} WHERE kind = 'country' GROUP BY source, field ORDER BY source, field`,
  );
}

/** Country-level rows of one source (all fields, incl. `total`), optionally from a year on. */
export async function patentRows(
  store: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
  source: string,
  fromYear?: number,
): Promise<PatentYearCount[]> {
  return store.query<PatentYearCount & Record<string, unknown>>(
    `SELECT country, field, year, count FROM ${patentSource(dataDir, entry)}
     WHERE kind = 'country' AND source = $1 AND year >= $2 ORDER BY year, field, country`,
    [source, fromYear ?? 0],
  );
}

/**
 * The publisher's World rows of one source (kind 'world': "World", "Total", "All countries"), optionally from a
 * year on — the world of the RTA where the source gives one (src/analysis/tech/rta.ts). Two World rows for the
 * same field and year (e.g. "World" and "Total") would leave the world ambiguous: refused, naming them.
 */
export async function patentWorldRows(
  store: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
  source: string,
  fromYear?: number,
): Promise<WorldYearCount[]> {
  const rows = await store.query<WorldYearCount & { name: string } & Record<string, unknown>>(
    `SELECT field, year, count, name FROM ${patentSource(dataDir, entry)}
     WHERE kind = 'world' AND source = $1 AND year >= $2 ORDER BY year, field, name`,
    [source, fromYear ?? 0],
  );
  const seen = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.field}|${r.year}`;
    const before = seen.get(key);
    if (before !== undefined)
      throw new ChokepointError(
        'bad_file',
        `dataset "${entry.id}" has two world rows for ${source}/${r.field} ${r.year} ("${before}" and "${r.name}"): keep one`,
        { field: 'dataset' },
      );
    seen.set(key, r.name);
  }
  return rows.map(({ field, year, count }) => ({ field, year, count }));
}
