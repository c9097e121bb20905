import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { sqlString, type AnalyticsStore } from '../../src/data/analytics/store.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { screenAllToFile, type ScreenServices } from '../../src/data/screening/screen.ts';
import { setGroup } from '../../src/data/reference/groupStore.ts';
import { builtInGroups } from '../../src/data/reference/groups.ts';
import { criticalHsCodes } from '../../src/data/reference/criticalGoodsRegistry.ts';
import { tempDir } from '../helpers/tmp.ts';
import { stateBackends, openTestState } from '../helpers/stateDbs.ts';
import { baciCriticalMineralsCsv, importSharedTrade } from '../helpers/sharedTrade.ts';

/**
 * `screen --reporter ALL` starts DuckDB before the state database is open, with the partner groups this data
 * directory last screened with; the file must only ever hold the stored groups' figures.
 */
const year = 2023;

/** JPN's imports by product in `year` from the BACI CSV: total and the part from China (BACI codes 392, 156). */
function japanFromChina(): Map<string, { total: number; china: number }> {
  const out = new Map<string, { total: number; china: number }>();
  for (const line of fs.readFileSync(baciCriticalMineralsCsv, 'utf8').split('\n').slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (Number(t) !== year || j !== '392' || !(Number(v) > 0)) continue;
    const p = out.get(k) ?? { total: 0, china: 0 };
    p.total += Number(v);
    if (i === '156') p.china += Number(v);
    out.set(k, p);
  }
  return out;
}

/** Counts the screen passes (queries written to a file) an analytics store runs. */
function countingCopies(store: DuckDbStore): { store: AnalyticsStore; copies: () => number } {
  let copies = 0;
  const counting = Object.create(store) as DuckDbStore;
  counting.selectToFile = (sql, file, format) => {
    copies++;
    return store.selectToFile(sql, file, format);
  };
  return { store: counting, copies: () => copies };
}

const later = <T>(value: T, ms = 150) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe.each(stateBackends)('screen ALL while the state database opens (%s)', (backend) => {
  let analytics: DuckDbStore;
  let state: StateDb;
  let dataDir: DataDir;
  let out: string;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    analytics = await openDuckDb();
    state = await openTestState(backend);
    out = tempDir();
  });
  afterAll(async () => {
    await analytics.close();
    await state.close();
  });

  const services = (store: AnalyticsStore): ScreenServices => ({
    dataDir,
    catalog: new Catalog(dataDir),
    analytics: store,
  });
  const rowsOf = (file: string, format: 'csv' | 'parquet') =>
    analytics.query<Record<string, unknown>>(
      `SELECT * FROM ${format === 'csv' ? 'read_csv' : 'read_parquet'}(${sqlString(file)}) ORDER BY reporter, hs6`,
    );
  const leftovers = () => fs.readdirSync(out).filter((f) => f.endsWith('.partial'));

  it('with the built-in groups stored: one pass, the same file as a screen that waited for the database', async () => {
    const counted = countingCopies(analytics);
    const ahead = path.join(out, 'ahead.csv');
    const result = await screenAllToFile(services(counted.store), { year }, ahead, 'csv', {
      stateOpening: later(state),
    });
    expect(counted.copies()).toBe(1);
    const waited = path.join(out, 'waited.csv');
    await screenAllToFile({ ...services(analytics), state }, { year }, waited, 'csv');
    // Equal up to the last digit of a sum (DuckDB's parallel summation order may differ between two runs).
    const [a, b] = [await rowsOf(ahead, 'csv'), await rowsOf(waited, 'csv')];
    expect(a.length).toBe(b.length);
    a.forEach((row, n) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number' && !Number.isInteger(value))
          expect(Math.abs(value - (b[n][column] as number)), `${column} of row ${n}`).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(value)),
          );
        else expect(value, `${column} of row ${n}`).toEqual(b[n][column]);
      }
    });
    expect(result.provenance.concern).toEqual(builtInGroups.find((g) => g.id === 'CONCERN')!.members);
    expect(JSON.parse(fs.readFileSync(`${ahead}.provenance.json`, 'utf8')).concern).toEqual(
      result.provenance.concern,
    );
    expect(leftovers()).toEqual([]);
  });

  it('countries of concern edited to China alone: screened again, the file holds China-only concern shares', async () => {
    await setGroup(state, { id: 'CONCERN', members: ['CHN'] });
    const counted = countingCopies(analytics);
    const file = path.join(out, 'edited.parquet');
    const result = await screenAllToFile(services(counted.store), { year }, file, 'parquet', {
      stateOpening: later(state),
    });
    expect(counted.copies()).toBe(2); // the guess (built-in groups) was wrong: a second pass with the stored ones
    expect(result.provenance.concern).toEqual(['CHN']);
    const expected = japanFromChina();
    const japan = (await rowsOf(file, 'parquet')).filter((r) => r.reporter === 'JPN');
    expect(japan.length).toBe(expected.size);
    for (const row of japan) {
      const e = expected.get(String(row.hs6))!;
      expect(row.concernShare as number).toBeCloseTo(e.china / e.total, 12);
    }
    expect(japan.some((r) => (r.concernShare as number) > 0.5)).toBe(true);

    // The next screen starts from the groups it last saw: one pass.
    const again = countingCopies(analytics);
    await screenAllToFile(services(again.store), { year }, path.join(out, 'again.parquet'), 'parquet', {
      stateOpening: later(state),
    });
    expect(again.copies()).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it('an unreadable remembered copy only costs time: the stored groups decide', async () => {
    fs.writeFileSync(path.join(dataDir.cacheDir, 'partner-groups.json'), '{"not": "groups"');
    const counted = countingCopies(analytics);
    const result = await screenAllToFile(
      services(counted.store),
      { year },
      path.join(out, 'garbled.csv'),
      'csv',
      {
        stateOpening: later(state),
      },
    );
    expect(result.provenance.concern).toEqual(['CHN']);
    expect(counted.copies()).toBe(2);
  });

  it('--critical waits for the database (the registry is in it) and keeps only critical goods', async () => {
    const file = path.join(out, 'critical.csv');
    await screenAllToFile(services(analytics), { year, critical: true }, file, 'csv', {
      stateOpening: later(state),
    });
    const codes = new Set((await criticalHsCodes(state)).keys());
    const rows = await rowsOf(file, 'csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(codes.has(String(r.hs6).padStart(6, '0'))).toBe(true);
  });

  it('a database that fails to open: its error, and no file, not even a partial one', async () => {
    const file = path.join(out, 'failed.csv');
    await expect(
      screenAllToFile(services(analytics), { year }, file, 'csv', {
        stateOpening: later(null).then(() => Promise.reject(new Error('could not open the state database'))),
      }),
    ).rejects.toThrow('could not open the state database');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.provenance.json`)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});
