import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mineralChainReport } from '../../src/data/identification/index.ts';
import { stageChain } from '../../src/analysis/minerals/stageChain.ts';
import { openSharedTradeServices } from '../helpers/sharedTrade.ts';
import { baciCriticalMineralsRows, sumBy } from '../helpers/baciRows.ts';

const hhiOf = (values: number[], total = values.reduce((a, b) => a + b, 0)) =>
  values.reduce((a, v) => a + (v / total) ** 2, 0);

describe('mine ▸ refine ▸ trade', () => {
  it('shares of a given world total; the bottleneck is the most concentrated stage (hand-checked)', () => {
    const chain = stageChain([
      { stage: 'mining', amounts: [{ country: 'A', amount: 60 }, { country: 'B', amount: 20 }], total: 100 },
      { stage: 'refining', amounts: null },
      { stage: 'trade', amounts: [{ country: 'C', amount: 9 }, { country: 'A', amount: 1 }] },
    ]);
    // Mining: 0.6² + 0.2² = 0.40 (the unlisted 20 % left out); trade: 0.9² + 0.1² = 0.82.
    expect(chain.stages[0]).toMatchObject({ total: 100, leader: 'A', leaderShare: 0.6, countriesTo75: 2 });
    expect(chain.stages[0].hhi).toBeCloseTo(0.4, 12);
    expect(chain.stages[1]).toMatchObject({ hhi: null, leader: null });
    expect(chain.stages[2].hhi).toBeCloseTo(0.82, 12);
    expect(chain.bottleneck).toBe('trade');
    expect(chain.leaderChanges).toBe(true);
  });

  describe('on the real USGS MCS 2025 and BACI extracts', () => {
    let services: Awaited<ReturnType<typeof openSharedTradeServices>>;
    const rows = baciCriticalMineralsRows();
    beforeAll(async () => {
      services = await openSharedTradeServices({ minerals: true });
    }, 120_000);
    afterAll(async () => services.analytics.close());

    it('cobalt for Japan, 2024: DR Congo mines, the trade and Japan’s imports recomputed from the CSV', async () => {
      const report = await mineralChainReport(services, { reporter: 'JPN', year: 2024, minerals: ['cobalt', 'gallium'] });
      const cobalt = report.items.find((i) => i.mineral === 'cobalt')!;
      const [mining, refining, trade, imports] = cobalt.stages;
      // MCS2025_World_Data.csv, "Mine production, cobalt content" 2024: Congo (Kinshasa) 220,000 t of a 290,000 t
      // world total; the 11 countries listed with that series: 3,600 + 4,500 + 220,000 + 3,500 + 28,000 + 2,600 +
      // 1,500 + 2,800 + 3,800 + 8,700 + 2,700 (the United States' row is "Mine production, estimated", another series).
      const listed = [3600, 4500, 220000, 3500, 28000, 2600, 1500, 2800, 3800, 8700, 2700];
      expect(mining).toMatchObject({ leader: 'COD', total: 290000 });
      expect(mining.leaderShare).toBeCloseTo(220000 / 290000, 12);
      expect(mining.hhi).toBeCloseTo(hhiOf(listed, 290000), 12);
      expect(refining.hhi).toBeNull();
      expect(cobalt.notes.some((n) => n.en.startsWith('refining: no USGS series'))).toBe(true);
      const world = sumBy(rows, (r) => r.t === 2024 && ['282200', '810520'].includes(r.k), (r) => r.i);
      expect(trade.total).toBeCloseTo([...world.values()].reduce((a, b) => a + b, 0), 1);
      expect(trade.hhi).toBeCloseTo(hhiOf([...world.values()]), 10);
      const japan = sumBy(rows, (r) => r.t === 2024 && r.j === 392 && ['282200', '810520'].includes(r.k), (r) => r.i);
      expect(cobalt.reporterImportsUsd).toBeCloseTo([...japan.values()].reduce((a, b) => a + b, 0), 1);
      expect(imports.hhi).toBeCloseTo(hhiOf([...japan.values()]), 10);
      // Gallium: no mine stage; China refines 750,000 kg (MCS 2025, primary production 2024). The countries listed
      // add up to 762,000 kg, above the rounded world total of 760,000: shares are then of the countries listed.
      const gallium = report.items.find((i) => i.mineral === 'gallium')!;
      expect(gallium.stages[0].hhi).toBeNull();
      expect(gallium.stages[1].total).toBe(762000);
      expect(gallium.stages[1].leaderShare).toBeCloseTo(750000 / 762000, 12);
      expect(gallium.bottleneck).toBe('refining');
      expect(report.provenance.production?.dataset).toBe('usgs-mcs2025');
    });

    it('an unknown mineral is refused with the known ones named', async () => {
      await expect(mineralChainReport(services, { reporter: 'JPN', year: 2024, minerals: ['tin'] })).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('lithium, nickel, cobalt'),
      });
    });
  });
});
