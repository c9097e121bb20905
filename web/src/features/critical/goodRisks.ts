import type { Query } from '../../api/client.ts';
import type { CriticalGood, CriticalHsCode, ScreenItem } from './types.ts';

/**
 * Headline risks of each critical good for a reporter and year, from the screen filtered to critical goods:
 * every HS6 code of the good joined to its screen row (null when the reporter imported none of it that year),
 * the good's import value (sum over its codes), how many codes any method flags, and the headline product — the
 * one whose top supplier holds the largest share (ties: larger import value), i.e. the most concentrated source.
 */
export interface ProductRisk {
  code: CriticalHsCode;
  item: ScreenItem | null;
  flaggedBy: string[];
}

export interface GoodRisks {
  good: CriticalGood;
  products: ProductRisk[];
  importValueUsd: number;
  /** Codes flagged by at least one method. */
  flaggedProducts: number;
  headline: ProductRisk | null;
}

export function flaggedMethods(item: ScreenItem | null): string[] {
  return item ? Object.keys(item.flags).filter((m) => item.flags[m]) : [];
}

export function goodRisks(goods: readonly CriticalGood[], items: readonly ScreenItem[]): GoodRisks[] {
  const byCode = new Map(items.map((i) => [i.hs6, i]));
  return goods.map((good) => {
    const products = good.hs.map((code) => {
      const item = byCode.get(code.hs6) ?? null;
      return { code, item, flaggedBy: flaggedMethods(item) };
    });
    let headline: ProductRisk | null = null;
    for (const p of products) {
      if (!p.item || !(p.item.importValueUsd > 0)) continue;
      const h = headline?.item;
      if (
        !h ||
        p.item.topShare > h.topShare ||
        (p.item.topShare === h.topShare && p.item.importValueUsd > h.importValueUsd)
      ) {
        headline = p;
      }
    }
    return {
      good,
      products,
      importValueUsd: products.reduce((sum, p) => sum + (p.item?.importValueUsd ?? 0), 0),
      flaggedProducts: products.filter((p) => p.flaggedBy.length > 0).length,
      headline,
    };
  });
}

/** The editor's rows → the PUT body's codes: trimmed, blank rows dropped; validation is the server's (clear errors). */
export function editedCodes(rows: readonly CriticalHsCode[]): CriticalHsCode[] {
  return rows
    .map((r) => ({ hs6: r.hs6.trim(), match: r.match, note: r.note.trim() }))
    .filter((r) => r.hs6 !== '' || r.note !== '');
}

/** The screen request of the registry page: all critical-goods products of a reporter and year in one page. */
export function criticalScreenQuery(reporter: string, year: number): Query {
  return { reporter, year, critical: 'true', pageSize: 1000, sort: 'importValueUsd' };
}

/**
 * Why a product has no screen row: 'not_in_dataset' when the dataset (an extract of some codes) holds no row of it
 * in any year, else 'not_imported' (also while the dataset's codes are not known).
 */
export function missingReason(
  hs6: string,
  held: ReadonlySet<string> | null,
): 'not_in_dataset' | 'not_imported' {
  return held && !held.has(hs6) ? 'not_in_dataset' : 'not_imported';
}

/** True when none of a good's products is in the dataset, so "no imports" would mislead. */
export function noneInDataset(risk: Pick<GoodRisks, 'products'>, held: ReadonlySet<string> | null): boolean {
  return !!held && risk.products.length > 0 && risk.products.every((p) => !held.has(p.code.hs6));
}
