import { describe, expect, it } from 'vitest';
import { shares } from '../../src/analysis/shares.ts';
import { hhi } from '../../src/analysis/hhi.ts';
import { topShares } from '../../src/analysis/topShares.ts';
import { countriesTo } from '../../src/analysis/countriesTo.ts';
import { groupShare } from '../../src/analysis/groupShare.ts';
import { importExportRatio, noExportsRatio } from '../../src/analysis/importExportRatio.ts';
import { unitValue } from '../../src/analysis/unitValue.ts';
import { persistence } from '../../src/analysis/persistence.ts';
import { logLinearTrend } from '../../src/analysis/trend.ts';

describe('concentration indicators, checked by hand', () => {
  // Imports 60, 30, 10 (total 100): shares 0.6, 0.3, 0.1.
  const s = shares([60, 30, 10]);

  it('shares divide by the total', () => {
    expect(Array.from(s)).toEqual([0.6, 0.3, 0.1]);
    expect(Array.from(shares([0, 0]))).toEqual([0, 0]);
  });

  it('HHI = 0.36 + 0.09 + 0.01 = 0.46; one supplier 1; four equal 0.25', () => {
    expect(hhi(s)).toBeCloseTo(0.46, 12);
    expect(hhi([1])).toBe(1);
    expect(hhi(shares([5, 5, 5, 5]))).toBeCloseTo(0.25, 12);
  });

  it('top-1 and top-3 shares, and where the top is', () => {
    const a = topShares([0.1, 0.6, 0.3]);
    expect(a.topIndex).toBe(1);
    expect(a.top1).toBe(0.6);
    expect(a.top3).toBeCloseTo(1, 12);
    const t = topShares(shares([40, 30, 20, 10]));
    expect(t.top1).toBeCloseTo(0.4, 12);
    expect(t.top3).toBeCloseTo(0.9, 12);
    expect(topShares([])).toEqual({ topIndex: -1, top1: 0, top3: 0 });
  });

  it('countries needed to reach 75 %: 0.6 alone is short, 0.6 + 0.3 reaches it', () => {
    expect(countriesTo(s, 0.75)).toBe(2);
    // 0.5 + 0.25 = 0.75 exactly: two, despite floating point.
    expect(countriesTo(shares([50, 25, 25]), 0.75)).toBe(2);
    expect(countriesTo(shares([25, 25, 25, 25]), 0.75)).toBe(3);
    expect(countriesTo([0.8, 0.2], 0.75)).toBe(1);
    expect(countriesTo([], 0.75)).toBe(0);
  });

  it('group share: 30 of 100 from the group', () => {
    const rows = [
      { partner: 'CHN', value: 60 },
      { partner: 'USA', value: 30 },
      { partner: 'AUS', value: 10 },
    ];
    expect(groupShare(rows, new Set(['CHN', 'RUS']))).toBeCloseTo(0.6, 12);
    expect(groupShare(rows, new Set(['USA', 'AUS']))).toBeCloseTo(0.4, 12);
    expect(groupShare([], new Set(['CHN']))).toBe(0);
  });

  it('M/X: 300 / 100 = 3; no exports → the stated 9999 and a flag', () => {
    expect(importExportRatio(300, 100)).toEqual({ ratio: 3, noExports: false });
    expect(importExportRatio(300, 0)).toEqual({ ratio: noExportsRatio, noExports: true });
    expect(noExportsRatio).toBe(9999);
    expect(importExportRatio(0, 0)).toEqual({ ratio: 0, noExports: true });
  });

  it('unit value: 5,000 USD / 2 t = 2,500 USD/t; unknown quantity → null', () => {
    expect(unitValue(5000, 2)).toBe(2500);
    expect(unitValue(5000, null)).toBeNull();
    expect(unitValue(5000, 0)).toBeNull();
  });

  it('persistence: met in 2022 and 2024 → 2 of the last 3 years', () => {
    const met = new Map([
      [2021, true],
      [2022, true],
      [2023, false],
      [2024, true],
    ]);
    expect(persistence(met, 2024, 3)).toEqual({ met: 2, of: 3, years: [2022, 2023, 2024], metYears: [2022, 2024] });
    // A year without data counts as not met.
    expect(persistence(new Map([[2024, true]]), 2024, 3).met).toBe(1);
  });

  it('log-linear trend: 100, 110, 121 grows 10 % a year; zeros are skipped and named', () => {
    const t = logLinearTrend([
      { year: 2020, value: 100 },
      { year: 2021, value: 110 },
      { year: 2022, value: 121 },
      { year: 2023, value: 0 },
    ]);
    expect(t.growth).toBeCloseTo(0.1, 10);
    expect(t.skippedYears).toEqual([2023]);
    expect(logLinearTrend([{ year: 2020, value: 5 }]).growth).toBeNull();
  });
});
