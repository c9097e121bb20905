import { describe, expect, it } from 'vitest';
import { apiUrl } from '../../web/src/api/client.ts';
import { criticalScreenQuery, editedCodes, goodRisks } from '../../web/src/features/critical/goodRisks.ts';
import type { CriticalGood, ScreenItem } from '../../web/src/features/critical/types.ts';
import { criticalGoodsDefaults } from '../../src/data/reference/criticalGoods.ts';

/** Headline risks per critical good from screen rows (figures picked by hand below). */
const marking = { level: 0 as const, compartments: [], releasableTo: null };
const goods: CriticalGood[] = criticalGoodsDefaults.map((g) => ({
  ...g,
  hs: [...g.hs],
  marking,
  updatedAt: '',
  updatedBy: null,
  edited: false,
}));
const item = (
  hs6: string,
  importValueUsd: number,
  topSupplier: string,
  topShare: number,
  flags: Record<string, boolean>,
): ScreenItem => ({
  hs6,
  labelEn: '',
  labelJa: '',
  importValueUsd,
  hhi: topShare * topShare,
  topSupplier,
  topShare,
  suppliers: 3,
  critical: [],
  flags,
});

describe('critical goods headline risks', () => {
  const items = [
    item('850511', 400, 'PHL', 0.33, { eu2021: false, majority: false }),
    item('280530', 100, 'CHN', 0.9, { eu2021: true, majority: true }),
    item('284690', 300, 'CHN', 0.9, { eu2021: true, majority: true }),
    item('310210', 50, 'MYS', 0.4, { majority: false }),
  ];
  const risks = goodRisks(goods, items);

  it('keeps the 12 goods in order with every HS6 code, imported or not', () => {
    expect(risks).toHaveLength(12);
    expect(risks.map((r) => r.good.id)).toEqual(criticalGoodsDefaults.map((g) => g.id));
    const cloud = risks.find((r) => r.good.id === 'cloud-programs')!;
    expect(cloud.products).toEqual([]);
    expect(cloud.headline).toBeNull();
  });

  it('sums import value, counts flagged codes and picks the most concentrated product (ties: larger value)', () => {
    const magnets = risks.find((r) => r.good.id === 'permanent-magnets')!;
    expect(magnets.products.map((p) => p.code.hs6)).toEqual(['850511', '850519', '280530', '284690']);
    expect(magnets.products[1].item).toBeNull();
    expect(magnets.importValueUsd).toBe(800);
    expect(magnets.flaggedProducts).toBe(2);
    // 280530 and 284690 both 90 % from China; 284690 imports more.
    expect(magnets.headline?.code.hs6).toBe('284690');
    expect(magnets.headline?.flaggedBy).toEqual(['eu2021', 'majority']);
    const fertilizers = risks.find((r) => r.good.id === 'fertilizers')!;
    expect(fertilizers.headline?.item?.topSupplier).toBe('MYS');
    expect(fertilizers.flaggedProducts).toBe(0);
  });

  it('cleans the editor rows before PUT and asks the screen for all critical products at once', () => {
    expect(
      editedCodes([
        { hs6: ' 310520 ', match: 'exact', note: ' NPK ' },
        { hs6: '', match: 'exact', note: '' },
      ]),
    ).toEqual([{ hs6: '310520', match: 'exact', note: 'NPK' }]);
    expect(apiUrl('GET /api/screens', { query: criticalScreenQuery('JPN', 2024) })).toBe(
      '/api/screens?reporter=JPN&year=2024&critical=true&pageSize=1000&sort=importValueUsd',
    );
  });
});
