import { defaultOvercapacityParameters, type OvercapacityParameters } from './parameters.ts';

/**
 * A supplier's world export share growth against world demand growth — constant-market-share analysis in its
 * simplest, two-term form (Leamer & Stern, "Quantitative International Economics", 1970, ch. 7; applied to China's
 * export growth by Husted & Nishioka, "China's fare share? The growth of Chinese exports in world trade", Review of
 * World Economics 149(3), 2013, Kiel Institute). Between years 0 and 1, with X_e the supplier's exports of the
 * product and X_w world exports (world demand met by trade):
 *
 *   s_t = X_{e,t} / X_{w,t}
 *   ΔX_e = s_0 · ΔX_w          (demand effect: growth the supplier gets by keeping its share)
 *        + Δs · X_{w,1}        (share effect: growth won from other suppliers)
 *   excessGrowth = g_e − g_w,  g = (X_1 / X_0)^(1/n) − 1 a year over n years
 *
 * A supplier pushes supply into the market (the overcapacity reading) when its share effect is positive, its
 * exports outgrow world trade by at least minExcessGrowth a year and it holds at least minSupplierShare.
 */
export interface ShareGrowth {
  supplier: string;
  exports0: number;
  exports1: number;
  world0: number;
  world1: number;
  share0: number | null;
  share1: number | null;
  supplierGrowth: number | null;
  worldGrowth: number | null;
  excessGrowth: number | null;
  demandEffect: number | null;
  shareEffect: number | null;
  push: boolean;
}

const annual = (a: number, b: number, years: number): number | null =>
  a > 0 && years > 0 ? (b / a) ** (1 / years) - 1 : null;

export function marketShareGrowth(
  supplier: string,
  exports: { from: number; to: number },
  world: { from: number; to: number },
  years: number,
  parameters: OvercapacityParameters = defaultOvercapacityParameters,
): ShareGrowth {
  const share0 = world.from > 0 ? exports.from / world.from : null;
  const share1 = world.to > 0 ? exports.to / world.to : null;
  const supplierGrowth = annual(exports.from, exports.to, years);
  const worldGrowth = annual(world.from, world.to, years);
  const excessGrowth = supplierGrowth !== null && worldGrowth !== null ? supplierGrowth - worldGrowth : null;
  const demandEffect = share0 !== null ? share0 * (world.to - world.from) : null;
  const shareEffect = share0 !== null && share1 !== null ? (share1 - share0) * world.to : null;
  return {
    supplier,
    exports0: exports.from,
    exports1: exports.to,
    world0: world.from,
    world1: world.to,
    share0,
    share1,
    supplierGrowth,
    worldGrowth,
    excessGrowth,
    demandEffect,
    shareEffect,
    push:
      shareEffect !== null &&
      shareEffect > 0 &&
      excessGrowth !== null &&
      excessGrowth >= parameters.minExcessGrowth &&
      share1 !== null &&
      share1 >= parameters.minSupplierShare,
  };
}
