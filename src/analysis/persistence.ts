/**
 * Persistence: in how many of the last m years a criterion held (CEPII Policy Brief 47, 2024: a dependency
 * counts when it holds in 2 of the last 3 years). Years without data count as "not met"; `years` lists the
 * window so the reader sees which years were looked at.
 */
export interface Persistence {
  met: number;
  of: number;
  years: number[];
  metYears: number[];
}

export function persistence(metByYear: ReadonlyMap<number, boolean>, lastYear: number, m: number): Persistence {
  const years: number[] = [];
  const metYears: number[] = [];
  for (let year = lastYear - m + 1; year <= lastYear; year++) {
    years.push(year);
    if (metByYear.get(year)) metYears.push(year);
  }
  return { met: metYears.length, of: m, years, metYears };
}
