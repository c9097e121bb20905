import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../bin/chokepoint.mjs');
const sample = path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv');

describe('chokepoint data import baci / data synth', () => {
  it(
    'prints rows per year and the value total; --json gives the catalog entry',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const human = await run(process.execPath, [
        cli,
        '--data-dir',
        dataDir,
        'data',
        'import',
        'baci',
        sample,
        '--hs',
        'HS17',
      ]);
      // 71,192 rows (wc -l minus the header); value total 69,369,988 thousand USD (awk sum of v, rounded).
      expect(human.stdout).toMatch(/2021\s+71\.2 k\s+69,369,988/);
      expect(human.stdout).toMatch(/71,192 rows, value total 69,369,988 thousand USD, 0 rejected/);
      const json = await run(process.execPath, [
        cli,
        '--data-dir',
        dataDir,
        '--json',
        'data',
        'import',
        'baci',
        sample,
        '--hs',
        'HS17',
      ]);
      const entry = JSON.parse(json.stdout) as {
        id: string;
        rows: number;
        years: number[];
        synthetic: boolean;
      };
      expect(entry).toMatchObject({ id: 'baci-hs17', rows: 71_192, years: [2021], synthetic: false });
    },
  );

  it(
    'fails with exit code 3 naming file and line; without --hs it asks for it',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const noHs = await run(process.execPath, [
        cli,
        '--data-dir',
        dataDir,
        'data',
        'import',
        'baci',
        sample,
      ]).catch((e) => e);
      expect(noHs.code).toBe(3);
      expect(noHs.stderr).toMatch(/give it with --hs/);
    },
  );

  it('--duplicates: a repeated flow fails naming both lines; keep-first drops the copy and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'repeated.csv');
    // The first data line of the half sample repeated after the last one (line 71,194).
    const lines = fs.readFileSync(sample, 'utf8').split('\n').slice(0, -1);
    fs.writeFileSync(file, `${[...lines, lines[1]].join('\n')}\n`);
    const base = ['--data-dir', path.join(dir, 'data'), 'data', 'import', 'baci', file, '--hs', 'HS17'];
    const failed = await runCliInProcess(base);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/appears twice \(.*repeated\.csv line 2 and line 71194\)/);
    const kept = await runCliInProcess([...base, '--duplicates', 'keep-first']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/71,192 rows, value total 69,369,988 thousand USD, 0 rejected/);
    expect(kept.stdout).toMatch(/^1 rows that exactly copied an earlier row of their t,i,j,k dropped$/m);
    const wrong = await runCliInProcess([...base, '--duplicates', 'sum']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/duplicates must be fail or keep-first, not "sum"/);
  });

  it('data synth --import stores a dataset labelled SYNTHETIC', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const out = await run(process.execPath, [
      cli,
      '--data-dir',
      dataDir,
      'data',
      'synth',
      '--year',
      '2020',
      '--rows',
      '20000',
      '--seed',
      '9',
      '--import',
    ]);
    expect(out.stdout).toMatch(/SYNTHETIC data \(not real trade\): 20,000 flows/);
    expect(out.stdout).toMatch(/imported as dataset baci-hs17-synthetic/);
    const list = await run(process.execPath, [cli, '--data-dir', dataDir, '--json', 'data', 'list']);
    const [entry] = JSON.parse(list.stdout) as {
      id: string;
      synthetic: boolean;
      title: string;
      rows: number;
    }[];
    expect(entry).toMatchObject({ id: 'baci-hs17-synthetic', synthetic: true, rows: 20_000 });
    expect(entry.title).toMatch(/^SYNTHETIC/);
  });
});
