import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';
import { generateSyntheticBaci } from '../src/data/synth/baci.ts';

/**
 * BACI import of a synthetic 11 M-row year against DuckDB's own `COPY (SELECT * FROM read_csv(f)) TO '….parquet'`
 * on the same file, measured in the same run (PRODUCT.md §4: ≤ 1.3× that time, peak memory ≤ 2 GB). Each
 * measurement runs in a child process (peak RSS is per process); the two alternate, BENCH_ROUNDS times
 * (default 2), and the medians are compared. The CSV is generated once and cached in the OS temp folder.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 11_000_000);

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
}

export async function run(): Promise<BenchResult[]> {
  const cache = path.join(os.tmpdir(), 'chokepoint-bench');
  const csv = path.join(cache, `synthetic-baci-2022-seed1-${rows}.csv`);
  if (!fs.existsSync(`${csv}.synthetic.json`)) {
    process.stderr.write(`generating ${rows} synthetic rows → ${csv}\n`);
    fs.mkdirSync(cache, { recursive: true });
    await generateSyntheticBaci({ year: 2022, rows, seed: 1, out: csv });
  }
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const copies: Run[] = [];
  const imports: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['copy', 'import'] as const) : (['import', 'copy'] as const);
    for (const mode of order) {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), `chokepoint-bench-${mode}-`));
      try {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', path.join(here, '_importChild.ts'), mode, csv, work],
          {
            cwd: repo,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        const result = JSON.parse(out.trim().split('\n').pop()!) as Run;
        process.stderr.write(
          `round ${round + 1} ${mode}: ${(result.ms / 1000).toFixed(1)} s, CPU ${(result.cpuMs / 1000).toFixed(1)} s, peak RSS ${result.maxRssMB.toFixed(0)} MB\n`,
        );
        (mode === 'copy' ? copies : imports).push(result);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const copyMs = median(copies.map((r) => r.ms));
  const importMs = median(imports.map((r) => r.ms));
  const ratio = importMs / copyMs;
  const cpuRatio = median(imports.map((r) => r.cpuMs)) / median(copies.map((r) => r.cpuMs));
  const peak = Math.max(...imports.map((r) => r.maxRssMB));
  const size = `${rows.toLocaleString('en-US')} rows, ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB CSV, ${rounds} rounds`;
  return [
    { name: 'duckdb COPY read_csv → parquet', value: copyMs / 1000, unit: 's', note: `median; ${size}` },
    { name: 'importBaci', value: importMs / 1000, unit: 's', note: `median; ${size}` },
    { name: 'import / COPY time', value: ratio, unit: '×', target: '≤ 1.3', pass: ratio <= 1.3 },
    {
      name: 'import / COPY CPU time',
      value: cpuRatio,
      unit: '×',
      note: 'less sensitive to other load on the machine',
    },
    { name: 'import peak RSS', value: peak, unit: 'MB', target: '≤ 2048', pass: peak <= 2048 },
    { name: 'COPY peak RSS', value: Math.max(...copies.map((r) => r.maxRssMB)), unit: 'MB' },
  ];
}
