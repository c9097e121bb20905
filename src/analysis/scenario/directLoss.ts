import type { PassageExposure, Shock } from './definition.ts';

/**
 * Direct import loss (PRODUCT.md §3.4 step 1). Annual flows are spread evenly over months (BACI is annual);
 * a shock's intensity in month t is the average over the month of g(τ) = 1 while the shock lasts, falling
 * linearly to 0 over the ramp-up time after it ends (the disrupted supply returns gradually). Several shocks on
 * the same flow combine as independent cuts: cut = 1 − Π_i (1 − s_i w_i g_i(t)), with w the part of the flow a
 * shock reaches (1 for an export cut or disaster, the passage exposure share for a closure); run.ts applies it
 * per flow and month.
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
