import { parentPort, workerData } from 'node:worker_threads';
import { scanChunk } from './_ewsChunk.ts';
import type { PanelIndicators } from '../src/analysis/ews/indicators.ts';

/** Worker of bench/ews.ts: scans the chunks it is given and reports series, alerts and scan time. */
const { chunks, events } = workerData as { chunks: number[]; events: Parameters<typeof scanChunk>[1] };
let reuse: PanelIndicators | undefined;
let series = 0;
let alerts = 0;
let ms = 0;
for (const c of chunks) {
  const r = scanChunk(c, events, reuse);
  reuse = r.indicators;
  series += r.series;
  alerts += r.alerts;
  ms += r.ms;
}
parentPort!.postMessage({ series, alerts, ms });
