import { ChokepointError } from '../../errors.ts';
import { openDuckDb, type DuckDbOptions } from './duckdb.ts';
import { openClickHouse } from './clickhouse.ts';
import { isClickHouseUrl } from './clickhouseUrl.ts';
import type { AnalyticsStore } from './store.ts';

/**
 * Opens the analytics engine a command or the server was given: none (or `duckdb`) → embedded DuckDB; a
 * `clickhouse://…` URL → that server or cluster (with an embedded DuckDB beside it for the data directory's own
 * Parquet files). Anything else is refused naming the URL.
 */
export async function openAnalytics(url: string | undefined, duckdb: DuckDbOptions = {}): Promise<AnalyticsStore> {
  if (!url || url.trim() === '' || url.trim().toLowerCase() === 'duckdb') return openDuckDb(duckdb);
  if (isClickHouseUrl(url)) return openClickHouse(url, { local: () => openDuckDb(duckdb) });
  throw new ChokepointError(
    'bad_input',
    `analytics URL "${url}" names no engine chokepoint knows: give clickhouse://host:8123/database, or duckdb (embedded, the default)`,
    { field: 'analytics' },
  );
}
