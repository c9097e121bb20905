import { solveIMinus, solveIMinusTransposed, type SolveOptions } from './solve.ts';
import type { Csr } from './matrix.ts';

/**
 * Output multipliers: column sums of the Leontief inverse L = (I − A)⁻¹, m_j = Σ_i l_ij (Miller & Blair 2009,
 * §6.2.1) — the output of all sectors needed per unit of final demand for j. Computed as the solution of
 * (I − A)ᵀ m = 1 (since 1ᵀL = mᵀ), never forming L.
 * With A the total coefficients this is the "closed" (import-inclusive) multiplier; with the domestic
 * coefficients (I − M̂)A it is the "open" multiplier [I − (I − M̂)A]⁻¹ of a competitive-import table.
 */
export function outputMultipliers(A: Csr, options?: SolveOptions): Float64Array {
  return solveIMinusTransposed(A, new Float64Array(A.n).fill(1), options).x;
}

/** Demand-driven output x = (I − A)⁻¹ y (pymrio `calc_x_from_L`), by iteration. */
export function leontiefOutput(A: Csr, finalDemand: ArrayLike<number>, options?: SolveOptions): Float64Array {
  return solveIMinus(A, finalDemand, options).x;
}
