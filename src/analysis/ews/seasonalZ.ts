import { RollingMedian, medianOf3 } from './rollingMedian.ts';

/**
 * Value (or volume) of a month against a seasonal baseline, robust to outliers.
 *
 *   level      L_t = mean(x_{t−12} … x_{t−1})                                   (trailing year)
 *   centred    C_u = (½x_{u−6} + x_{u−5} + … + x_{u+5} + ½x_{u+6}) / 12          (2×12 moving average)
 *   baseline   B_t = L_t · median_k ( x_{t−12k} / C_{t−12k} ),  k = 1…K      (seasonal index, K ≤ 3 years)
 *   residual   e_t = ln((x_t + c_t) / (B_t + c_t)),   c_t = offset · L_t  (keeps zeros finite)
 *   scale      σ_t = max(1.4826 · median(|e_s|, last W residuals before t), minScale)
 *   z          z_t = e_t / σ_t
 *
 * A multiplicative seasonal-index baseline (classical decomposition: ratio to a centred 2×12 moving average,
 * as in X-11's first pass; cf. Cleveland et al. 1990, STL) with a median across years and a MAD scale (Hampel 1974; 1.4826 makes MAD consistent with σ under normality), so that
 * one earlier spike moves neither the baseline nor the scale. Every term uses months before t only (C_u needs x up to u+6 ≤ t−6), so a
 * backtest sees what a scan on that month would have seen. NaN when the history is too short (no level, no
 * same month a year before, fewer than `minResiduals` residuals) or when the trailing year had no trade.
 */
export interface SeasonalParameters {
  /** Years of same-month history in the seasonal index (K). */
  years: number;
  /** Residuals in the scale window (W). */
  scaleWindow: number;
  /** Residuals needed before a z is given. */
  minResiduals: number;
  /** Smallest scale, log units (0.1 ≈ ±10 %), so that a very flat series does not alert on noise. */
  minScale: number;
  /** Offset as a share of the trailing-year level (c_t = offset · L_t). */
  offset: number;
}

export const defaultSeasonalParameters: SeasonalParameters = {
  years: 3,
  scaleWindow: 24,
  minResiduals: 12,
  minScale: 0.1,
  offset: 0.05,
};

const MAD_TO_SIGMA = 1.4826;

/** Scratch space reused across series (no allocation per series). */
export class SeasonalWork {
  readonly level: Float64Array;
  readonly centred: Float64Array;
  readonly residual: Float64Array;
  readonly abs: RollingMedian;
  constructor(months: number, p: SeasonalParameters) {
    this.level = new Float64Array(months);
    this.centred = new Float64Array(months);
    this.residual = new Float64Array(months);
    this.abs = new RollingMedian(p.scaleWindow);
  }
}

/**
 * Computes z (and the baseline B and scale σ, to draw thresholds) for x[off … off+T) into the same offsets of
 * the outputs. `expected` and `scale` may be null when not needed. z and σ are computed from month `from` on
 * (NaN before): a scan of recent months does not pay for the scale of every past month.
 */
export function seasonalZ(
  x: Float64Array,
  off: number,
  months: number,
  p: SeasonalParameters,
  work: SeasonalWork,
  z: Float64Array,
  expected: Float64Array | null,
  scale: Float64Array | null,
  from = 0,
): void {
  const level = work.level;
  const abs = work.abs;
  abs.reset();
  // Trailing-year level L_t; NaN until 12 months exist or when a NaN is in the window.
  let sum = 0;
  let nans = 0;
  for (let t = 0; t < months; t++) {
    if (t >= 12) level[t] = nans > 0 ? NaN : sum / 12;
    else level[t] = NaN;
    const v = x[off + t];
    if (v === v) sum += v;
    else nans++;
    if (t >= 12) {
      const old = x[off + t - 12];
      if (old === old) sum -= old;
      else nans--;
    }
  }
  // Centred 2×12 moving average C_u, defined for 6 ≤ u ≤ T−7 (NaN if any month in its span is NaN).
  const centred = work.centred;
  centred.fill(NaN);
  if (months >= 13) {
    // Running sum of the 11 inner months x_{u−5} … x_{u+5} (NaN propagates, as it should).
    let inner = 0;
    for (let j = 1; j <= 11; j++) inner += x[off + j];
    for (let u = 6; u + 6 < months; u++) {
      centred[u] = (inner + 0.5 * (x[off + u - 6] + x[off + u + 6])) / 12;
      inner += x[off + u + 6] - x[off + u - 5];
    }
  }
  const K = p.years;
  const residual = work.residual;
  const residualAt = (t: number): number => {
    const L = level[t];
    let ratio1 = NaN;
    let ratio2 = NaN;
    let ratio3 = NaN;
    for (let k = 1; k <= K && k <= 3; k++) {
      const u = t - 12 * k;
      if (u < 6) break;
      const Lu = centred[u];
      const xu = x[off + u];
      if (!(Lu > 0) || xu !== xu) continue;
      if (k === 1) ratio1 = xu / Lu;
      else if (k === 2) ratio2 = xu / Lu;
      else ratio3 = xu / Lu;
    }
    const B = L * medianOf3(ratio1, ratio2, ratio3);
    if (expected) expected[off + t] = B;
    const xt = x[off + t];
    if (!(L > 0) || B !== B || xt !== xt) return NaN;
    const c = p.offset * L;
    return Math.log((xt + c) / (B + c));
  };
  // Scale and z from month `from` on. Residuals are computed from `from` on, and backwards from it only until
  // the scale window is full, so a scan of the latest month does not pay for the whole history.
  const start = from < 0 ? 0 : from;
  let first = start;
  for (let n = 0; first > 0 && n < p.scaleWindow;) {
    first--;
    const e = residualAt(first);
    residual[first] = e;
    if (e === e) n++;
  }
  if (expected) for (let t = 0; t < first; t++) expected[off + t] = NaN;
  for (let t = start; t < months; t++) residual[t] = residualAt(t);
  for (let t = first; t < start; t++) {
    const e = residual[t];
    if (e === e) abs.push(e < 0 ? -e : e);
  }
  for (let t = 0; t < start; t++) {
    z[off + t] = NaN;
    if (scale) scale[off + t] = NaN;
  }
  for (let t = start; t < months; t++) {
    const e = residual[t];
    let sigma = NaN;
    if (abs.count >= p.minResiduals) {
      sigma = MAD_TO_SIGMA * abs.median();
      if (sigma < p.minScale) sigma = p.minScale;
    }
    z[off + t] = e / sigma;
    if (scale) scale[off + t] = sigma;
    if (e === e) abs.push(e < 0 ? -e : e);
  }
}
