import { ChokepointError } from '../../errors.ts';
import type { AffectedProduct } from './affectedProducts.ts';
import type { Concordance } from './concordance.ts';

/**
 * HS → IO sectors (PRODUCT.md §3.4): each product's unmet imports go to the sector of the input-output table the
 * concordance maps it to, converted from thousand USD to the table's unit (million of its currency):
 * × exchange rate / 1000. Kept per month for ARIO and summed over the horizon for the static models.
 */
export interface SectorShortfall {
  /** Unmet imports per month and sector, table units. */
  byMonth: Float64Array[];
  /** Unmet imports per sector over the horizon, table units. */
  total: Float64Array;
}

/** The sector of every affected product; a product no prefix of the concordance matches is an error. */
export function productSectors(concordance: Concordance, affected: readonly AffectedProduct[]): number[] {
  return affected.map((c) => {
    const sector = concordance.sectorOf(c.product);
    if (sector === undefined) {
      throw new ChokepointError(
        'bad_input',
        `product ${c.product} matches no prefix of concordance ${concordance.id}`,
        {
          field: 'propagation.concordance',
        },
      );
    }
    return sector;
  });
}

export function emptyShortfall(sectors: number, months: number): SectorShortfall {
  return {
    byMonth: Array.from({ length: months }, () => new Float64Array(sectors)),
    total: new Float64Array(sectors),
  };
}

/** Adds one product's monthly unmet imports (thousand USD) to its sector, `toTable` = exchange rate / 1000. */
export function addUnmetImports(
  into: SectorShortfall,
  sector: number,
  unmet: Float64Array,
  months: number,
  toTable: number,
): void {
  for (let t = 0; t < months; t++) {
    if (unmet[t] > 0) {
      into.byMonth[t][sector] += unmet[t] * toTable;
      into.total[sector] += unmet[t] * toTable;
    }
  }
}
