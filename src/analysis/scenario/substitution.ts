import type { Highs } from 'highs';
import { ChokepointError } from '../../errors.ts';

/**
 * Reallocation of other suppliers' capacity to the reporter (PRODUCT.md §3.4 step 2), a linear programme:
 *   maximise Σ_{k,t,p} w_p x_ktp  (w = 1, or 1 + ε for like-minded partners when they go first)
 *   subject to Σ_p x_ktp ≤ need_kt                (no more than the reporter lost of product k in month t)
 *              0 ≤ x_ktp ≤ cap_ktp                (partner p's divertible exports, ramping up over time)
 * Each (product, month) block has one coupling row, so the optimum total is min(need, Σ_p cap): a fractional
 * knapsack (Dantzig 1957). HiGHS solves the full programme for the reported run (who supplies what); Monte Carlo
 * draws use the closed form, which tests check against HiGHS.
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
  const cols: { block: number; index: number }[] = [];
  const colCost: number[] = [];
  const colUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const rowUpper: number[] = [];
  blocks.forEach((b, bi) => {
    if (b.need <= 0) return;
    let any = false;
    b.partners.forEach((_p, pi) => {
      if (b.capacity[pi] <= 0) return;
      indices.push(cols.length);
      cols.push({ block: bi, index: pi });
      colCost.push(likeMindedFirst && b.likeMinded[pi] ? 1 + likeMindedBonus : 1);
      colUpper.push(b.capacity[pi]);
      any = true;
    });
    if (!any) return;
    starts.push(indices.length);
    rowUpper.push(b.need);
  });
  const replaced = blocks.map((b) => b.partners.map(() => 0));
  if (cols.length === 0) return { replaced, total: 0 };
  const numRows = rowUpper.length;
  const solution = highs.withModel(
    {
      numCols: cols.length,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(colCost),
      colLower: new Float64Array(cols.length),
      colUpper: Float64Array.from(colUpper),
      rowLower: new Float64Array(numRows).fill(-highs.infinity),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols: cols.length,
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
  cols.forEach((c, i) => {
    const v = Math.max(0, solution[i]);
    replaced[c.block][c.index] = v;
    total += v;
  });
  return { replaced, total };
}

/** The closed-form optimum of one block: min(need, Σ capacity). */
export function replacedTotal(need: number, totalCapacity: number): number {
  return Math.max(0, Math.min(need, totalCapacity));
}
