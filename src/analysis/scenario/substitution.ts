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

export function reallocateLp(
  highs: Highs,
  blocks: ReallocationBlock[],
  likeMindedFirst: boolean,
): ReallocationResult {
  // Column c = pool (block, like-minded?) with the summed capacity of its partners.
  const pools: { block: number; likeMinded: boolean; capacity: number }[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const rowUpper: number[] = [];
  blocks.forEach((b, bi) => {
    if (b.need <= 0) return;
    const sums = [0, 0];
    b.capacity.forEach((c, pi) => {
      if (c > 0) sums[b.likeMinded[pi] ? 1 : 0] += c;
    });
    let any = false;
    for (const likeMinded of [true, false]) {
      const capacity = sums[likeMinded ? 1 : 0];
      if (capacity <= 0) continue;
      indices.push(pools.length);
      pools.push({ block: bi, likeMinded, capacity });
      any = true;
    }
    if (!any) return;
    starts.push(indices.length);
    rowUpper.push(b.need);
  });
  const replaced = blocks.map((b) => b.partners.map(() => 0));
  if (pools.length === 0) return { replaced, total: 0 };
  const numRows = rowUpper.length;
  const numCols = pools.length;
  const solution = highs.withModel(
    {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(pools, (p) => (likeMindedFirst && p.likeMinded ? 1 + likeMindedBonus : 1)),
      colLower: new Float64Array(numCols),
      colUpper: Float64Array.from(pools, (p) => p.capacity),
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
  let total = 0;
  pools.forEach((pool, c) => {
    const amount = Math.min(pool.capacity, Math.max(0, solution[c]));
    if (amount <= 0) return;
    const b = blocks[pool.block];
    b.capacity.forEach((cap, pi) => {
      if (cap > 0 && b.likeMinded[pi] === pool.likeMinded)
        replaced[pool.block][pi] = (amount * cap) / pool.capacity;
    });
    total += amount;
  });
  return { replaced, total };
}

/** The closed-form optimum of one block: min(need, Σ capacity). */
export function replacedTotal(need: number, totalCapacity: number): number {
  return Math.max(0, Math.min(need, totalCapacity));
}
