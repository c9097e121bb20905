/**
 * The seasonal robust z of docs/ews.md recomputed with plain arrays and sorting, independently of the typed-array
 * code in src/analysis/ews/seasonalZ.ts, for tests to check alerts against.
 */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/** z of month t recomputed from its definition (docs/ews.md): seasonal index × trailing level, MAD scale. */
export function independentZ(v: number[], t: number): number {
  const level = (u: number) => (u >= 12 ? v.slice(u - 12, u).reduce((a, b) => a + b, 0) / 12 : NaN);
  // Centred 2×12 moving average around month w (needs w−6 … w+6).
  const centred = (w: number) =>
    (0.5 * v[w - 6] + v.slice(w - 5, w + 6).reduce((a, b) => a + b, 0) + 0.5 * v[w + 6]) / 12;
  const residual = (u: number) => {
    const L = level(u);
    const ratios: number[] = [];
    for (let k = 1; k <= 3; k++) {
      const w = u - 12 * k;
      if (w < 6) break;
      if (centred(w) > 0) ratios.push(v[w] / centred(w));
    }
    if (!(L > 0) || ratios.length === 0) return NaN;
    const B = L * median(ratios);
    const c = 0.05 * L;
    return Math.log((v[u] + c) / (B + c));
  };
  const past = [];
  for (let u = 0; u < t; u++) {
    const e = residual(u);
    if (!Number.isNaN(e)) past.push(Math.abs(e));
  }
  const window = past.slice(-24);
  if (window.length < 12) return NaN;
  const scale = Math.max(1.4826 * median(window), 0.1);
  return residual(t) / scale;
}
