/**
 * Trend of a yearly series by log-linear least squares: ln v_t = a + b·t, annual growth g = e^b − 1.
 * Years with v ≤ 0 cannot be logged and are left out (listed in `skippedYears`); fewer than two usable
 * years give no trend (null growth).
 */
export interface Trend {
  growth: number | null;
  years: number[];
  skippedYears: number[];
}

export function logLinearTrend(series: readonly { year: number; value: number }[]): Trend {
  const used = series.filter((p) => p.value > 0);
  const skippedYears = series.filter((p) => !(p.value > 0)).map((p) => p.year);
  const years = used.map((p) => p.year);
  if (used.length < 2) return { growth: null, years, skippedYears };
  const n = used.length;
  const meanT = years.reduce((a, b) => a + b, 0) / n;
  const logs = used.map((p) => Math.log(p.value));
  const meanY = logs.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (years[i] - meanT) * (logs[i] - meanY);
    sxx += (years[i] - meanT) ** 2;
  }
  return { growth: Math.exp(sxy / sxx) - 1, years, skippedYears };
}
