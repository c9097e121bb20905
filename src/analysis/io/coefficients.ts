import { mapEntries, type Csr } from './matrix.ts';
import type { IoTable } from './table.ts';

/**
 * Technical coefficients A = Z x̂⁻¹, a_ij = z_ij / x_j (Leontief 1936; pymrio `calc_A`).
 * A sector with zero output gets zero coefficients.
 */
export function technicalCoefficients(Z: Csr, output: ArrayLike<number>): Csr {
  return mapEntries(Z, (_i, j, z) => (output[j] > 0 ? z / output[j] : 0));
}

/** Allocation coefficients B = x̂⁻¹ Z, b_ij = z_ij / x_i (Ghosh 1958; pymrio `calc_B`). */
export function allocationCoefficients(Z: Csr, output: ArrayLike<number>): Csr {
  return mapEntries(Z, (i, _j, z) => (output[i] > 0 ? z / output[i] : 0));
}

/**
 * Import coefficients m̂_i = m_i / (Σ_j z_ij + f_i): the share of domestic demand for product i (intermediate and
 * final, exports excluded) met by imports — the competitive-import treatment of the Japanese tables
 * (MIC, 産業連関表 総合解説編, 輸入係数; Miller & Blair 2009, §2.6.2).
 */
export function importCoefficients(table: IoTable): Float64Array {
  const { Z } = table;
  const m = new Float64Array(Z.n);
  for (let i = 0; i < Z.n; i++) {
    let demand = table.finalDemand[i];
    for (let k = Z.rowPtr[i]; k < Z.rowPtr[i + 1]; k++) demand += Z.val[k];
    m[i] = demand > 0 ? Math.min(1, Math.max(0, table.imports[i] / demand)) : 0;
  }
  return m;
}

/** Domestic coefficients A_d = (I − M̂) A: the part of each input bought from domestic producers. */
export function domesticCoefficients(A: Csr, importCoefficient: ArrayLike<number>): Csr {
  return mapEntries(A, (i, _j, a) => (1 - importCoefficient[i]) * a);
}

/** Value-added coefficients v_j = va_j / x_j. */
export function valueAddedCoefficients(table: IoTable): Float64Array {
  return table.valueAdded.map((v, j) => (table.output[j] > 0 ? v / table.output[j] : 0));
}
