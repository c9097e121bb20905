/**
 * Share of a total coming from the members of a group: Σ_{p ∈ G} M_p / Σ_p M_p, e.g. imports from countries of
 * concern (懸念国) or from like-minded countries (同志国) — both user-editable groups (PRODUCT.md §3.2).
 */
export interface PartnerValue {
  partner: string;
  value: number;
}

export function groupShare(rows: readonly PartnerValue[], group: ReadonlySet<string>): number {
  let total = 0;
  let inGroup = 0;
  for (const row of rows) {
    total += row.value;
    if (group.has(row.partner)) inGroup += row.value;
  }
  return total > 0 ? inGroup / total : 0;
}
