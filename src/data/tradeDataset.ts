import path from 'node:path';
import type { DataDir } from './dataDir.ts';
import type { Catalog, CatalogEntry } from './catalog.ts';
import { sqlString } from './analytics/store.ts';
import { ChokepointError } from '../errors.ts';

/**
 * Annual bilateral trade as stored by the BACI importer (and anything else of kind 'trade-annual'):
 * Parquet under store/<id>/<versionKey>/t=YYYY/*.parquet with columns
 *   i INTEGER exporter (BACI numeric code), j INTEGER importer, k VARCHAR HS6 (6 digits, zero-padded),
 *   v DOUBLE value in thousand USD, q DOUBLE quantity in tonnes (NULL when not published),
 * plus the hive partition column t (year), read as INTEGER.
 */
export function tradeSource(dataDir: DataDir, entry: CatalogEntry): string {
  if (entry.kind !== 'trade-annual') {
    throw new ChokepointError('bad_input', `dataset "${entry.id}" is ${entry.kind}, not annual trade`, {
      field: 'dataset',
    });
  }
  const glob = path.join(dataDir.absolute(entry.path), 't=*', '*.parquet');
  return `read_parquet(${sqlString(glob)}, hive_partitioning = true, hive_types = {'t': INTEGER})`;
}

/** The dataset named `id`, else the newest annual trade dataset; a clear not_found error when there is none. */
export function findTradeDataset(catalog: Catalog, id?: string): CatalogEntry {
  const trade = catalog.ofKind('trade-annual');
  if (id) {
    const entry = catalog.find(id);
    if (entry && entry.kind === 'trade-annual') return entry;
    const present = trade.map((e) => e.id);
    throw new ChokepointError(
      'not_found',
      entry
        ? `dataset "${id}" is ${entry.kind}, not annual trade` +
            (present.length ? ` (trade datasets: ${present.join(', ')})` : '')
        : `no trade dataset "${id}"` + (present.length ? ` (present: ${present.join(', ')})` : noTradeHint),
      { field: 'dataset' },
    );
  }
  const newest = trade[0];
  if (!newest)
    throw new ChokepointError('not_found', `no annual trade dataset${noTradeHint}`, { field: 'dataset' });
  return newest;
}

const noTradeHint =
  ' (none imported yet: run `chokepoint data import baci <file>` or `chokepoint data synth --year 2022 --import`)';
