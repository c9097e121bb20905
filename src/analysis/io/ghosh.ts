import { solveIMinus, solveIMinusTransposed, type SolveOptions } from './solve.ts';
import type { Csr } from './matrix.ts';

/**
 * Supply-driven (Ghosh 1958) model: with allocation coefficients B = x̂⁻¹Z, output follows primary inputs as
 * xᵀ = vᵀ(I − B)⁻¹ (Miller & Blair 2009, §12.1). Solved as (I − B)ᵀ x = v without forming the Ghosh inverse.
 * Read as a price/availability model (Dietzenbacher 1997): a cut Δv of primary inputs (e.g. lost imports)
 * reaches the using sectors downstream.
 */
export function ghoshOutput(B: Csr, primaryInputs: ArrayLike<number>, options?: SolveOptions): Float64Array {
  return solveIMinusTransposed(B, primaryInputs, options).x;
}

/** Supply (forward-linkage) multipliers: row sums of G = (I − B)⁻¹, solving (I − B) g = 1. */
export function ghoshMultipliers(B: Csr, options?: SolveOptions): Float64Array {
  return solveIMinus(B, new Float64Array(B.n).fill(1), options).x;
}
