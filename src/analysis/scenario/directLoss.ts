import type { PassageExposure, Shock } from './definition.ts';
import type { AffectedProduct } from './affectedProducts.ts';

/**
 * Direct import loss (PRODUCT.md §3.4 step 1). Annual flows are spread evenly over months (BACI is annual);
 * a shock's intensity in month t is the average over the month of g(τ) = 1 while the shock lasts, falling
 * linearly to 0 over the ramp-up time after it ends (the disrupted supply returns gradually). Several shocks on
 * the same flow combine as independent cuts: cut = 1 − Π_i (1 − s_i w_i g_i(t)), with w the part of the flow a
 * shock reaches (1 for an export cut or disaster, the passage exposure share for a closure); `flowCuts` gives it
 * per flow and month, `monthlyLoss` sums it over a product's reached flows.
 */
export function shockIntensity(start: number, duration: number, rampBack: number, month: number): number {
  const steps = 16;
  let sum = 0;
  const end = start + duration;
  for (let s = 0; s < steps; s++) {
    const tau = month + (s + 0.5) / steps;
    if (tau < start) continue;
    if (tau < end) sum += 1;
    else if (rampBack > 0 && tau < end + rampBack) sum += 1 - (tau - end) / rampBack;
  }
  return sum / steps;
}

/** Which part w ∈ [0, 1] of the flow (product, partner) each shock reaches. */
export function shockReach(
  shock: Shock,
  product: string,
  partner: number,
  exposure: readonly PassageExposure[],
): number {
  if (shock.type === 'export-cut') {
    if (!shock.exporter.codes.includes(partner)) return 0;
    return shock.products === 'all' || shock.products.includes(product) ? 1 : 0;
  }
  if (shock.type === 'disaster') return shock.country.codes.includes(partner) ? 1 : 0;
  let w = 0;
  for (const e of exposure) {
    if (!shock.passages.includes(e.passage) || !e.partner.codes.includes(partner)) continue;
    if (e.product !== 'all' && e.product !== product) continue;
    w += e.share;
  }
  return Math.min(1, w);
}

/** The share of a flow the shocks cut in month t, given the flow's reach vector (see `flowCuts`). */
export type CutAt = (reach: Float64Array, t: number, onlyToAll: boolean) => number;

/**
 * cut(t) = 1 − Π_i (1 − w_i s_i g_i(t)) for one run's shares s and durations (g from `shockIntensity`, tabulated
 * once per run for every shock and month); `onlyToAll` keeps the shocks that cut exports to every importer.
 */
export function flowCuts(
  shocks: readonly Shock[],
  shares: readonly number[],
  durations: readonly number[],
  rampUp: number,
  months: number,
): CutAt {
  const ns = shocks.length;
  const intensity = new Float64Array(ns * months);
  for (let i = 0; i < ns; i++) {
    for (let t = 0; t < months; t++) {
      intensity[i * months + t] = shockIntensity(shocks[i].start, durations[i], rampUp, t);
    }
  }
  const toAll = shocks.map((s) => s.type === 'disaster' || (s.type === 'export-cut' && s.to === 'all'));
  const share = Float64Array.from(shares);
  return (reach, t, onlyToAll) => {
    let kept = 1;
    for (let i = 0; i < ns; i++) {
      const w = reach[i];
      if (w > 0 && (!onlyToAll || toAll[i])) kept *= 1 - w * share[i] * intensity[i * months + t];
    }
    return 1 - kept;
  };
}

/**
 * The reporter's lost imports of a product in month t: Σ over its reached flows of cut(t) × annual value / 12.
 * Adds each flow's loss to `lostByPartner` and the lost tonnes to `lostQuantity[t]` when given (the central run).
 */
export function monthlyLoss(
  c: AffectedProduct,
  t: number,
  cutAt: CutAt,
  lostByPartner?: Float64Array,
  lostQuantity?: Float64Array | null,
): number {
  let lost = 0;
  for (const h of c.importHits) {
    const cut = cutAt(h.reach, t, false);
    const v = (cut * c.imports[h.index]) / 12;
    lost += v;
    if (lostByPartner) lostByPartner[h.index] += v;
    const q = c.quantities[h.index];
    if (lostQuantity && q !== null) lostQuantity[t] += (cut * q) / 12;
  }
  return lost;
}
