import type { Csr } from './matrix.ts';

/** A sector (or product) of an input-output table, labelled in both languages. */
export interface IoSector {
  code: string;
  en: string;
  ja: string;
}

/**
 * A competitive-import input-output table (Miller & Blair 2009, §2.6; the Japanese national tables' layout):
 * row i of Z is product i delivered to each using sector j, imports of product i appear as one (negative,
 * "less imports") column, so each row balances as Σ_j z_ij + f_i + e_i − m_i = x_i and each column as
 * Σ_i z_ij + v_j = x_j. A multi-region table (OECD ICIO) fits the same shape with m = e = 0.
 */
export interface IoTable {
  sectors: IoSector[];
  /** Intermediate flows z_ij (row: supplying product i, column: using sector j). */
  Z: Csr;
  /** Domestic final demand per product (consumption, investment, stock changes; excluding exports). */
  finalDemand: Float64Array;
  exports: Float64Array;
  /** Imports per product, positive (the table's "less imports" columns with the sign turned). */
  imports: Float64Array;
  /** Value added (primary inputs) per using sector. */
  valueAdded: Float64Array;
  /** Total output x_j = column total. */
  output: Float64Array;
  /** e.g. 'million JPY', 'million USD'. */
  unit: string;
}

/** Row totals Σ_j z_ij + f_i + e_i − m_i (should equal the output of product i). */
export function rowTotals(table: IoTable): Float64Array {
  const { Z } = table;
  const out = new Float64Array(Z.n);
  for (let i = 0; i < Z.n; i++) {
    let s = 0;
    for (let k = Z.rowPtr[i]; k < Z.rowPtr[i + 1]; k++) s += Z.val[k];
    out[i] = s + table.finalDemand[i] + table.exports[i] - table.imports[i];
  }
  return out;
}

/** Column totals Σ_i z_ij + v_j. */
export function columnTotals(table: IoTable): Float64Array {
  const { Z } = table;
  const out = Float64Array.from(table.valueAdded);
  for (let k = 0; k < Z.col.length; k++) out[Z.col[k]] += Z.val[k];
  return out;
}
