import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakageReport } from '../../src/data/identification/index.ts';
import { passThrough } from '../../src/analysis/risks/passThrough.ts';
import { countryByIso3 } from '../../src/data/reference/countries.ts';
import { openSharedTradeServices } from '../helpers/sharedTrade.ts';
import { baciCriticalMineralsRows } from '../helpers/baciRows.ts';

describe('leakage via like-minded partners', () => {
  it('passes the reporter’s sales on in proportion to each partner’s exports to the concern (hand-checked)', () => {
    const p = passThrough([
      { partner: 'A', fromReporter: 100, partnerExports: 200, partnerExportsToConcern: 50 },
      { partner: 'B', fromReporter: 300, partnerExports: 0, partnerExportsToConcern: 0 },
    ]);
    // 100 × 50/200 = 25 of 400.
    expect(p.passThroughValue).toBe(25);
    expect(p.passThroughShare).toBeCloseTo(25 / 400, 12);
    expect(p.partners.map((r) => [r.partner, r.onwardShare])).toEqual([
      ['A', 0.25],
      ['B', null],
    ]);
  });

  describe('on the real BACI extract', () => {
    let services: Awaited<ReturnType<typeof openSharedTradeServices>>;
    beforeAll(async () => {
      services = await openSharedTradeServices();
    }, 120_000);
    afterAll(async () => services.analytics.close());

    it("Japan's 811292 via like-minded countries to Russia, 2024, recomputed from the CSV", async () => {
      const report = await leakageReport(services, { reporter: 'JPN', concern: 'RUS', year: 2024, hs: ['811292'] });
      const partners = new Set(report.via.members.flatMap((iso3) => countryByIso3(iso3)?.baciCodes ?? []));
      const rus = new Set(countryByIso3('RUS')!.baciCodes);
      const rows = baciCriticalMineralsRows().filter((r) => r.t === 2024 && r.k === '811292');
      let from = 0;
      let passed = 0;
      for (const p of partners) {
        const sold = rows.filter((r) => r.i === 392 && r.j === p).reduce((a, r) => a + r.v * 1000, 0);
        if (!sold) continue;
        const out = rows.filter((r) => r.i === p);
        const all = out.reduce((a, r) => a + r.v, 0);
        const toConcern = out.filter((r) => rus.has(r.j)).reduce((a, r) => a + r.v, 0);
        from += sold;
        if (all > 0) passed += (sold * toConcern) / all;
      }
      const [item] = report.items;
      expect(item.fromReporter).toBeCloseTo(from, 2);
      expect(item.passThroughValue).toBeCloseTo(passed, 2);
      expect(item.passThroughShare).toBeCloseTo(passed / from, 10);
      expect(report.via.members).not.toContain('JPN');
    });

    it('needs at least one six-digit HS code, naming the field', async () => {
      await expect(leakageReport(services, { reporter: 'JPN', year: 2024, hs: [] })).rejects.toMatchObject({ place: { field: 'hs' } });
      await expect(leakageReport(services, { reporter: 'JPN', year: 2024, hs: ['81'] })).rejects.toMatchObject({ place: { field: 'hs[0]' } });
    });
  });
});
