import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { sqlString, type AnalyticsStore } from '../analytics/store.ts';
import type { PatentYearCount } from '../../analysis/tech/entryIndicators.ts';

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
