import type { AffectedProduct } from './affectedProducts.ts';
import type { CutAt } from './directLoss.ts';

/**
 * What substitutes can divert to the reporter in month t (PRODUCT.md §3.4 step 2; the capacity bounds of the
 * programme in substitution.ts): every allowed partner up to the substitution share of its annual exports to
 * others, ramping up linearly from the first shock on the product, less what the shocks cut of its own exports:
 *   cap_p(t) = exportsToOthers_p × (1 − cut_p(t)) × scale(t)
 * The capacity base (exports to others less the cut) and the scale are apart: the base is summed once per
 * product-month, by pool in the central run, and the scale multiplies the sum.
 */

/**
 * scale(t) = substitution share × ramp(t) × competition(t) / 12, with ramp(t) = (t + ½ − first shock) / ramp-up
 * clamped to [0, 1], and competition = the reporter's share of the supply lost by every importer under shocks that
 * cut exports to all (other importers that lost the same supply compete for the substitutes in proportion to their
 * loss): Σ cut·m_reporter / Σ cut·(m_reporter + exports to others); 1 when no such shock reaches the product.
 * Apart from `monthlyLoss` so that each returns a number and no pair is allocated per call (this runs for every
 * product-month of every draw, millions of times), and called only in months with a loss.
 */
export function substituteScale(
  c: AffectedProduct,
  t: number,
  cutAt: CutAt,
  substitutionShare: number,
  rampUp: number,
): number {
  let reporterLostToAll = 0;
  let worldLostToAll = 0;
  for (const h of c.importHits) {
    if (!h.toAll) continue;
    const cutAll = cutAt(h.reach, t, true);
    reporterLostToAll += cutAll * c.imports[h.index];
    worldLostToAll += cutAll * (c.imports[h.index] + (c.othersByCode.get(c.partners[h.index]) ?? 0));
  }
  // Other importers that lost the same supply compete for the substitutes in proportion to their loss.
  const competition = worldLostToAll > 0 ? reporterLostToAll / worldLostToAll : 1;
  const ramp = rampUp > 0 ? Math.min(1, Math.max(0, (t + 0.5 - c.firstStart) / rampUp)) : 1;
  return (substitutionShare * ramp * competition) / 12;
}

/** Σ_p exportsToOthers_p × (1 − cut_p(t)): unreached substitutes in full (summed once), reached ones less their cut. */
export function substituteCapacity(c: AffectedProduct, t: number, cutAt: CutAt): number {
  let capacity = c.freeCapacity;
  for (const h of c.othersHits) capacity += c.othersValue[h.index] * (1 - cutAt(h.reach, t, false));
  return capacity;
}

/**
 * The same capacity base by pool (like-minded, other) for the central run's programme, with the cut of each
 * reached substitute (in the order of `othersHits`), which splits a pool's amount among its partners afterwards.
 */
export function poolCapacity(
  c: AffectedProduct,
  t: number,
  cutAt: CutAt,
): { likeMinded: number; other: number; hitCut: Float64Array } {
  let likeMinded = c.freeLikeMinded;
  let other = c.freeCapacity - c.freeLikeMinded;
  const hitCut = new Float64Array(c.othersHits.length);
  c.othersHits.forEach((h, i) => {
    hitCut[i] = cutAt(h.reach, t, false);
    const capacity = c.othersValue[h.index] * (1 - hitCut[i]);
    if (c.othersLikeMinded[h.index]) likeMinded += capacity;
    else other += capacity;
  });
  return { likeMinded, other, hitCut };
}
