/**
 * Revealed technological advantage (RTA; Soete & Wyatt 1983, "The use of foreign patenting as an
 * internationally comparable science and technology output indicator", Scientometrics 5(1)):
 *
 *   RTA_cf = (P_cf / Σ_f P_cf) / (P_wf / Σ_f P_wf),
 *
 * P_cf = country c's patents in field f, w = the world. With a partition of fields, Σ_f P_cf is the country's
 * total; when a field is a subset of the total (USPTO semiconductors ⊂ all utility patents), the caller passes
 * the countries' totals explicitly. RTA > 1: the field weighs more in the country's patenting than in the
 * world's.
 *
 * The world (P_wf and Σ_f P_wf) is, by the standard definition, every application or grant of the office — what
 * the publisher's World row counts (NSF NCSES SINV tables: "World"), which includes economies the table does not
 * list and applications of patent offices (EPO, ARIPO …). Pass it as `world` when the source gives it
 * ("published"). Without it the world is the sum over the countries given ("sum"), which leaves those out:
 * Japan, PCT mechanical engineering 2022, is 1.192 with the published World (9,381 / 48,222 over
 * 43,227 / 264,901) and 1.292 with the sum over the listed economies. Never add a World or region row to the
 * countries: that counts patents twice.
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

/** The world's patents as the publisher counts them: per field (P_wf) and in all fields (Σ_f P_wf). */
export interface PublishedWorld {
  fields: ReadonlyMap<string, number>;
  allFields: number;
}

/**
 * RTA for every country × field. `totals` (country → all-field count) replaces Σ_f P_cf when given; a country
 * without a total, or with a total of 0, gets rta = null (no patents: no revealed advantage either way).
 * `world` replaces the sum over the countries as the world; a field it lacks gets rta = null.
 */
export function rta(
  counts: readonly PatentCount[],
  totals?: ReadonlyMap<string, number>,
  world?: PublishedWorld,
): RtaCell[] {
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
  let pw = 0;
  if (world) pw = world.allFields;
  else for (const t of countryTotal.values()) pw += t;
  return counts.map(({ country, field, count }) => {
    const pc = countryTotal.get(country) ?? 0;
    const pwf = (world ? world.fields.get(field) : fieldTotal.get(field)) ?? 0;
    const value = pc > 0 && pwf > 0 && pw > 0 ? count / pc / (pwf / pw) : null;
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
