import { describe, expect, it } from 'vitest';
import { mostExposed, partnerShareOf, supplyFlags } from '../../web/src/features/country/shaping.ts';
import type { PartnerSupply } from '../../web/src/features/country/types.ts';

function supply(
  hs6: string,
  valueUsd: number,
  importValueUsd: number,
  rank = 2,
  critical: string[] = [],
): PartnerSupply {
  const share = valueUsd / importValueUsd;
  return {
    hs6,
    labelEn: '',
    labelJa: '',
    valueUsd,
    importValueUsd,
    share,
    rank,
    suppliers: 5,
    topSupplier: 'XXX',
    topShare: 0.5,
    majority: share > 0.5,
    critical,
  };
}

describe('country view shaping', () => {
  const items = [
    supply('280469', 254, 380, 1, ['critical-minerals']), // 66.8 %
    supply('850511', 157, 565, 3, ['permanent-magnets']), // 27.8 %
    supply('810194', 34.6, 34.76, 1), // 99.5 %
    supply('811212', 0.04, 0.05, 1), // 80 %, a tiny flow
    supply('270112', 79, 24623), // 0.3 %
  ];

  it('ranks products by the share from the partner, leaving out flows below a floor', () => {
    expect(mostExposed(items, 3).map((i) => i.hs6)).toEqual(['810194', '811212', '280469']);
    expect(mostExposed(items, 3, 1).map((i) => i.hs6)).toEqual(['810194', '280469', '850511']);
    // The input order (by value) is left as it was.
    expect(items[0].hs6).toBe('280469');
  });

  it("gives the partner's share of the listed products: Σ from partner / Σ imports", () => {
    // (254 + 157) / (380 + 565) = 411 / 945
    expect(partnerShareOf(items.slice(0, 2))).toBeCloseTo(411 / 945, 12);
    expect(partnerShareOf([])).toBeNull();
  });

  it('marks top supplier, majority and critical goods', () => {
    expect(supplyFlags(items[0])).toEqual(['top', 'majority', 'critical']);
    expect(supplyFlags(items[1])).toEqual(['critical']);
    expect(supplyFlags(items[4])).toEqual([]);
  });
});
