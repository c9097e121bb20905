import type { Highs } from 'highs';
import { ChokepointError } from '../../errors.ts';

/**
 * Reallocation of other suppliers' capacity to the reporter (PRODUCT.md §3.4 step 2), a linear programme:
 *   maximise Σ_{k,t,p} w_p x_ktp  (w = 1, or 1 + ε for like-minded partners when they go first)
 *   subject to Σ_p x_ktp ≤ need_kt                (no more than the reporter lost of product k in month t)
 *              0 ≤ x_ktp ≤ cap_ktp                (partner p's divertible exports, ramping up over time)
 * Partners of equal weight are interchangeable in this programme, so it is solved over two pooled columns per
 * (product, month) — like-minded and others, each bounded by its pool's capacity — and each pool's amount is
 * split among its partners in proportion to their capacity (the tie-break: every partner diverts the same share
 * of what it can). This keeps a full trade year (thousands of products × hundreds of partners) to a few tens of
 * thousands of columns. Each block has one coupling row, so the optimum total is min(need, Σ cap), a fractional
 * knapsack (Dantzig 1957): Monte Carlo draws use that closed form, which tests check against HiGHS.
 */
export interface ReallocationBlock {
  /** Reporter's need (lost imports) in this product-month. */
  need: number;
  partners: number[];
  capacity: number[];
  likeMinded: boolean[];
}

export interface ReallocationResult {
  /** Replaced supply per block and partner (same order as the block's partners). */
  replaced: number[][];
  total: number;
}

/** Objective bonus that makes like-minded capacity go first without changing the total replaced. */
const likeMindedBonus = 1e-3;

/** One (product, month) of the pooled programme: the need and the capacity of the like-minded and other pools. */
export interface PoolBlock {
  need: number;
  likeMinded: number;
  other: number;
}

/** Solves the pooled programme with HiGHS; returns the amount taken from each pool of each block. */
export function reallocatePools(
  highs: Highs,
  blocks: readonly PoolBlock[],
  likeMindedFirst: boolean,
): { likeMinded: Float64Array; other: Float64Array } {
  const likeMinded = new Float64Array(blocks.length);
  const other = new Float64Array(blocks.length);
  const cols: { block: number; likeMinded: boolean; capacity: number }[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const rowUpper: number[] = [];
  blocks.forEach((b, bi) => {
    if (b.need <= 0) return;
    let any = false;
    for (const [isLikeMinded, capacity] of [
      [true, b.likeMinded],
      [false, b.other],
    ] as const) {
      if (capacity <= 0) continue;
      indices.push(cols.length);
      cols.push({ block: bi, likeMinded: isLikeMinded, capacity });
      any = true;
    }
    if (!any) return;
    starts.push(indices.length);
    rowUpper.push(b.need);
  });
  if (cols.length === 0) return { likeMinded, other };
  const numRows = rowUpper.length;
  const numCols = cols.length;
  const solution = highs.withModel(
    {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cols, (c) => (likeMindedFirst && c.likeMinded ? 1 + likeMindedBonus : 1)),
      colLower: new Float64Array(numCols),
      colUpper: Float64Array.from(cols, (c) => c.capacity),
      rowLower: new Float64Array(numRows).fill(-highs.infinity),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      const status = model.getModelStatus();
      if (status !== highs.constants.modelStatus.optimal) {
        throw new ChokepointError('internal', `the reallocation programme ended with HiGHS status ${status}`);
      }
      return model.getSolution().colValue;
    },
  );
  cols.forEach((c, i) => {
    const amount = Math.min(c.capacity, Math.max(0, solution[i]));
    (c.likeMinded ? likeMinded : other)[c.block] = amount;
  });
  return { likeMinded, other };
}

/** The programme with partners listed: pooled, solved, and each pool split in proportion to capacity. */
export function reallocateLp(
  highs: Highs,
  blocks: ReallocationBlock[],
  likeMindedFirst: boolean,
): ReallocationResult {
  const pools = blocks.map((b) => {
    let likeMinded = 0;
    let other = 0;
    b.capacity.forEach((c, pi) => {
      if (c > 0) {
        if (b.likeMinded[pi]) likeMinded += c;
        else other += c;
      }
    });
    return { need: b.need, likeMinded, other };
  });
  const taken = reallocatePools(highs, pools, likeMindedFirst);
  let total = 0;
  const replaced = blocks.map((b, bi) => {
    total += taken.likeMinded[bi] + taken.other[bi];
    return b.capacity.map((c, pi) => {
      if (c <= 0) return 0;
      const pool = b.likeMinded[pi] ? pools[bi].likeMinded : pools[bi].other;
      const amount = b.likeMinded[pi] ? taken.likeMinded[bi] : taken.other[bi];
      return (amount * c) / pool;
    });
  });
  return { replaced, total };
}

/** The closed-form optimum of one block: min(need, Σ capacity). */
export function replacedTotal(need: number, totalCapacity: number): number {
  return Math.max(0, Math.min(need, totalCapacity));
}
