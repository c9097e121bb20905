import { domesticCoefficients, importCoefficients, technicalCoefficients } from './coefficients.ts';
import { outputMultipliers } from './leontief.ts';
import type { IoTable } from './table.ts';

/**
 * The output multipliers of a competitive-import table in both import treatments: column sums of (I − A)⁻¹
 * ("closed": imports treated as if produced at home) and of [I − (I − M̂)A]⁻¹ ("open": imports leak out of the
 * domestic chain), Miller & Blair (2009) §2.6 and §6.2. Solved iteratively; no inverse is formed.
 */
export function outputMultiplierTable(table: IoTable): {
  sectors: { code: string; en: string; ja: string }[];
  outputMultiplier: { closed: number[]; open: number[] };
} {
  const A = technicalCoefficients(table.Z, table.output);
  const Ad = domesticCoefficients(A, importCoefficients(table));
  return {
    sectors: table.sectors.map((s) => ({ code: s.code, en: s.en, ja: s.ja })),
    outputMultiplier: { closed: [...outputMultipliers(A)], open: [...outputMultipliers(Ad)] },
  };
}
