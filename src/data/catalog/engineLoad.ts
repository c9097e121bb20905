import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { ClickHouseStore } from '../analytics/clickhouse.ts';
import { loadIntoClickHouse, type LoadResult } from '../analytics/clickhouseLoad.ts';
import type { DataDir } from './dataDir.ts';
import type { CatalogEntry } from './catalog.ts';

/**
 * Loads a published dataset version (annual or monthly trade) from the data directory's Parquet files into the
 * ClickHouse engine (`chokepoint data load`): its own tables, named after the version, appear whole or not at all
 * (analytics/clickhouseLoad.ts); the catalog entry is unchanged and stays the provenance of record.
 */
export async function loadDatasetIntoEngine(
  engine: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
  onProgress?: (note: string) => void,
): Promise<LoadResult> {
  if (!(engine instanceof ClickHouseStore)) {
    throw new ChokepointError(
      'bad_input',
      'loading a dataset needs a ClickHouse engine: give --analytics clickhouse://host:8123/database (or CHOKEPOINT_ANALYTICS_URL); the embedded DuckDB reads the Parquet files as they are',
      { field: 'analytics' },
    );
  }
  const kind = entry.kind === 'trade-annual' ? 'trade' : entry.kind === 'trade-monthly' ? 'monthly' : undefined;
  if (!kind) {
    throw new ChokepointError(
      'bad_input',
      `dataset "${entry.id}" is ${entry.kind}: only annual and monthly trade are loaded into ClickHouse (the others are small and read from their Parquet files)`,
      { field: 'dataset' },
    );
  }
  return loadIntoClickHouse(engine, {
    kind,
    datasetId: entry.id,
    versionKey: path.basename(entry.path),
    dir: dataDir.datasetDir(entry),
    rows: entry.rows,
    version: entry.version,
    sha256: entry.files.map((f) => f.sha256),
    onProgress,
  });
}
