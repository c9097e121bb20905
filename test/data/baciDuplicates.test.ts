import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { tradeSource } from '../../src/data/catalog/tradeDataset.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { ChokepointError } from '../../src/errors.ts';

/**
 * BACI has one row per flow (t, i, j, k); a flow given twice would be counted twice by every sum. The import fails
 * naming the file and both lines, or with `duplicates: 'keep-first'` drops rows that exactly copy an earlier one.
 * The inputs are the real extracts with rows repeated.
 */
const minerals = path.join(sharedData, 'baci-critical-minerals', 'BACI_HS17_critical_minerals_2018-2024.csv');
const sample = path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv');
const mineralLines = () => fs.readFileSync(minerals, 'utf8').trimEnd().split('\n');

let db: DuckDbStore;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(async () => {
  await db.close();
});

async function failure(promise: Promise<unknown>): Promise<ChokepointError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChokepointError);
  return error as ChokepointError;
}

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('repeated flows in BACI files', () => {
  it('a row repeated at the end of the file: both lines named, nothing imported', async () => {
    const lines = mineralLines();
    // Line 1000: 2018,251,540,850511,3.339,NA (France → Myanmar, permanent magnets); appended as line 112,066.
    expect(lines[999]).toBe('2018,251,540,850511,3.339,NA');
    const file = writeCsv('minerals_repeated.csv', [...lines, lines[999]]);
    const dataDir = new DataDir(tempDir());
    const e = await failure(importBaci({ dataDir, inputs: [file], hs: 'HS17' }));
    expect(e.message).toBe(
      `the flow t=2018, i=251, j=540, k=850511 appears twice (${file} line 1000 and line 112066) — 1 row of 2018 ` +
        "repeat an earlier row's t,i,j,k, which would be counted twice; nothing was imported " +
        '(--duplicates keep-first drops rows that exactly copy an earlier one)',
    );
    expect(e.place).toEqual({ file, line: 112_066 });
    expect(fs.existsSync(dataDir.catalogDir) ? fs.readdirSync(dataDir.catalogDir) : []).toEqual([]);
    expect(fs.readdirSync(dataDir.tmpDir)).toEqual([]);
  });

  it('keep-first drops the exact copy: the stored year equals the original file', async () => {
    const lines = mineralLines();
    const file = writeCsv('minerals_repeated.csv', [...lines, lines[999], lines[1]]);
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [file], hs: 'HS17', duplicates: 'keep-first' });
    expect(entry.rows).toBe(112_064);
    expect(entry.extra?.duplicateRowsDropped).toBe(2);
    expect(entry.notes).toMatch(/2 rows that exactly copied an earlier row of the same t,i,j,k were dropped/);
    const original = await importBaci({ dataDir: new DataDir(tempDir()), inputs: [minerals], hs: 'HS17' });
    type Year = { year: number; rows: number; value: number; withQuantity: number };
    const kept = entry.extra?.yearly as Year[];
    const want = original.extra?.yearly as Year[];
    expect(kept.map(({ value: _v, ...y }) => y)).toEqual(want.map(({ value: _v, ...y }) => y));
    for (const [n, y] of kept.entries()) expect(Math.abs(y.value / want[n].value - 1)).toBeLessThan(1e-12);
    const [stored] = await db.query<{ rows: number; flows: number }>(
      `SELECT count(*)::INTEGER AS rows, count(DISTINCT (t, i, j, k))::INTEGER AS flows FROM ${tradeSource(dataDir, entry)} WHERE t = 2018`,
    );
    expect(stored).toEqual({ rows: 15_743, flows: 15_743 }); // 2018: 15,743 rows (awk), each once
  });

  it('a repeated flow with another value fails even with keep-first: which is right cannot be told', async () => {
    const lines = mineralLines();
    const file = writeCsv('minerals_conflict.csv', [...lines, '2018,251,540,850511,4.000,NA']);
    const e = await failure(
      importBaci({ dataDir: new DataDir(tempDir()), inputs: [file], hs: 'HS17', duplicates: 'keep-first' }),
    );
    expect(e.message).toBe(
      `the flow t=2018, i=251, j=540, k=850511 appears twice with different values (${file} line 1000 and line 112066: ` +
        "v 3.339 q NA, then v 4.000 q NA), and which is right cannot be told — 1 row of 2018 repeat an earlier row's " +
        't,i,j,k; nothing was imported',
    );
  });

  it('a 5-digit product code and its 6-digit form are one flow', async () => {
    const lines = fs.readFileSync(sample, 'utf8').split('\n').slice(0, -1); // CRLF kept: each line ends in \r
    // Line 12: 2021,4,31,81310,1.624,"        0.500" (Afghanistan → Azerbaijan, dried apricots, code 081310).
    expect(lines[11]).toBe('2021,4,31,81310,1.624,"        0.500"\r');
    const file = writeCsv('sample_padded_code.csv', [...lines, '2021,4,31,081310,1.624,"        0.500"\r']);
    const e = await failure(importBaci({ dataDir: new DataDir(tempDir()), inputs: [file], hs: 'HS17' }));
    expect(e.message).toMatch(
      /^the flow t=2021, i=4, j=31, k=081310 appears twice \(.* line 12 and line 71194\)/,
    );
  });

  it('the same year in two files (a copy of the extract): both files named', async () => {
    const copy = path.join(tempDir(), 'BACI_HS17_copy.csv');
    fs.copyFileSync(minerals, copy);
    const e = await failure(
      importBaci({ dataDir: new DataDir(tempDir()), inputs: [minerals, copy], hs: 'HS17' }),
    );
    // The first repeated flow of 2018 in (i, j, k) order, and its line, read from the CSV independently.
    const lines = mineralLines();
    const rows2018 = lines
      .map((l, n) => ({ f: l.split(','), line: n + 1 }))
      .filter(({ f }) => f[0] === '2018')
      .sort(
        (a, b) =>
          Number(a.f[1]) - Number(b.f[1]) || Number(a.f[2]) - Number(b.f[2]) || a.f[3].localeCompare(b.f[3]),
      );
    const [t, i, j, k] = rows2018[0].f;
    expect(e.message).toBe(
      `the flow t=${t}, i=${i}, j=${j}, k=${k} appears twice (${minerals} line ${rows2018[0].line} and ${copy} line ${rows2018[0].line}) — ` +
        `15743 rows of 2018 repeat an earlier row's t,i,j,k, which would be counted twice; nothing was imported ` +
        '(--duplicates keep-first drops rows that exactly copy an earlier one)',
    );
    expect(e.place).toEqual({ file: copy, line: rows2018[0].line });
  });

  it('the same file given twice is refused before anything is read', async () => {
    const e = await failure(
      importBaci({ dataDir: new DataDir(tempDir()), inputs: [minerals, minerals], hs: 'HS17' }),
    );
    expect(e.message).toBe('the same file is given twice');
    expect(e.place).toEqual({ file: minerals });
  });

  it("811231's rows, copies of 811292's under another code, are not repeated flows", async () => {
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [minerals], hs: 'HS17' });
    expect(entry.rows).toBe(112_064);
    // The extract's caveat (data/README.md): 3,337 rows of 811231 copy 811292's rows (same t, i, j, v).
    const [pairs] = await db.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM ${tradeSource(dataDir, entry)} a JOIN ${tradeSource(dataDir, entry)} b
         ON a.t = b.t AND a.i = b.i AND a.j = b.j AND a.v = b.v WHERE a.k = '811231' AND b.k = '811292'`,
    );
    expect(pairs.n).toBe(3_337);
  });
});
