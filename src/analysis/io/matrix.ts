/**
 * Sparse square matrices in compressed sparse row (CSR) form, the shape every input-output formula here works
 * on. Input-output systems reach thousands of sectors (OECD ICIO: ~3,500), so no formula builds a dense n×n
 * matrix or an inverse; dense matrices appear only in tests, as the independent check.
 */
export interface Csr {
  readonly n: number;
  /** rowPtr[i]..rowPtr[i+1] index the entries of row i in col/val. */
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** One nonzero entry (row i, column j, value). */
export interface Entry {
  i: number;
  j: number;
  v: number;
}

/** Builds a CSR matrix from entries; duplicates are summed and exact zeros dropped. */
export function csrFromEntries(n: number, entries: Iterable<Entry>): Csr {
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const { i, j, v } of entries) {
    if (i < 0 || i >= n || j < 0 || j >= n)
      throw new RangeError(`entry (${i}, ${j}) outside a ${n}×${n} matrix`);
    if (v === 0) continue;
    const row = rows[i];
    row.set(j, (row.get(j) ?? 0) + v);
  }
  const rowPtr = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    nnz += rows[i].size;
    rowPtr[i + 1] = nnz;
  }
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (const [j, v] of [...rows[i]].sort((a, b) => a[0] - b[0])) {
      col[k] = j;
      val[k] = v;
      k++;
    }
  }
  return { n, rowPtr, col, val };
}

/** A dense row-major n×n array (small tables only) to CSR. */
export function csrFromDense(n: number, dense: ArrayLike<number>): Csr {
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) entries.push({ i, j, v: dense[i * n + j] });
  return csrFromEntries(n, entries);
}

export function toDense(m: Csr): Float64Array {
  const out = new Float64Array(m.n * m.n);
  forEachEntry(m, (i, j, v) => (out[i * m.n + j] = v));
  return out;
}

export function forEachEntry(m: Csr, fn: (i: number, j: number, v: number) => void): void {
  for (let i = 0; i < m.n; i++) for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) fn(i, m.col[k], m.val[k]);
}

/** Same sparsity, each entry replaced by fn(i, j, v). */
export function mapEntries(m: Csr, fn: (i: number, j: number, v: number) => number): Csr {
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < m.n; i++)
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) val[k] = fn(i, m.col[k], m.val[k]);
  return { n: m.n, rowPtr: m.rowPtr, col: m.col, val };
}

export function transpose(m: Csr): Csr {
  const counts = new Int32Array(m.n + 1);
  for (let k = 0; k < m.col.length; k++) counts[m.col[k] + 1]++;
  for (let j = 0; j < m.n; j++) counts[j + 1] += counts[j];
  const rowPtr = counts.slice();
  const next = counts.slice(0, m.n);
  const col = new Int32Array(m.col.length);
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < m.n; i++) {
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      const p = next[m.col[k]]++;
      col[p] = i;
      val[p] = m.val[k];
    }
  }
  return { n: m.n, rowPtr, col, val };
}

/** y = M x */
export function multiply(m: Csr, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) {
    let s = 0;
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) s += m.val[k] * x[m.col[k]];
    y[i] = s;
  }
  return y;
}

/** Row sums M·1. */
export function rowSums(m: Csr): Float64Array {
  return multiply(m, new Float64Array(m.n).fill(1));
}

/** Column sums 1ᵀM. */
export function columnSums(m: Csr): Float64Array {
  const s = new Float64Array(m.n);
  for (let k = 0; k < m.col.length; k++) s[m.col[k]] += m.val[k];
  return s;
}
