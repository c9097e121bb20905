import fs from 'node:fs';
import { baciCriticalMineralsCsv } from './sharedTrade.ts';

/** One flow of a BACI file: year, exporter and importer (BACI numeric codes), HS6, value (thousand USD). */
export interface BaciRow {
  t: number;
  i: number;
  j: number;
  k: string;
  v: number;
}

let cached: BaciRow[] | undefined;

/**
 * The rows of the real BACI critical-minerals extract, parsed here without DuckDB (a plain comma-separated file:
 * t,i,j,k,v,q), so that tests can recompute figures independently of the SQL under test.
 */
export function baciCriticalMineralsRows(): BaciRow[] {
  cached ??= fs
    .readFileSync(baciCriticalMineralsCsv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [t, i, j, k, v] = line.split(',');
      return { t: Number(t), i: Number(i), j: Number(j), k, v: Number(v) };
    });
  return cached;
}

/** Sum of v × 1,000 (USD) by a key over the rows that pass a filter. */
export function sumBy(
  rows: readonly BaciRow[],
  keep: (r: BaciRow) => boolean,
  key: (r: BaciRow) => number | string,
): Map<number | string, number> {
  const out = new Map<number | string, number>();
  for (const r of rows) if (keep(r)) out.set(key(r), (out.get(key(r)) ?? 0) + r.v * 1000);
  return out;
}
