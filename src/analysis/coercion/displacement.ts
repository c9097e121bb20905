import { hhi } from '../hhi.ts';
import { defaultCoercionParameters, type CoercionParameters } from './parameters.ts';

/**
 * Trade a coercer could cut, and how replaceable it is — one computation for both directions:
 * - exports: the reporter's sales to the coercer (an import ban) against the rest of the world's imports;
 * - imports: the reporter's purchases from the coercer (an export cut) against the rest of the world's exports.
 *
 * With F the reporter's flows of the product by partner (flows between its own members left out), W the world's
 * flows on the other side of the market by country (world imports by importer, or world exports by exporter),
 * C the coercer's members and R the reporter's:
 *
 *   coercerShare        s_C = F_C / Σ F                     reliance on the coercer
 *   alternative         A   = Σ_{j ∉ C ∪ R} W_j              the market elsewhere
 *   open                A_o = max(0, A − F_alt)              what the reporter does not already trade there
 *   absorption          a   = F_C / A_o                      the share of the open market to win to replace C
 *   alternativeHhi          = Σ_j (W_j / A)²,  j ∉ C ∪ R     a few large alternatives are harder to turn to
 *   coercerMarketShare      = W_C / Σ_j W_j                  the coercer's weight on that side of the market
 *
 * Flags: reliant when s_C ≥ minCoercerShare; hardToReplace when the reporter trades with the coercer at all and
 * a ≥ maxAbsorption, the alternatives' HHI ≥ maxAlternativeHhi, or nothing is open.
 */
export interface DisplacementInput {
  /** The reporter's flows of the product by partner. */
  flows: ReadonlyMap<string, number>;
  /** The world's flows on the other side of the market, by country. */
  market: ReadonlyMap<string, number>;
  coercer: ReadonlySet<string>;
  reporter: ReadonlySet<string>;
}

export interface Displacement {
  total: number;
  withCoercer: number;
  coercerShare: number | null;
  alternative: number;
  open: number;
  absorption: number | null;
  alternativeHhi: number | null;
  coercerMarketShare: number | null;
  reliant: boolean;
  hardToReplace: boolean;
}

export function displacement(
  input: DisplacementInput,
  parameters: CoercionParameters = defaultCoercionParameters,
): Displacement {
  let total = 0;
  let withCoercer = 0;
  let withAlternatives = 0;
  for (const [partner, v] of input.flows) {
    if (!(v > 0)) continue;
    total += v;
    if (input.coercer.has(partner)) withCoercer += v;
    else if (!input.reporter.has(partner)) withAlternatives += v;
  }
  const alternatives: number[] = [];
  let alternative = 0;
  let coercerSide = 0;
  let world = 0;
  for (const [country, v] of input.market) {
    if (!(v > 0)) continue;
    world += v;
    if (input.coercer.has(country)) coercerSide += v;
    else if (!input.reporter.has(country)) {
      alternatives.push(v);
      alternative += v;
    }
  }
  const open = Math.max(0, alternative - withAlternatives);
  const coercerShare = total > 0 ? withCoercer / total : null;
  const absorption = open > 0 ? withCoercer / open : null;
  const alternativeHhi = alternative > 0 ? hhi(alternatives.map((v) => v / alternative)) : null;
  return {
    total,
    withCoercer,
    coercerShare,
    alternative,
    open,
    absorption,
    alternativeHhi,
    coercerMarketShare: world > 0 ? coercerSide / world : null,
    reliant: coercerShare !== null && coercerShare >= parameters.minCoercerShare,
    hardToReplace:
      withCoercer > 0 &&
      (absorption === null ||
        absorption >= parameters.maxAbsorption ||
        (alternativeHhi !== null && alternativeHhi >= parameters.maxAlternativeHhi)),
  };
}
