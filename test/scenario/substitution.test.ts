import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { highs } from '../../src/data/scenario/scenarioService.ts';
import {
  reallocateLp,
  replacedTotal,
  type ReallocationBlock,
} from '../../src/analysis/scenario/substitution.ts';
import { seededRandom } from '../../src/analysis/scenario/random.ts';

let solver: Highs;
beforeAll(async () => {
  solver = await highs();
});

describe('reallocation LP (HiGHS)', () => {
  it('solves a hand-checkable case: like-minded capacity first, then the rest up to the need', () => {
    // Month 1: need 10; A (like-minded) can give 4, B 8, C (like-minded) 3 → A 4, C 3, B the remaining 3.
    // Month 2: need 20; all capacity 4 + 8 + 3 = 15 is used and 5 stays short.
    const blocks: ReallocationBlock[] = [
      { need: 10, partners: [1, 2, 3], capacity: [4, 8, 3], likeMinded: [true, false, true] },
      { need: 20, partners: [1, 2, 3], capacity: [4, 8, 3], likeMinded: [true, false, true] },
    ];
    const r = reallocateLp(solver, blocks, true);
    expect(r.replaced[0][0]).toBeCloseTo(4, 9);
    expect(r.replaced[0][2]).toBeCloseTo(3, 9);
    expect(r.replaced[0][1]).toBeCloseTo(3, 9);
    expect(r.replaced[1]).toEqual([4, 8, 3].map((v) => expect.closeTo(v, 9)));
    expect(r.total).toBeCloseTo(25, 9);
  });

  it('partners of equal weight share a pool in proportion to their capacity', () => {
    // Need 5, no like-minded partner: B (8) and D (2) each divert half of what they can → B 4, D 1.
    const r = reallocateLp(
      solver,
      [{ need: 5, partners: [2, 4], capacity: [8, 2], likeMinded: [false, false] }],
      true,
    );
    expect(r.replaced[0][0]).toBeCloseTo(4, 9);
    expect(r.replaced[0][1]).toBeCloseTo(1, 9);
  });

  it('without like-minded preference the total is the same', () => {
    const blocks: ReallocationBlock[] = [
      { need: 10, partners: [1, 2, 3], capacity: [4, 8, 3], likeMinded: [true, false, true] },
    ];
    expect(reallocateLp(solver, blocks, false).total).toBeCloseTo(10, 9);
  });

  it('a block with no need or no capacity replaces nothing', () => {
    const blocks: ReallocationBlock[] = [
      { need: 0, partners: [1], capacity: [5], likeMinded: [false] },
      { need: 7, partners: [1], capacity: [0], likeMinded: [false] },
    ];
    const r = reallocateLp(solver, blocks, true);
    expect(r.total).toBe(0);
  });

  it('the closed form min(need, Σ capacity) equals the LP optimum on random programmes', () => {
    const random = seededRandom(11);
    const blocks: ReallocationBlock[] = Array.from({ length: 60 }, () => {
      const k = 1 + Math.floor(random() * 8);
      return {
        need: random() * 100,
        partners: Array.from({ length: k }, (_, i) => i),
        capacity: Array.from({ length: k }, () => random() * 30),
        likeMinded: Array.from({ length: k }, () => random() < 0.3),
      };
    });
    const lp = reallocateLp(solver, blocks, true);
    blocks.forEach((b, i) => {
      const lpBlock = lp.replaced[i].reduce((s, v) => s + v, 0);
      expect(lpBlock).toBeCloseTo(
        replacedTotal(
          b.need,
          b.capacity.reduce((s, v) => s + v, 0),
        ),
        6,
      );
    });
  });
});
