import type { Highs } from 'highs';
import type { AffectedProduct } from './affectedProducts.ts';
import { monthlyLoss, type CutAt } from './directLoss.ts';
import { reallocatePools, replacedTotal, type PoolBlock } from './substitution.ts';
import { poolCapacity, substituteCapacity, substituteScale } from './substituteCapacity.ts';

/**
 * Direct loss and replaced supply of every affected product, month by month (PRODUCT.md §3.4 steps 1–2). The
 * central run solves the reallocation programme with HiGHS and keeps the detail the result shows (by month, by
 * partner, in tonnes); a Monte Carlo draw takes the programme's closed form, min(need, Σ capacity), per
 * product-month (substitution.ts) and keeps monthly figures of one product at a time.
 */
export interface SubstitutionParameters {
  substitutionShare: number;
  rampUp: number;
}

/** The central run's monthly loss and replacement of one product, and who lost and who replaced how much. */
export interface ProductReplacement {
  lost: Float64Array;
  lostQuantity: Float64Array | null;
  replaced: Float64Array;
  lostByPartner: Float64Array;
  replacedByPartner: Float64Array;
}

/** The central run: the pooled programme over every product-month, each pool's amount split among its partners. */
export function replaceByLp(
  highs: Highs,
  affected: readonly AffectedProduct[],
  months: number,
  cutAt: CutAt,
  params: SubstitutionParameters,
  likeMindedFirst: boolean,
): ProductReplacement[] {
  const products = affected.map((c) => emptyReplacement(c, months));
  const { blocks, blockOf } = poolBlocks(affected, products, months, cutAt, params);
  if (blocks.length > 0) {
    const taken = reallocatePools(highs, blocks, likeMindedFirst);
    splitAmongPartners(affected, products, blocks, blockOf, taken);
  }
  return products;
}

function emptyReplacement(c: AffectedProduct, months: number): ProductReplacement {
  return {
    lost: new Float64Array(months),
    lostQuantity: c.importHits.some((h) => c.quantities[h.index] !== null) ? new Float64Array(months) : null,
    replaced: new Float64Array(months),
    lostByPartner: new Float64Array(c.partners.length),
    replacedByPartner: new Float64Array(c.others.length),
  };
}

/** Where a block of the programme comes from, and what splitting its amounts among partners needs. */
interface BlockOrigin {
  product: number;
  month: number;
  scale: number;
  hitCut: Float64Array;
}

/**
 * Pooled programme (substitution.ts): per product-month with a loss, the need and the capacity of the like-minded
 * and other pools; records each month's loss (by partner and in tonnes) on the way.
 */
function poolBlocks(
  affected: readonly AffectedProduct[],
  products: ProductReplacement[],
  months: number,
  cutAt: CutAt,
  params: SubstitutionParameters,
): { blocks: PoolBlock[]; blockOf: BlockOrigin[] } {
  const blocks: PoolBlock[] = [];
  const blockOf: BlockOrigin[] = [];
  affected.forEach((c, k) => {
    const run = products[k];
    for (let t = 0; t < months; t++) {
      const lost = monthlyLoss(c, t, cutAt, run.lostByPartner, run.lostQuantity);
      run.lost[t] = lost;
      if (lost <= 0) continue;
      const scale = substituteScale(c, t, cutAt, params.substitutionShare, params.rampUp);
      const { likeMinded, other, hitCut } = poolCapacity(c, t, cutAt);
      blocks.push({ need: lost, likeMinded: likeMinded * scale, other: other * scale });
      blockOf.push({ product: k, month: t, scale, hitCut });
    }
  });
  return { blocks, blockOf };
}

/**
 * Each pool's amount goes to its partners in proportion to their capacity in that month: a reached partner by its
 * month's capacity; an unreached one by its base capacity times the factor taken from its pool, summed over the
 * months (the same share of what it can in every month).
 */
function splitAmongPartners(
  affected: readonly AffectedProduct[],
  products: ProductReplacement[],
  blocks: readonly PoolBlock[],
  blockOf: readonly BlockOrigin[],
  taken: { likeMinded: Float64Array; other: Float64Array },
): void {
  // Per product, the factor applied to the base capacity of its unreached partners, by pool.
  const freeFactor = affected.map(() => ({ likeMinded: 0, other: 0 }));
  blocks.forEach((b, bi) => {
    const { product, month, scale, hitCut } = blockOf[bi];
    const c = affected[product];
    const run = products[product];
    run.replaced[month] += taken.likeMinded[bi] + taken.other[bi];
    const fLikeMinded = b.likeMinded > 0 ? taken.likeMinded[bi] / b.likeMinded : 0;
    const fOther = b.other > 0 ? taken.other[bi] / b.other : 0;
    freeFactor[product].likeMinded += scale * fLikeMinded;
    freeFactor[product].other += scale * fOther;
    c.othersHits.forEach((h, i) => {
      const f = c.othersLikeMinded[h.index] ? fLikeMinded : fOther;
      run.replacedByPartner[h.index] += c.othersValue[h.index] * scale * (1 - hitCut[i]) * f;
    });
  });
  affected.forEach((c, k) => {
    const run = products[k];
    for (let i = 0; i < c.others.length; i++) {
      if (c.othersHit[i]) continue;
      run.replacedByPartner[i] =
        c.othersValue[i] * (c.othersLikeMinded[i] ? freeFactor[k].likeMinded : freeFactor[k].other);
    }
  });
}

/**
 * A Monte Carlo draw: one product's monthly loss and replaced supply in closed form, replaced = min(need, Σ cap),
 * into `lost` and `replaced` (reused from product to product: a draw keeps totals only).
 */
export function replaceByClosedForm(
  c: AffectedProduct,
  months: number,
  cutAt: CutAt,
  params: SubstitutionParameters,
  lost: Float64Array,
  replaced: Float64Array,
): void {
  for (let t = 0; t < months; t++) {
    const loss = monthlyLoss(c, t, cutAt);
    lost[t] = loss;
    if (loss <= 0) {
      replaced[t] = 0;
      continue;
    }
    const scale = substituteScale(c, t, cutAt, params.substitutionShare, params.rampUp);
    replaced[t] = replacedTotal(loss, substituteCapacity(c, t, cutAt) * scale);
  }
}
