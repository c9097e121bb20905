import path from 'node:path';
import type { DataDir } from './dataDir.ts';
import type { Catalog, CatalogEntry } from './catalog.ts';
import { sqlString, type AnalyticsStore } from '../analytics/store.ts';
import { clickhouseTableOf } from '../analytics/clickhouseLoad.ts';
import { ClickHouseStore } from '../analytics/clickhouse.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * Annual bilateral trade as stored by the BACI importer (and anything else of kind 'trade-annual'):
 * Parquet under store/<id>/<versionKey>/t=YYYY/*.parquet with columns
 *   i INTEGER exporter (BACI numeric code), j INTEGER importer, k VARCHAR HS6 (6 digits, zero-padded),
 *   v DOUBLE value in thousand USD, q DOUBLE quantity in tonnes (NULL when not published),
 * plus the hive partition column t (year), read as INTEGER; each year sorted by importer and product. On a
 * ClickHouse engine, the version's table (the same columns, loaded by `data load` or an import with
 * --analytics: analytics/clickhouseLoad.ts).
 */
export function tradeSource(dataDir: DataDir, entry: CatalogEntry, engine?: AnalyticsStore): string {
  if (entry.kind !== 'trade-annual') {
    throw new ChokepointError('bad_input', `dataset "${entry.id}" is ${entry.kind}, not annual trade`, {
      field: 'dataset',
    });
  }
  if (engine instanceof ClickHouseStore) {
    dataDir.datasetDir(entry); // records the read (markings), as for the files
    return engine.table(clickhouseTableOf('trade', entry));
  }
  const glob = path.join(dataDir.datasetDir(entry), 't=*', '*.parquet');
  return `read_parquet(${sqlString(glob)}, hive_partitioning = true, hive_types = {'t': INTEGER})`;
}

/**
 * The annual trade datasets in the order a request without `dataset` picks from: real data before SYNTHETIC, then
 * the one reaching the latest year, then the newest import. (Newest import alone made the order of
 * `data fetch all` decide: a two-country sample of 2021 fetched after the critical-minerals extract answered every
 * screen of 2024 with "no data".)
 */
export function tradeDatasetsByPreference<E extends CatalogEntry>(entries: readonly E[]): E[] {
  const latest = (e: CatalogEntry) => Math.max(-Infinity, ...(e.years ?? []));
  return entries
    .filter((e) => e.kind === 'trade-annual')
    .sort(
      (a, b) =>
        Number(a.synthetic) - Number(b.synthetic) ||
        latest(b) - latest(a) ||
        b.importedAt.localeCompare(a.importedAt),
    );
}

/**
 * The dataset named `id`; else the first annual trade dataset in order of preference (tradeDatasetsByPreference)
 * that has `year` when a year is asked for. Clear not_found errors: no such dataset, none at all, or none with the
 * year (each dataset's years listed).
 */
export function findTradeDataset(catalog: Catalog, id?: string, year?: number): CatalogEntry {
  if (id) {
    const entry = catalog.find(id);
    if (entry && entry.kind === 'trade-annual') return entry;
    const present = tradeDatasetsByPreference(catalog.list()).map((e) => e.id);
    throw new ChokepointError(
      'not_found',
      entry
        ? `dataset "${id}" is ${entry.kind}, not annual trade` +
            (present.length ? ` (trade datasets: ${present.join(', ')})` : '')
        : `no trade dataset "${id}"` + (present.length ? ` (present: ${present.join(', ')})` : noTradeHint),
      { field: 'dataset' },
    );
  }
  const trade = tradeDatasetsByPreference(catalog.list());
  if (!trade.length)
    throw new ChokepointError('not_found', `no annual trade dataset${noTradeHint}`, { field: 'dataset' });
  if (year === undefined) return trade[0];
  const withYear = trade.find((e) => e.years?.includes(year));
  if (withYear) return withYear;
  const held = trade.map((e) => `${e.id}: ${yearsText(e.years ?? [])}`).join('; ');
  throw new ChokepointError('no_data', `no annual trade dataset has data for ${year} (${held})`, {
    field: 'year',
  });
}

/** 2018–2024, or 2019, 2021 when there are gaps. */
function yearsText(years: number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  if (!sorted.length) return 'no years';
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1);
  return contiguous && sorted.length > 1 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

const noTradeHint =
  ' (none imported yet: run `chokepoint data import baci <file>` or `chokepoint data synth --year 2022 --import`)';
