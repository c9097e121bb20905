import { mapEntries, type Csr } from './matrix.ts';
import { solveIMinus, type SolveOptions } from './solve.ts';

/**
 * Normalised ("interdependency") matrix of the inoperability input-output model: A* = x̂⁻¹ A x̂, a*_ij = a_ij x_j / x_i
 * (Santos & Haimes 2004, eq. 6).
 */
export function interdependencyMatrix(A: Csr, output: ArrayLike<number>): Csr {
  return mapEntries(A, (i, j, a) => (output[i] > 0 ? (a * output[j]) / output[i] : 0));
}

/**
 * Inoperability q = (I − A*)⁻¹ c* (Haimes & Jiang 2001; Santos & Haimes 2004, eq. 7): q_i ∈ [0, 1] is the fraction
 * of sector i's baseline output lost once a direct perturbation c*_i (a fraction of its output) has spread through
 * its customers' and suppliers' dependencies. Values are capped at 1 (a sector cannot lose more than all).
 */
export function inoperability(
  Astar: Csr,
  perturbation: ArrayLike<number>,
  options?: SolveOptions,
): Float64Array {
  return solveIMinus(Astar, perturbation, options).x.map((q) => Math.min(1, Math.max(0, q)));
}
