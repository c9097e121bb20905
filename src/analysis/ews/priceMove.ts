import { RollingMedian } from './rollingMedian.ts';

/**
 * Commodity price moves, month by month:
 *   priceChange3m_t = p_t / p_{t−3} − 1
 *   priceZ_t        = r_t / (1.4826 · median|r_s|, the 36 months before t),  r_t = ln(p_t / p_{t−1})
 * A robust z of the monthly log return: a jump far outside the series' own usual monthly moves (World Bank
 * Pink Sheet prices are monthly averages, so one month's return is already smoothed). NaN where history is short.
 */
export interface PriceIndicators {
  priceChange3m: Float64Array;
  priceZ: Float64Array;
}

export function priceMoves(prices: Float64Array, out: PriceIndicators, window = 36, minReturns = 12): void {
  const n = prices.length;
  const abs = new RollingMedian(window);
  for (let t = 0; t < n; t++) {
    const p = prices[t];
    const p3 = t >= 3 ? prices[t - 3] : NaN;
    out.priceChange3m[t] = p > 0 && p3 > 0 ? p / p3 - 1 : NaN;
    const p1 = t >= 1 ? prices[t - 1] : NaN;
    const r = p > 0 && p1 > 0 ? Math.log(p / p1) : NaN;
    let sigma = NaN;
    if (abs.count >= minReturns) sigma = Math.max(1.4826 * abs.median(), 0.005);
    out.priceZ[t] = r / sigma;
    if (r === r) abs.push(Math.abs(r));
  }
}
