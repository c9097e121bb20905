import type { RollingMedian } from './rollingMedian.ts';

/**
 * Unit-value spike: uv_t = value_t / quantity_t, compared with the median unit value of the previous `window`
 * months that had a quantity: ratio_t = uv_t / median(uv_{t−w} … uv_{t−1}). A price rise at the border
 * (or a change of grade) shows here before it shows in volumes (unit values as price proxies: PRODUCT.md §3.2).
 * NaN without a quantity this month or fewer than half the window in history.
 */
export function unitValueRatio(
  value: Float64Array,
  quantity: Float64Array,
  off: number,
  months: number,
  median: RollingMedian,
  out: Float64Array,
  from = 0,
): void {
  median.reset();
  const needed = Math.ceil(median.window / 2);
  const start = from < 0 ? 0 : from;
  // Fill the window with the unit values just before `from`, then roll.
  let first = start;
  for (let n = 0; first > 0 && n < median.window;) {
    first--;
    if (quantity[off + first] > 0 && value[off + first] > 0) n++;
  }
  for (let t = first; t < start; t++) {
    const q = quantity[off + t];
    const v = value[off + t];
    if (q > 0 && v > 0) median.push(v / q);
  }
  for (let t = start; t < months; t++) {
    const i = off + t;
    const q = quantity[i];
    const v = value[i];
    const uv = q > 0 && v > 0 ? v / q : NaN;
    out[i] = uv === uv && median.count >= needed ? uv / median.median() : NaN;
    if (uv === uv) median.push(uv);
  }
}
