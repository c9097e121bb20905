import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BenchResult } from './types.ts';
import { computeIndicators } from '../src/analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules } from '../src/analysis/ews/rules.ts';
import { seedEvents } from '../src/data/ews/scanFile.ts';
import { CHUNK_GROUPS, MONTHS, PARTNERS, SEED, generateChunk } from './_ewsChunk.ts';

/**
 * EWS scan at scale (PRODUCT.md §4: 1 M monthly series × 96 months ≤ 60 s) on SYNTHETIC seeded series
 * (bench/_ewsChunk.ts). A scan = indicators from the whole 96-month history, z-scores and rules on the latest
 * month. Measured: (1) wall time with one worker thread per core, chunks spread over them (generation excluded:
 * each worker times its scans, the slowest worker's sum is the wall time); (2) CPU time of one thread on a
 * 10 % sample, extrapolated (what the scan costs when nothing else runs); (3) a backtest (z and rules on every
 * month) on the same sample. `EWS_BENCH_SERIES` overrides 1 M; `EWS_BENCH_WORKERS` the number of threads.
 */
export async function run(): Promise<BenchResult[]> {
  const target = Number(process.env.EWS_BENCH_SERIES ?? 1_000_000);
  const perChunk = CHUNK_GROUPS * (PARTNERS + 1);
  const chunks = Math.ceil(target / perChunk);
  const threads = Math.max(1, Number(process.env.EWS_BENCH_WORKERS ?? os.cpus().length));
  const events = seedEvents();

  // (1) Parallel scan.
  const started = performance.now();
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, k) => {
      const mine = Array.from({ length: chunks }, (_, c) => c).filter((c) => c % threads === k);
      return new Promise<{ series: number; alerts: number; ms: number }>((resolve, reject) => {
        // Workers do not inherit tsx's loader: register it, then load the TypeScript worker module.
        const url = new URL('./_ewsWorker.ts', import.meta.url).href;
        const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
        const worker = new Worker(source, { eval: true, workerData: { chunks: mine, events } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const endToEnd = (performance.now() - started) / 1000;
  const series = parts.reduce((a, p) => a + p.series, 0);
  const alerts = parts.reduce((a, p) => a + p.alerts, 0);
  const wall = Math.max(...parts.map((p) => p.ms)) / 1000;
  const load = os.loadavg()[0];

  // (2) and (3) One thread, 10 % sample.
  const sample = Math.max(1, Math.round(chunks / 10));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let scanCpu = 0;
  let backtestCpu = 0;
  let backtestAlerts = 0;
  let reuse: ReturnType<typeof computeIndicators> | undefined;
  for (let c = 0; c < sample; c++) {
    const panel = generateChunk(c);
    const c0 = cpu();
    const scanned = computeIndicators(panel, defaultRuleSet.parameters, events, [], reuse, MONTHS - 1);
    evaluateRules(panel, scanned, defaultRuleSet, MONTHS - 1, MONTHS - 1);
    scanCpu += cpu() - c0;
    const c1 = cpu();
    const all = computeIndicators(panel, defaultRuleSet.parameters, events, [], scanned, 0);
    backtestAlerts += evaluateRules(panel, all, defaultRuleSet).length;
    backtestCpu += cpu() - c1;
    reuse = all;
  }
  const sampleSeries = sample * perChunk;
  const perMillion = (ms: number) => ((ms / sampleSeries) * 1e6) / 1000;
  const note = `SYNTHETIC seeded series (seed ${SEED}), ${MONTHS} months, ${PARTNERS} partners + world per group; ${os.cpus().length} cores shared with other work, load average ${load.toFixed(1)}`;
  return [
    {
      name: `scan ${series} series × ${MONTHS} months, ${threads} threads: wall time`,
      value: wall,
      unit: 's',
      target: '≤ 60',
      pass: wall <= 60 && series >= target,
      note: `${alerts} alerts; end to end with generation ${endToEnd.toFixed(1)} s; ${note}`,
    },
    {
      name: 'scan, one thread, CPU time per 1 M series (10 % sample)',
      value: perMillion(scanCpu),
      unit: 's',
      note: 'what the scan costs on an idle core',
    },
    {
      name: 'backtest (z and rules on all 96 months), one thread, CPU per 1 M series',
      value: perMillion(backtestCpu),
      unit: 's',
      note: `${backtestAlerts} alerts on ${sampleSeries} series`,
    },
  ];
}
