import { ChokepointError } from '../../errors.ts';
import { transpose, type Csr } from './matrix.ts';

export interface SolveOptions {
  /** Stop when the largest change of an unknown, relative to the largest unknown, falls below this. */
  tolerance?: number;
  maxIterations?: number;
}

export interface SolveResult {
  x: Float64Array;
  iterations: number;
  /** max |x_k − x_{k−1}| / max |x_k| at the last sweep. */
  residual: number;
}

/**
 * Solves (I − M) x = b by Gauss–Seidel sweeps over the rows of a sparse M:
 *   x_i ← (b_i + Σ_{j≠i} m_ij x_j) / (1 − m_ii).
 * For an input-output coefficient matrix (m_ij ≥ 0, spectral radius < 1) I − M is a nonsingular M-matrix, so the
 * regular splitting converges (Varga, Matrix Iterative Analysis, 1962, Thm 3.13) at least as fast as the power
 * series x = Σ_k Mᵏ b (Miller & Blair, Input-Output Analysis, 2009, §2.4). No inverse is formed.
 */
export function solveIMinus(m: Csr, b: ArrayLike<number>, options: SolveOptions = {}): SolveResult {
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10_000;
  const n = m.n;
  const x = Float64Array.from(b);
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) if (m.col[k] === i) diag[i] += m.val[k];
    if (diag[i] >= 1) {
      throw new ChokepointError(
        'bad_input',
        `sector ${i + 1} uses at least its whole output as its own input (coefficient ${diag[i]}); I − A is singular`,
        { field: `A[${i}][${i}]` },
      );
    }
  }
  let residual = Infinity;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let change = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      // Σ over the whole row, then take the diagonal term back out (no branch in the inner loop).
      let s = b[i] - diag[i] * x[i];
      for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) s += m.val[k] * x[m.col[k]];
      const xi = s / (1 - diag[i]);
      change = Math.max(change, Math.abs(xi - x[i]));
      size = Math.max(size, Math.abs(xi));
      x[i] = xi;
    }
    if (!Number.isFinite(change)) break;
    residual = size > 0 ? change / size : change;
    if (residual <= tolerance) return { x, iterations: iteration, residual };
  }
  throw new ChokepointError(
    'bad_input',
    `the input-output system did not converge (relative change ${residual.toExponential(2)} after ${maxIterations} sweeps): the coefficient matrix has spectral radius ≥ 1 — check that inputs do not exceed output`,
    { field: 'A' },
  );
}

/** Solves (I − M)ᵀ x = b, i.e. x = (I − M)⁻ᵀ b, by the same sweeps on Mᵀ. */
export function solveIMinusTransposed(m: Csr, b: ArrayLike<number>, options: SolveOptions = {}): SolveResult {
  return solveIMinus(transpose(m), b, options);
}
