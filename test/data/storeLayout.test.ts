import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { sqlString } from '../../src/data/analytics/store.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { CatalogEntry } from '../../src/data/catalog/catalog.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { baciCriticalMineralsCsv } from '../helpers/sharedTrade.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * The trade store's layout (src/data/importers/baci.ts): every year's file sorted by importer, product and
 * exporter, so the row groups' statistics of j let a reporter's queries skip the other importers' row groups.
 */
describe('trade store layout', () => {
  let dataDir: DataDir;
  let entry: CatalogEntry;
  let db: DuckDbStore;

  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    entry = await importBaci({ dataDir, inputs: [baciCriticalMineralsCsv], hs: 'HS17' });
    db = await openDuckDb();
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    if (dataDir) fs.rmSync(dataDir.root, { recursive: true, force: true });
  });

  it('each year is one file sorted by (j, k, i), every row in place', async () => {
    for (const year of entry.years!) {
      const dir = path.join(dataDir.absolute(entry.path), `t=${year}`);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.parquet'));
      expect(files).toHaveLength(1);
      const file = sqlString(path.join(dir, files[0]));
      const [{ rows, outOfOrder }] = await db.query<{ rows: number; outOfOrder: number }>(
        `SELECT count(*) AS rows, count(*) FILTER (WHERE pj IS NOT NULL AND (j, k, i) < (pj, pk, pi)) AS "outOfOrder" FROM (
           SELECT j, k, i, lag(j) OVER w AS pj, lag(k) OVER w AS pk, lag(i) OVER w AS pi
           FROM read_parquet(${file}, file_row_number = true) WINDOW w AS (ORDER BY file_row_number))`,
      );
      expect(rows).toBeGreaterThan(10_000);
      expect(outOfOrder).toBe(0);
    }
  });

  it('row groups hold at most 61,440 rows and their importer ranges do not overlap', async () => {
    const glob = sqlString(path.join(dataDir.absolute(entry.path), 't=*', '*.parquet'));
    const groups = await db.query<{ file: string; rows: number; lo: string; hi: string }>(
      `SELECT file_name AS file, row_group_num_rows AS rows, stats_min_value AS lo, stats_max_value AS hi
       FROM parquet_metadata(${glob}) WHERE path_in_schema = 'j' ORDER BY file_name, row_group_id`,
    );
    expect(groups.length).toBeGreaterThanOrEqual(entry.years!.length);
    for (const [n, g] of groups.entries()) {
      expect(g.rows).toBeLessThanOrEqual(61_440);
      const next = groups[n + 1];
      if (next && next.file === g.file) expect(Number(next.lo)).toBeGreaterThanOrEqual(Number(g.hi));
    }
  });
});
