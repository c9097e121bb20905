import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { openTestState } from '../helpers/stateDbs.ts';
import { runScreen, type ScreenServices } from '../../src/data/screening/screen.ts';
import { productDossier } from '../../src/data/screening/productDossier.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

/** The screen and dossier services on the real BACI extract, imported as a user would. */

describe('screen and product dossier services (real BACI critical minerals)', () => {
  let services: ScreenServices;
  let analytics: DuckDbStore;
  let state: StateDb;
  beforeAll(async () => {
    const dataDir = new DataDir(tempDir()).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    analytics = await openDuckDb();
    state = await openTestState('pglite');
    services = { dataDir, catalog: new Catalog(dataDir), analytics, state, labels: {
        label: (hs6) => (hs6 === '811292' ? { en: 'Ga/Ge…', ja: 'ガリウム等' } : undefined),
        known: (hs6) => hs6 === '811292',
      },
    };
  });
  afterAll(async () => {
    await analytics.close();
    await state.close();
  });

  it('screens JPN 2024 with provenance, counts per method, and the --method filter', async () => {
    const result = await runScreen(services, { reporter: 'JPN', year: 2024 });
    expect(result.screened).toBe(result.items.length);
    expect(result.screened).toBeGreaterThan(25);
    expect(result.provenance).toMatchObject({ dataset: 'baci-cm', version: 'V202601', synthetic: false, method: 'all' });
    expect(result.provenance.thresholds.eu2021).toEqual({ hhi: 0.4, extraGroupShare: 0.5, importExportRatio: 1 });
    for (const [id, n] of Object.entries(result.counts)) expect(n).toBe(result.items.filter((i) => i.flags[id]).length);
    const ga = result.items.find((i) => i.hs6 === '811292')!;
    expect(ga.labelJa).toBe('ガリウム等');
    expect(ga.critical).toEqual(['critical-minerals']);
    // Ranked by import value.
    expect(result.items[0].importValueUsd).toBeGreaterThanOrEqual(result.items[1].importValueUsd);
    const geodep = await runScreen(services, { reporter: 'JPN', year: 2024, method: 'geodep' });
    expect(geodep.items.length).toBe(result.counts.geodep);
    expect(geodep.items.every((i) => i.flags.geodep && i.persistence.geodep.met >= 2)).toBe(true);
  });

  it('filters to critical goods, names a partner, takes thresholds', async () => {
    const result = await runScreen(services, { reporter: 'JPN', year: 2024, critical: true, partner: 'CHN', thresholds: { 'majority.share': 0.3 } });
    expect(result.items.length).toBeGreaterThan(10);
    expect(result.items.every((i) => i.critical.length > 0)).toBe(true);
    const all = await runScreen(services, { reporter: 'JPN', year: 2024 });
    expect(all.items.some((i) => i.critical.length === 0)).toBe(true);
    expect(result.items.length).toBe(all.items.filter((i) => i.critical.length > 0).length);
    expect(result.provenance.thresholds.majority).toEqual({ share: 0.3 });
    for (const i of result.items) expect(i.flags.majority).toBe((i.partnerShare ?? 0) > 0.3);
  });

  it('dossier: the per-year indicators (pure functions) agree with the screen (SQL), for JPN and EU27', async () => {
    for (const reporter of ['JPN', 'EU27']) {
      const screen = await runScreen(services, { reporter, year: 2024 });
      for (const hs6 of ['811292', '850511', '260200']) {
        const item = screen.items.find((i) => i.hs6 === hs6)!;
        const dossier = await productDossier(services, { reporter, year: 2024, hs6 });
        const y = dossier.years.find((d) => d.year === 2024)!;
        expect(y.importValueUsd).toBeCloseTo(item.importValueUsd, 2);
        expect(y.hhi).toBeCloseTo(item.hhi, 10);
        expect(y.topSupplier).toBe(item.topSupplier);
        expect(y.countriesTo75).toBe(item.countriesTo75);
        expect(y.extraGroupShare).toBeCloseTo(item.extraGroupShare, 10);
        expect(y.importExportRatio).toBeCloseTo(item.importExportRatio, 6);
        expect(y.worldExportHhi!).toBeCloseTo(item.worldExportHhi!, 10);
        for (const v of dossier.verdicts) expect(v.flagged, `${reporter} ${hs6} ${v.method}`).toBe(item.flags[v.method]);
        expect(dossier.years.map((d) => d.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
        expect(dossier.worldExporters[0].partner).toBe(item.topWorldExporter);
        expect(dossier.critical).toEqual(item.critical);
        expect(dossier.critical.length).toBeGreaterThan(0);
      }
    }
  });

  it('explains bad requests: unknown reporter, a year without data, an unknown HS code', async () => {
    await expect(runScreen(services, { reporter: 'XYZ', year: 2024 })).rejects.toThrow(/"XYZ" is neither a country nor a group/);
    await expect(runScreen(services, { reporter: 'JPN', year: 2030 })).rejects.toThrow(
      /no annual trade dataset has data for 2030 \(baci-cm: 2018–2024\)/,
    );
    await expect(runScreen(services, { reporter: 'JPN', year: 2030, dataset: 'baci-cm' })).rejects.toThrow(
      /dataset "baci-cm" has no data for 2030 \(years present: 2018, 2019, 2020, 2021, 2022, 2023, 2024\)/,
    );
    await expect(productDossier(services, { reporter: 'JPN', year: 2024, hs6: '99' })).rejects.toThrow(/not an HS6 code/);
    await expect(productDossier(services, { reporter: 'JPN', year: 2024, hs6: '999999' })).rejects.toThrow(/HS code 999999 is not/);
    await expect(runScreen(services, { reporter: 'JPN', year: 2024, thresholds: { hhi: 0.3 } })).rejects.toThrow(/needs a method/);
  });
});
