/**
 * Partner shares of a total: s_p = M_p / Σ_q M_q (PRODUCT.md §3.2). Zero or negative totals have no shares:
 * an empty array of shares is returned for an empty input, and all zeros when nothing was traded.
 */
export function shares(values: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  const out = new Float64Array(values.length);
  if (total <= 0) return out;
  for (let i = 0; i < values.length; i++) out[i] = values[i] / total;
  return out;
}
