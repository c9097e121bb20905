import { describe, expect, it } from 'vitest';
import { eu2021 } from '../../src/analysis/methods/eu2021.ts';
import { geodep } from '../../src/analysis/methods/geodep.ts';
import { majority } from '../../src/analysis/methods/majority.ts';
import { hhiMethod } from '../../src/analysis/methods/hhi.ts';
import { methodById, methods } from '../../src/analysis/methods/index.ts';
import { resolveThresholds, type Indicators } from '../../src/analysis/methods/method.ts';
import { ChokepointError } from '../../src/errors.ts';

const base: Indicators = {
  year: 2024,
  importValueUsd: 1_000_000,
  hhi: 0.46,
  topSupplier: 'CHN',
  topShare: 0.6,
  extraGroupShare: 0.7,
  importExportRatio: 3,
  worldExportHhi: 0.5,
  partnerShare: null,
};
const year = (y: number, over: Partial<Indicators> = {}): Indicators => ({ ...base, year: y, ...over });

describe('method presets', () => {
  it('every preset names itself in Japanese and English, cites its source and has defaults', () => {
    expect(methods.map((m) => m.id)).toEqual(['eu2021', 'geodep', 'majority', 'hhi']);
    for (const m of methods) {
      expect(m.name.ja.length).toBeGreaterThan(0);
      expect(m.name.en.length).toBeGreaterThan(0);
      expect(m.citation.length).toBeGreaterThan(10);
      expect(m.thresholds.length).toBeGreaterThan(0);
    }
  });

  it('EU 2021: HHI 0.46 > 0.4, extra 0.7 > 0.5, M/X 3 > 1 → flagged; M/X 0.9 → not, and says why', () => {
    const v = eu2021.evaluate([base], 2024);
    expect(v.flagged).toBe(true);
    expect(v.rule).toBe('HHI > 0.4 and extra-group share > 0.5 and M/X > 1');
    expect(v.criteria.map((c) => [c.value, c.threshold, c.met])).toEqual([
      [0.46, 0.4, true],
      [0.7, 0.5, true],
      [3, 1, true],
    ]);
    const notNet = eu2021.evaluate([year(2024, { importExportRatio: 0.9 })], 2024);
    expect(notNet.flagged).toBe(false);
    expect(notNet.criteria[2]).toMatchObject({ value: 0.9, met: false });
    // Editable thresholds: HHI must exceed 0.5 now, 0.46 does not.
    expect(eu2021.evaluate([base], 2024, { hhi: 0.5 }).flagged).toBe(false);
  });

  it('GeoDep: all three in 2022 and 2024 but not 2023 → 2 of 3, flagged; only 2024 → not', () => {
    const history = [year(2022), year(2023, { worldExportHhi: 0.3 }), year(2024)];
    const v = geodep.evaluate(history, 2024);
    expect(v.flagged).toBe(true);
    expect(v.persistence).toMatchObject({ met: 2, of: 3, required: 2, metYears: [2022, 2024] });
    expect(v.rule).toBe('HHI > 0.4 and world export HHI > 0.4 and M/X > 1, in at least 2 of the last 3 years');
    const once = geodep.evaluate([year(2022, { hhi: 0.3 }), year(2023, { hhi: 0.3 }), year(2024)], 2024);
    expect(once.flagged).toBe(false);
    expect(once.persistence?.met).toBe(1);
    // With "1 of 1 years" the single year suffices.
    expect(geodep.evaluate([year(2024)], 2024, { minYears: 1, window: 1 }).flagged).toBe(true);
    // Unknown world concentration never counts as met.
    expect(geodep.evaluate([year(2024, { worldExportHhi: null })], 2024, { minYears: 1, window: 1 }).flagged).toBe(false);
  });

  it('majority: top share 0.6 > 0.5; named partner USA with 0.3 → not flagged', () => {
    expect(majority.evaluate([base], 2024).flagged).toBe(true);
    const usa = majority.evaluate([year(2024, { partnerShare: 0.3 })], 2024, {}, { partner: 'USA' });
    expect(usa.flagged).toBe(false);
    expect(usa.rule).toBe('share from USA > 0.5');
    expect(majority.evaluate([year(2024, { topShare: 0.5 })], 2024).flagged).toBe(false);
  });

  it('concentration HHI ≥ 0.5: 0.5 itself is flagged, 0.46 not', () => {
    expect(hhiMethod.evaluate([year(2024, { hhi: 0.5 })], 2024).flagged).toBe(true);
    expect(hhiMethod.evaluate([base], 2024).flagged).toBe(false);
    expect(hhiMethod.evaluate([base], 2024).rule).toBe('HHI >= 0.5');
  });

  it('a year without data is not flagged', () => {
    expect(eu2021.evaluate([base], 2023).flagged).toBe(false);
  });

  it('refuses unknown methods, unknown thresholds and impossible values, naming them', () => {
    expect(() => methodById('oecd')).toThrow(/unknown method "oecd"/);
    expect(() => resolveThresholds(eu2021, { hhi: 1.5 })).toThrow(/eu2021.hhi = 1.5 must be a share between 0 and 1/);
    expect(() => resolveThresholds(eu2021, { foo: 1 })).toThrow(/has no threshold "foo"/);
    expect(() => resolveThresholds(geodep, { minYears: 4 })).toThrow(/minYears \(4\) exceeds window \(3\)/);
    try {
      resolveThresholds(geodep, { window: 0 });
    } catch (e) {
      expect(e).toBeInstanceOf(ChokepointError);
      expect((e as ChokepointError).place.field).toBe('threshold');
    }
  });
});
