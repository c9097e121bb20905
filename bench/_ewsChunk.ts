import { panelFromSeries, type SeriesKey } from '../src/analysis/ews/panel.ts';
import { computeIndicators, type PanelIndicators } from '../src/analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules } from '../src/analysis/ews/rules.ts';
import { periodIndex } from '../src/analysis/ews/period.ts';
import type { RecordedEvent } from '../src/analysis/ews/events.ts';

/**
 * One chunk of the EWS benchmark (bench/ews.ts), shared by the main thread and its workers. SYNTHETIC data: a
 * seeded generator (seed + chunk number, so results do not depend on how chunks are spread over threads) of
 * groups with 19 partners plus the world total; each series a heavy-tailed level × seasonal pattern × trend ×
 * log-normal noise, with occasional zero months and shocks.
 */
export const MONTHS = 96;
export const PARTNERS = 19;
export const CHUNK_GROUPS = 1000;
export const SEED = 20260101;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function generateChunk(chunk: number) {
  const random = rng(SEED + chunk * 7919);
  const perGroup = PARTNERS + 1;
  const n = CHUNK_GROUPS * perGroup;
  const series: SeriesKey[] = new Array(n);
  const value = new Float64Array(n * MONTHS);
  const quantity = new Float64Array(n * MONTHS);
  const units: (string | null)[] = new Array(n).fill('kg');
  const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  for (let g = 0; g < CHUNK_GROUPS; g++) {
    const hs = String(100000 + ((chunk * CHUNK_GROUPS + g) % 900000));
    const reporter = ['JPN', 'KOR', 'DEU', 'USA'][(chunk * CHUNK_GROUPS + g) % 4];
    const total = g * perGroup + PARTNERS;
    series[total] = { reporter, partner: 'WLD', hs, flow: 'import' };
    for (let p = 0; p < PARTNERS; p++) {
      const s = g * perGroup + p;
      series[s] = { reporter, partner: `P${String(p).padStart(2, '0')}`, hs, flow: 'import' };
      const level = Math.exp(8 + 3 * normal()) * (p === 0 ? 5 : 1);
      const amplitude = 0.3 * random();
      const phase = random() * 12;
      const trend = 0.005 * normal();
      const noise = 0.1 + 0.4 * random();
      const price = Math.exp(1 + normal());
      for (let t = 0; t < MONTHS; t++) {
        const i = s * MONTHS + t;
        let v =
          level *
          (1 + amplitude * Math.sin(((t + phase) * Math.PI) / 6)) *
          Math.exp(trend * t + noise * normal());
        if (random() < 0.02) v = 0;
        if (random() < 0.002) v *= random() < 0.5 ? 0.1 : 5;
        value[i] = v;
        quantity[i] = v / (price * Math.exp(0.05 * normal()));
        value[total * MONTHS + t] += v;
        quantity[total * MONTHS + t] += quantity[i];
      }
    }
  }
  return panelFromSeries(series, periodIndex('2017-01'), MONTHS, value, quantity, units);
}

/** Scans a chunk (indicators over the whole history, z and rules on the latest month); times only the scan. */
export function scanChunk(chunk: number, events: RecordedEvent[], reuse?: PanelIndicators) {
  const panel = generateChunk(chunk);
  const t0 = performance.now();
  const indicators = computeIndicators(panel, defaultRuleSet.parameters, events, [], reuse, MONTHS - 1);
  const alerts = evaluateRules(panel, indicators, defaultRuleSet, MONTHS - 1, MONTHS - 1).length;
  return { panel, indicators, alerts, series: panel.series.length, ms: performance.now() - t0 };
}
