import fs from 'node:fs';
import path from 'node:path';
import type { DuckDbStore } from '../analytics/duckdb.ts';
import { sqlString, type Row } from '../analytics/store.ts';
import { ChokepointError } from '../../errors.ts';
import { findKeyLines, type KeyedLine } from './baciLines.ts';
import { storeOptions, storeOrder, type FileYear, type TradeCsv, type YearStats } from './baciStage.ts';

/**
 * The "repeated flows" step of the BACI import (baci.ts), after staging. BACI has one row per flow (t, i, j, k): a
 * key that comes twice — an extract appended twice, two files of the same year, one file given twice — would be
 * counted twice by every sum (import values, shares, HHI). By default the import fails naming the file and both
 * lines. With `keep-first`, a row that exactly copies an earlier row of its key (same v and q) is dropped and
 * counted; a key whose rows differ still fails, since which of them is right cannot be told.
 * Rows copied under another product code (811231's rows in the critical-minerals extract are 811292's) are not
 * repeats here: their k differs. That is a question of codes outside the HS revision, not of this check.
 */
export const duplicatePolicies = ['fail', 'keep-first'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

/** The years of one converted CSV, each with the rows that repeat a key of the same file (baciStage.ts). */
export interface StagedFile {
  csv: TradeCsv;
  years: FileYear[];
}

/** How many repeated keys are looked up in the CSVs for the error message. */
const shownKeys = 3;

/**
 * Checks the years where a key may repeat: those with repeats inside a file, and those held by more than one file.
 * Fails on a repeat (see above), or with `keep-first` rewrites each year that has exact copies with one row per
 * copy. Returns the per-year totals after that and the number of rows dropped.
 */
export async function settleDuplicates(
  db: DuckDbStore,
  out: string,
  scratch: string,
  files: StagedFile[],
  years: YearStats[],
  policy: DuplicatePolicy,
): Promise<{ years: YearStats[]; dropped: number }> {
  const holders = new Map<number, TradeCsv[]>();
  const suspect = new Set<number>();
  for (const { csv, years: fileYears } of files) {
    for (const y of fileYears) {
      holders.set(y.t, [...(holders.get(y.t) ?? []), csv]);
      if (y.duplicates > 0) suspect.add(y.t);
    }
  }
  for (const [t, csvs] of holders) if (csvs.length > 1) suspect.add(t);
  const totals = new Map(years.map((y) => [y.t, y]));
  let dropped = 0;
  for (const t of [...suspect].sort((a, b) => a - b)) {
    const parts = path.join(out, `t=${t}`, '*.parquet');
    await db.run(
      `CREATE OR REPLACE TEMP TABLE repeated_keys AS
       SELECT i, j, k, count(*)::BIGINT AS n, count(DISTINCT (v, q))::BIGINT AS variants
       FROM read_parquet(${sqlString(parts)}) GROUP BY i, j, k HAVING count(*) > 1`,
    );
    const [found] = await db.query<{ keys: number; surplus: number; conflicting: number }>(
      `SELECT count(*)::BIGINT AS keys, coalesce(sum(n - 1), 0)::BIGINT AS surplus,
              count(*) FILTER (WHERE variants > 1)::BIGINT AS conflicting FROM repeated_keys`,
    );
    if (found.keys === 0) continue; // the year is in several files, but no flow in two of them
    if (policy === 'fail' || found.conflicting > 0) {
      throw await repeatedFlowError(db, t, holders.get(t)!, found.surplus, policy);
    }
    const kept = await keepFirstCopies(db, path.join(out, `t=${t}`), scratch, t);
    dropped += totals.get(t)!.rows - kept.rows;
    totals.set(t, kept);
  }
  return { years: years.map((y) => totals.get(y.t)!), dropped };
}

/** Rewrites a year's folder with one row per exact copy (SELECT DISTINCT over every column); returns its totals. */
async function keepFirstCopies(db: DuckDbStore, dir: string, scratch: string, t: number): Promise<YearStats> {
  const rewritten = path.join(scratch, `distinct-${t}.parquet`);
  await db.run(
    `COPY (SELECT DISTINCT i, j, k, v, q, t FROM read_parquet(${sqlString(path.join(dir, '*.parquet'))}) ${storeOrder})
     TO ${sqlString(rewritten)} (${storeOptions})`,
  );
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  const part = path.join(dir, 'part-0.parquet');
  fs.renameSync(rewritten, part);
  const [totals] = await db.query<YearStats & Row>(
    `SELECT ${t} AS t, count(*)::BIGINT AS rows, coalesce(sum(v), 0) AS value, count(q)::BIGINT AS "withQuantity"
     FROM read_parquet(${sqlString(part)})`,
  );
  return totals;
}

/** The error naming the first repeated flows: file and line of two of their rows (found by reading the CSVs). */
async function repeatedFlowError(
  db: DuckDbStore,
  t: number,
  csvs: TradeCsv[],
  surplus: number,
  policy: DuplicatePolicy,
): Promise<ChokepointError> {
  // Under keep-first only keys whose rows differ fail: show those first.
  const examples = await db.query<{ i: number; j: number; k: string; variants: number }>(
    `SELECT i, j, k, variants FROM repeated_keys ORDER BY variants > 1 DESC, i, j, k LIMIT ${shownKeys}`,
  );
  const keyOf = (e: { i: number; j: number; k: string }) => `${e.i},${e.j},${Number(e.k)}`;
  const keys = new Set(examples.map(keyOf));
  const lines = new Map<string, KeyedLine[]>();
  for (const csv of csvs) await findKeyLines(csv.file, csv.label, t, keys, lines, 2);
  const first = examples[0];
  const [a, b] = lines.get(keyOf(first)) ?? [];
  const flow = `t=${t}, i=${first.i}, j=${first.j}, k=${first.k}`;
  const where =
    a && b ? `${a.file} line ${a.line} and ${b.file === a.file ? '' : `${b.file} `}line ${b.line}` : '';
  const count = `${surplus} row${surplus === 1 ? '' : 's'} of ${t} repeat an earlier row's t,i,j,k`;
  const message =
    first.variants > 1
      ? `the flow ${flow} appears twice with different values (${where}: v ${a?.v} q ${a?.q}, then v ${b?.v} q ${b?.q}), ` +
        `and which is right cannot be told — ${count}; nothing was imported`
      : `the flow ${flow} appears twice (${where}) — ${count}, which would be counted twice; nothing was imported` +
        (policy === 'fail' ? ' (--duplicates keep-first drops rows that exactly copy an earlier one)' : '');
  return new ChokepointError(
    'bad_file',
    message,
    b ? { file: b.file, line: b.line } : { file: csvs[0].label },
    {
      repeated: examples.map((e) => ({ t, i: e.i, j: e.j, k: e.k, rows: lines.get(keyOf(e)) ?? [] })),
    },
  );
}
