/**
 * Revealed technological advantage (RTA; Soete & Wyatt 1983, "The use of foreign patenting as an
 * internationally comparable science and technology output indicator", Scientometrics 5(1)):
 *
 *   RTA_cf = (P_cf / P_c) / (P_wf / P_w),  P_c = country c's patents in all fields, P_wf = Σ_c P_cf, P_w = Σ_c P_c.
 *
 * With a partition of fields, P_c = Σ_f P_cf (the textbook form). When a field is a subset of the total (USPTO
 * semiconductors ⊂ all utility patents), the caller passes the countries' totals explicitly. RTA > 1: the field
 * weighs more in the country's patenting than in the world's. The world is the sum over the countries given —
 * never a region or "World" row, which would count patents twice.
 */
export interface PatentCount {
  country: string;
  field: string;
  count: number;
}

export interface RtaCell {
  country: string;
  field: string;
  count: number;
  countryTotal: number;
  rta: number | null;
}

/**
 * RTA for every country × field. `totals` (country → all-field count) replaces Σ_f P_cf when given; a country
 * without a total, or with a total of 0, gets rta = null (no patents: no revealed advantage either way).
 */
export function rta(counts: readonly PatentCount[], totals?: ReadonlyMap<string, number>): RtaCell[] {
  const countryTotal = new Map<string, number>();
  const fieldTotal = new Map<string, number>();
  for (const { country, field, count } of counts) {
    if (!totals) countryTotal.set(country, (countryTotal.get(country) ?? 0) + count);
    fieldTotal.set(field, (fieldTotal.get(field) ?? 0) + count);
  }
  if (totals) {
    for (const { country } of counts)
      if (totals.has(country)) countryTotal.set(country, totals.get(country)!);
  }
  let world = 0;
  for (const t of countryTotal.values()) world += t;
  return counts.map(({ country, field, count }) => {
    const pc = countryTotal.get(country) ?? 0;
    const pwf = fieldTotal.get(field) ?? 0;
    const value = pc > 0 && pwf > 0 && world > 0 ? count / pc / (pwf / world) : null;
    return { country, field, count, countryTotal: pc, rta: value };
  });
}

/**
 * Trend of a series (e.g. a country's RTA by year) as the ordinary least-squares slope per year,
 * b = Σ (t − t̄)(y − ȳ) / Σ (t − t̄)². Points with a null value are left out; fewer than two points → null.
 */
export function slopePerYear(points: readonly { year: number; value: number | null }[]): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    xs.push(p.year);
    ys.push(p.value);
  }
  if (xs.length < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}
