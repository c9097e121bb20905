import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/tmp.ts';
import { readIoTableFile } from '../../src/data/scenario/ioTables.ts';
import {
  importCoefficients,
  technicalCoefficients,
  valueAddedCoefficients,
} from '../../src/analysis/io/coefficients.ts';
import { simulateArio, type ArioInput } from '../../src/analysis/io/ario.ts';

const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
const n = table.sectors.length;
const m = importCoefficients(table);
const base: Omit<ArioInput, 'days'> = {
  A: technicalCoefficients(table.Z, table.output),
  importCoefficient: m,
  output: table.output,
  valueAddedCoefficient: valueAddedCoefficients(table),
  domesticFinalDemand: table.finalDemand.map((f, i) => (1 - m[i]) * f + table.exports[i]),
};
const mining = 1; // sector 02: crude oil, gas, ores — 97 % imported
/** Shortfall of `share` of mining imports during days [0, duration). */
const miningCut = (share: number, duration: number) => (day: number) => {
  if (day >= duration) return undefined;
  const s = new Float64Array(n);
  s[mining] = share;
  return s;
};

describe('ARIO-style dynamic on the Japan 2011 table', () => {
  it('without a shock the baseline is a fixed point: output stays at x⁰ every day', () => {
    const r = simulateArio({ ...base, days: 120 });
    for (const v of r.relativeOutput) expect(v).toBeCloseTo(1, 9);
    for (const l of r.outputLoss)
      expect(Math.abs(l)).toBeLessThan(1e-6 * table.output.reduce((s, x) => s + x, 0));
    expect(r.recoveredDay).toBe(0);
  });

  it('inventories buffer a short partial shock: 50 % of mining imports for 20 days, 90 days of stock → no loss', () => {
    const r = simulateArio(
      { ...base, days: 200, importShortfall: miningCut(0.5, 20) },
      { inventoryDays: 90 },
    );
    for (const l of r.outputLoss) expect(l).toBeLessThan(1e-6 * table.output[mining]);
  });

  it('a full cut longer than the stock stops mining users, then output recovers after the shock', () => {
    const days = 400;
    const r = simulateArio({ ...base, days, importShortfall: miningCut(1, 60) }, { inventoryDays: 10 });
    const electricity = 4;
    // With 10 days of stock and no imported crude or gas from day 0, electricity (which buys 6.9 trillion yen of
    // mining products a year) cannot produce once the stock is gone: day 15 is inside the shock, after the stock.
    expect(r.relativeOutput[15 * n + electricity]).toBeLessThan(0.05);
    expect(r.worstDay).toBeGreaterThanOrEqual(10);
    expect(r.worstDay).toBeLessThan(61);
    // Output never exceeds the overproduction limit and never falls below zero.
    for (const v of r.relativeOutput) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1.25 + 1e-9);
    }
    // Recovery: every sector back within 0.1 % of baseline before the horizon ends, after the shock.
    expect(r.recoveredDay).not.toBeNull();
    expect(r.recoveredDay!).toBeGreaterThan(60);
    for (let j = 0; j < n; j++) expect(r.relativeOutput[(days - 1) * n + j]).toBeCloseTo(1, 2);
    // Loss accounting: output loss of electricity at most its daily output × shock length (plus the restocking tail
    // bounded by the same), and value added loss = v_j × output loss.
    expect(r.outputLoss[electricity]).toBeGreaterThan(0);
    expect(r.outputLoss[electricity]).toBeLessThan((table.output[electricity] / 365) * days);
    const v = table.valueAdded[electricity] / table.output[electricity];
    expect(r.valueAddedLoss[electricity]).toBeCloseTo(v * r.outputLoss[electricity], 6);
  });

  it('a longer shock costs more than a shorter one (monotone in duration)', () => {
    const loss = (duration: number) =>
      simulateArio(
        { ...base, days: 300, importShortfall: miningCut(1, duration) },
        { inventoryDays: 10 },
      ).outputLoss.reduce((s, v) => s + v, 0);
    const l30 = loss(30);
    const l60 = loss(60);
    expect(l30).toBeGreaterThan(0);
    expect(l60).toBeGreaterThan(l30);
  });
});
