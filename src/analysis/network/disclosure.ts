/**
 * What a reader who is neither the ministry nor the submitting company may see of an analysis over companies'
 * submissions (docs/network.md § Confidentiality): cells of at least k = 3 contributing companies, and nothing
 * from which a smaller cell can be recovered.
 *
 * 1. Threshold rule: a cell (a node × product row) is shown only when ≥ k distinct companies contribute.
 * 2. Complementary suppression: the shown cells' values and the product's known total would let a reader
 *    subtract the shown cells from the whole and recover the hidden remainder; so the remainder must itself come
 *    from ≥ k companies. While the companies behind all hidden cells number 1 … k − 1, the shown cell with the
 *    smallest value (then the fewest companies, then the key) is hidden too (Hundepool et al., "Statistical
 *    Disclosure Control", Wiley 2012, §4.2–4.4: threshold rule and secondary suppression).
 * 3. Hidden cells are left out, never listed as "suppressed": their number is a count of small cells.
 * 4. The caller applies any minimum-share filter after this (the filter hides more but never reveals less) and
 *    sorts only by what is shown.
 */
export const minCompanies = 3;

export interface DisclosureCell {
  key: string;
  value: number;
  /** Distinct contributing companies (indices). */
  contributors: readonly number[];
}

export function disclosableCells<T extends DisclosureCell>(cells: readonly T[], k = minCompanies): T[] {
  const shown = cells.filter((c) => c.contributors.length >= k);
  const hiddenCompanies = new Set<number>();
  for (const c of cells)
    if (c.contributors.length < k) for (const x of c.contributors) hiddenCompanies.add(x);
  // Smallest first: the cells given up to protect the remainder.
  shown.sort(
    (a, b) =>
      a.value - b.value || a.contributors.length - b.contributors.length || a.key.localeCompare(b.key),
  );
  while (hiddenCompanies.size > 0 && hiddenCompanies.size < k && shown.length > 0) {
    const given = shown.shift()!;
    for (const x of given.contributors) hiddenCompanies.add(x);
  }
  const kept = new Set(shown.map((c) => c.key));
  return cells.filter((c) => kept.has(c.key));
}

/** A product total (companies, known supply) is shown only when ≥ k companies report the product. */
export function disclosableTotal(companies: number, k = minCompanies): boolean {
  return companies >= k;
}
