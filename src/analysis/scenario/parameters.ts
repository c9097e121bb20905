import type { ScenarioDefinition } from './definition.ts';
import type { AffectedProduct } from './affectedProducts.ts';
import { draw, midpoint, type Range } from './random.ts';

/**
 * The uncertain parameters of one run (PRODUCT.md §3.4, Monte Carlo): the central run takes every range at its
 * midpoint; each draw takes them uniformly from their ranges with the seeded generator, in a fixed order (shares,
 * durations, substitution share, ramp-up, inventory days, then the stock cover of each product in product order)
 * so that the same seed gives the same ranges.
 */
export interface Parameters {
  /** Share cut and duration, by shock. */
  share: number[];
  duration: number[];
  substitutionShare: number;
  rampUp: number;
  /** Stock cover in days, by affected product index. */
  stockDays: Float64Array;
  inventoryDays: number;
}

/** Days of stock cover of each affected product: its own entry, or the default. */
export function stockRanges(definition: ScenarioDefinition, affected: readonly AffectedProduct[]): Range[] {
  const stockRange = (product: string): Range =>
    definition.stockpiles.products[product] ?? definition.stockpiles.defaultDays;
  return affected.map((c) => stockRange(c.product));
}

export function centralParameters(definition: ScenarioDefinition, stock: readonly Range[]): Parameters {
  return {
    share: definition.shocks.map((s) => midpoint(s.share)),
    duration: definition.shocks.map((s) => midpoint(s.duration)),
    substitutionShare: midpoint(definition.substitution.share),
    rampUp: midpoint(definition.substitution.rampUp),
    stockDays: Float64Array.from(stock, midpoint),
    inventoryDays: midpoint(definition.propagation.inventoryDays),
  };
}

export function drawParameters(
  definition: ScenarioDefinition,
  stock: readonly Range[],
  random: () => number,
): Parameters {
  const params: Parameters = {
    share: definition.shocks.map((s) => draw(s.share, random)),
    duration: definition.shocks.map((s) => draw(s.duration, random)),
    substitutionShare: draw(definition.substitution.share, random),
    rampUp: draw(definition.substitution.rampUp, random),
    stockDays: new Float64Array(stock.length),
    inventoryDays: draw(definition.propagation.inventoryDays, random),
  };
  // One draw of the stock cover per product and run, taken in product order so runs repeat exactly.
  for (let k = 0; k < stock.length; k++) params.stockDays[k] = draw(stock[k], random);
  return params;
}
