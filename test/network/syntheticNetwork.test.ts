import { describe, expect, it } from 'vitest';
import {
  supplierName,
  syntheticSubmissionRows,
  syntheticSupplyNetwork,
} from '../../src/data/synth/supplyNetwork.ts';
import { buildSupplyGraph } from '../../src/analysis/network/supplyGraph.ts';
import { validateSubmission, type RawRow } from '../../src/data/network/validateSubmission.ts';

/** The SYNTHETIC multi-company network (bench/networkSpof.ts, `chokepoint network synth`). */
describe('SYNTHETIC supply network', () => {
  const cols = syntheticSupplyNetwork({ companies: 300, edges: 3000, seed: 7, products: 40 });

  it('is deterministic, reaches the edge target and is labelled synthetic', () => {
    const again = syntheticSupplyNetwork({ companies: 300, edges: 3000, seed: 7, products: 40 });
    expect(Array.from(again.share)).toEqual(Array.from(cols.share));
    expect(cols.company.length).toBe(3000);
    expect(cols.companies).toHaveLength(300);
    for (const name of cols.entities.slice(0, 50)) expect(name).toMatch(/ SYNTHETIC$/);
    expect(new Set(cols.entities).size).toBe(cols.entities.length);
    expect(supplierName(0)).not.toBe(supplierName(1));
  });

  it('keeps what intake checks: parents first, shares of one buyer and product ≤ 1', () => {
    for (let e = 0; e < cols.parent.length; e++) expect(cols.parent[e]).toBeLessThan(e);
    const sums = new Map<string, number>();
    for (let e = 0; e < cols.company.length; e++) {
      const key = `${cols.company[e]}/${cols.parent[e]}/${cols.ownProduct[e]}`;
      sums.set(key, (sums.get(key) ?? 0) + cols.share[e]);
    }
    expect(Math.max(...sums.values())).toBeLessThanOrEqual(1 + 1e-9);
    const graph = buildSupplyGraph(cols);
    for (let p = 0; p < graph.products.length; p++)
      expect(graph.known[p]).toBeLessThanOrEqual(graph.productCompanies[p] + 1e-9);
  });

  it("each company's rows pass the submission checks", () => {
    const [first] = syntheticSubmissionRows(cols).values();
    const raw: RawRow[] = first.map((r) => ({
      kind: 'supplier',
      sheet: 'synthetic',
      row: r.row,
      cells: {
        supplier_ref: r.ref,
        tier: String(r.tier),
        via: r.via ?? '',
        supplier_name: r.name,
        supplier_country: r.country,
        product: r.hs6,
        share: String(r.share),
      },
    }));
    expect(validateSubmission(raw).ok).toBe(true);
  });
});
