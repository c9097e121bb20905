import type { IoTable } from '../io/table.ts';
import type { Csr } from '../io/matrix.ts';
import {
  allocationCoefficients,
  domesticCoefficients,
  importCoefficients,
  technicalCoefficients,
  valueAddedCoefficients,
} from '../io/coefficients.ts';
import { leontiefOutput } from '../io/leontief.ts';
import { ghoshOutput } from '../io/ghosh.ts';
import { inoperability, interdependencyMatrix } from '../io/inoperability.ts';
import { simulateArio, type ArioResult } from '../io/ario.ts';

/** The table's coefficients, computed once per scenario run. */
export interface PreparedTable {
  table: IoTable;
  A: Csr;
  Ad: Csr;
  Bd: Csr;
  AdStar: Csr;
  importCoefficient: Float64Array;
  valueAddedCoefficient: Float64Array;
  /** Domestic demand per product, Σ_j z_ij + f_i (the base of import coefficients). */
  domesticDemand: Float64Array;
  domesticFinalDemand: Float64Array;
}

export function prepareTable(table: IoTable): PreparedTable {
  const A = technicalCoefficients(table.Z, table.output);
  const m = importCoefficients(table);
  const Ad = domesticCoefficients(A, m);
  const Zd = domesticCoefficients(table.Z, m); // (I − M̂)Z: domestic flows
  const domesticDemand = Float64Array.from(table.finalDemand);
  for (let i = 0; i < table.Z.n; i++) {
    for (let k = table.Z.rowPtr[i]; k < table.Z.rowPtr[i + 1]; k++) domesticDemand[i] += table.Z.val[k];
  }
  return {
    table,
    A,
    Ad,
    Bd: allocationCoefficients(Zd, table.output),
    AdStar: interdependencyMatrix(Ad, table.output),
    importCoefficient: m,
    valueAddedCoefficient: valueAddedCoefficients(table),
    domesticDemand,
    domesticFinalDemand: table.finalDemand.map((f, i) => (1 - m[i]) * f + table.exports[i]),
  };
}

export interface StaticPropagation {
  /** Direct inoperability c*_j: the share of sector j's output over the horizon it cannot make. */
  direct: Float64Array;
  /** Leontief (backward, demand-driven) output loss Δx = (I − A_d)⁻¹ d, d = c* ∘ x over the horizon. */
  leontief: Float64Array;
  /** Inoperability q = (I − A*)⁻¹ c* (Santos & Haimes 2004), 0–1. */
  inoperability: Float64Array;
  /** Ghosh (forward, supply-driven, value-based) output loss Δxᵀ = Δvᵀ(I − B_d)⁻¹ with Δv the lost imported inputs. */
  ghosh: Float64Array;
}

/**
 * Static propagation of unmet imports over a horizon of `months`. Lost imports of product s (table units,
 * summed over the horizon) are shared among its users in proportion to their domestic demand, so each user of s
 * gets the same fraction ΔM_s / (D_s · months/12) less of it; with fixed proportions (Leontief production) sector j
 * loses the largest such fraction among its inputs: c*_j = max_{s: a_sj > 0} ΔM_s / (D_s · months/12).
 */
export function propagateStatic(
  prepared: PreparedTable,
  lostImports: ArrayLike<number>,
  months: number,
): StaticPropagation {
  const { table, A } = prepared;
  const n = table.Z.n;
  const years = months / 12;
  const shortFraction = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const base = prepared.domesticDemand[s] * years;
    shortFraction[s] = base > 0 ? Math.min(1, lostImports[s] / base) : 0;
  }
  const direct = new Float64Array(n);
  const lostInputs = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let k = A.rowPtr[s]; k < A.rowPtr[s + 1]; k++) {
      const j = A.col[k];
      direct[j] = Math.max(direct[j], shortFraction[s]);
      lostInputs[j] += shortFraction[s] * table.Z.val[k] * years;
    }
  }
  const d = direct.map((c, j) => c * table.output[j] * years);
  return {
    direct,
    leontief: leontiefOutput(prepared.Ad, d),
    inoperability: inoperability(prepared.AdStar, direct),
    ghosh: ghoshOutput(prepared.Bd, lostInputs),
  };
}

/**
 * The day-by-day ARIO run: monthly unmet imports of each product (table units) become daily shortfall fractions
 * δ_s = unmet_s(month) / (imports_s / 12), applied to imported deliveries.
 */
export function propagateDynamic(
  prepared: PreparedTable,
  unmetByMonth: Float64Array[],
  inventoryDays: number,
): ArioResult {
  const { table } = prepared;
  const n = table.Z.n;
  const months = unmetByMonth.length;
  const daysPerMonth = 365 / 12;
  const shortfallByMonth = unmetByMonth.map((u) =>
    Float64Array.from({ length: n }, (_, s) =>
      table.imports[s] > 0 ? Math.min(1, u[s] / (table.imports[s] / 12)) : 0,
    ),
  );
  return simulateArio(
    {
      A: prepared.A,
      importCoefficient: prepared.importCoefficient,
      output: table.output,
      valueAddedCoefficient: prepared.valueAddedCoefficient,
      domesticFinalDemand: prepared.domesticFinalDemand,
      days: Math.round(months * daysPerMonth),
      importShortfall: (day) => shortfallByMonth[Math.min(months - 1, Math.floor(day / daysPerMonth))],
    },
    { inventoryDays },
  );
}

/** Total output relative to baseline per day, output-weighted: R(d) = Σ_j r_j(d) x_j / Σ_j x_j. */
export function totalRelativeOutput(ario: ArioResult, output: ArrayLike<number>): Float64Array {
  const n = output.length;
  let total = 0;
  for (let j = 0; j < n; j++) total += output[j];
  const totalRelative = new Float64Array(ario.days);
  for (let d = 0; d < ario.days; d++) {
    let x = 0;
    for (let j = 0; j < n; j++) x += ario.relativeOutput[d * n + j] * output[j];
    totalRelative[d] = x / total;
  }
  return totalRelative;
}
