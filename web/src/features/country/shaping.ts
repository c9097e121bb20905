import type { PartnerSupply } from './types.ts';

/**
 * Where the reporter is most exposed to the partner: the products with the highest share from the partner
 * (ties: larger value from the partner first), leaving out flows below `minValueUsd` so that a tiny trade at
 * 100 % does not crowd out the dependencies that matter.
 */
export function mostExposed(items: readonly PartnerSupply[], limit = 15, minValueUsd = 0): PartnerSupply[] {
  return items
    .filter((i) => i.valueUsd >= minValueUsd)
    .sort((a, b) => b.share - a.share || b.valueUsd - a.valueUsd || a.hs6.localeCompare(b.hs6))
    .slice(0, limit);
}

export type SupplyFlag = 'top' | 'majority' | 'critical';

/** The markers a product row carries: the partner is its top supplier, supplies a majority, it is a critical good. */
export function supplyFlags(item: PartnerSupply): SupplyFlag[] {
  const flags: SupplyFlag[] = [];
  if (item.rank === 1) flags.push('top');
  if (item.majority) flags.push('majority');
  if (item.critical.length > 0) flags.push('critical');
  return flags;
}

/** Share of the partner in the value of the listed products (the exposed subset), Σ from partner / Σ imports. */
export function partnerShareOf(items: readonly PartnerSupply[]): number | null {
  const total = items.reduce((sum, i) => sum + i.importValueUsd, 0);
  return total > 0 ? items.reduce((sum, i) => sum + i.valueUsd, 0) / total : null;
}
