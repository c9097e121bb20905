import { describe, expect, it } from 'vitest';
import { ownershipGraphOf } from '../../src/analysis/ownership/ownershipGraph.ts';
import { ownersOf, resolveUltimateOwners } from '../../src/analysis/ownership/ultimateOwners.ts';
import { ownershipPaths } from '../../src/analysis/ownership/ownershipPaths.ts';

/** Builds a graph from "owner>owned:share" strings over named entities; share "?" = control without a share. */
function graphOf(names: string[], links: string[]) {
  const at = (n: string) => {
    const i = names.indexOf(n);
    if (i < 0) throw new Error(`unknown ${n}`);
    return i;
  };
  const rows = links.map((l) => {
    const [pair, share] = l.split(':');
    const [owner, owned] = pair.split('>');
    return { owner: at(owner), owned: at(owned), share: share === '?' ? Number.NaN : Number(share) };
  });
  return { graph: ownershipGraphOf(names.length, rows), at, rows };
}

function ownersByName(names: string[], links: string[], target: string) {
  const { graph, at } = graphOf(names, links);
  const result = resolveUltimateOwners(graph, [at(target)]);
  return {
    result,
    owners: Object.fromEntries(ownersOf(result, at(target)).map((o) => [names[o.owner], o])),
  };
}

describe('ultimate owners with effective ownership (E = A + A² + …)', () => {
  it('sum the product of shares over two paths (multi-path)', () => {
    // P holds 60 % of A and 40 % of B; A holds 50 % of T, B 30 %; Q holds the other 40 % of A.
    // P: 0.6·0.5 + 0.4·0.3 = 0.30 + 0.12 = 0.42; Q: 0.4·0.5 = 0.20.
    const names = ['P', 'Q', 'A', 'B', 'T'];
    const { owners } = ownersByName(names, ['P>A:0.6', 'Q>A:0.4', 'P>B:0.4', 'A>T:0.5', 'B>T:0.3'], 'T');
    expect(Object.keys(owners).sort()).toEqual(['P', 'Q']);
    expect(owners.P.share).toBeCloseTo(0.42, 12);
    expect(owners.Q.share).toBeCloseTo(0.2, 12);
    expect(owners.P.viaControl).toBe(false);
    const { graph, at } = graphOf(names, ['P>A:0.6', 'Q>A:0.4', 'P>B:0.4', 'A>T:0.5', 'B>T:0.3']);
    const paths = ownershipPaths(graph, at('T'));
    expect(paths.paths.map((p) => p.entities.map((e) => names[e]).join('>'))).toEqual([
      'T>A>P',
      'T>A>Q',
      'T>B>P',
    ]);
    expect(paths.paths.map((p) => p.product)).toEqual([0.5 * 0.6, 0.5 * 0.4, 0.3 * 0.4]);
  });

  it('sum a cross-holding as a geometric series and report the cycle', () => {
    // X holds 60 % of A; A holds 50 % of B; B holds 30 % of A (a cycle A ⇄ B).
    // E_X(A) = 0.6 + 0.3·E_X(B), E_X(B) = 0.5·E_X(A)  ⇒  E_X(A) = 0.6 / 0.85, E_X(B) = 0.3 / 0.85 = 0.352941…
    // Paths X→A→B, X→A→B→A→B, …: 0.3 · Σ 0.15^k = 0.3 / 0.85.
    const names = ['X', 'A', 'B'];
    const { owners, result } = ownersByName(names, ['X>A:0.6', 'A>B:0.5', 'B>A:0.3'], 'B');
    expect(owners.X.share).toBeCloseTo(0.3 / 0.85, 11);
    expect(result.cycles).toHaveLength(1);
    expect(result.cycles[0].members.map((m) => names[m]).sort()).toEqual(['A', 'B']);
    expect(result.cycles[0]).toMatchObject({ closed: false, converged: true });
    const { graph, at } = graphOf(names, ['X>A:0.6', 'A>B:0.5', 'B>A:0.3']);
    const paths = ownershipPaths(graph, at('B'));
    expect(paths.paths.map((p) => p.entities.map((e) => names[e]).join('>'))).toEqual(['B>A>X']);
    expect(paths.loops.map((l) => l.map((e) => names[e]).join('>'))).toEqual(['B>A']);
  });

  it('give a closed ring of cross-holdings no ultimate owner and say it is closed', () => {
    // C1 and C2 hold each other whole; C2 holds 50 % of T, Y the other 50 %.
    const names = ['C1', 'C2', 'Y', 'T'];
    const { owners, result } = ownersByName(names, ['C1>C2:1', 'C2>C1:1', 'C2>T:0.5', 'Y>T:0.5'], 'T');
    expect(Object.keys(owners)).toEqual(['Y']);
    expect(owners.Y.share).toBe(0.5);
    expect(result.cycles).toEqual([expect.objectContaining({ closed: true, converged: true })]);
  });

  it('look through a nominee chain to the person behind it', () => {
    // Nominee company N holds 30 % of T for a nomination arrangement K, whose nominator P holds it whole (share 1),
    // and K is held by the nominee N only as legal title — the data carry P>K:1, K>N:1, N>T:0.3.
    // P: 1 · 1 · 0.3 = 0.3; the nominee N is not an ultimate owner (it has an owner).
    const names = ['P', 'K', 'N', 'T', 'Z'];
    const { owners } = ownersByName(names, ['P>K:1', 'K>N:1', 'N>T:0.3', 'Z>T:0.7'], 'T');
    expect(Object.keys(owners).sort()).toEqual(['P', 'Z']);
    expect(owners.P.share).toBeCloseTo(0.3, 12);
  });

  it('carry control without a share as viaControl, credited in full in the attributed reading', () => {
    // State S controls ministry M (no share); M holds 76.5 % of G directly via K (100 %) and 23.5 % directly.
    // Known share of S: 0 (the control link has none); attributed: 1 · (0.765·1 + 0.235) = 1.
    const names = ['S', 'M', 'K', 'G'];
    const { owners } = ownersByName(names, ['S>M:?', 'M>K:1', 'K>G:0.765', 'M>G:0.235'], 'G');
    expect(owners.S).toMatchObject({ share: 0, viaControl: true });
    expect(owners.S.attributed).toBeCloseTo(1, 12);
  });

  it('agree with E = A (I − A)⁻¹ solved directly on a graph with cycles', () => {
    // Independent computation: dense Gaussian elimination of (I − A)ᵀ x = a_r for each root r.
    const n = 30;
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: { owner: number; owned: number; share: number }[] = [];
    for (let t = 5; t < n; t++) {
      const k = 1 + Math.floor(rand() * 3);
      const owners = new Set<number>();
      while (owners.size < k) {
        const o = Math.floor(rand() * n);
        if (o !== t) owners.add(o);
      }
      for (const o of owners) rows.push({ owner: o, owned: t, share: (0.9 / k) * (0.3 + 0.7 * rand()) });
    }
    const graph = ownershipGraphOf(n, rows);
    const result = resolveUltimateOwners(graph);
    expect(result.cycles.length).toBeGreaterThan(0);
    const roots = [...Array(n).keys()].filter((i) => !rows.some((r) => r.owned === i));
    // M = I − A restricted to non-roots; E[r][t] = Σ_o A[r][o'] … solved as x_t = a_rt + Σ_o A[o][t] x_o.
    for (const r of roots) {
      const m = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n + 1 }, (_, j) => (i === j ? 1 : 0)),
      );
      for (const { owner, owned, share } of rows) {
        if (owner === r) m[owned][n] += share;
        else if (!roots.includes(owner)) m[owned][owner] -= share;
      }
      for (let c = 0; c < n; c++) {
        const p = m.findIndex((row, i) => i >= c && Math.abs(row[c]) > 1e-12);
        [m[c], m[p]] = [m[p], m[c]];
        for (let i = 0; i < n; i++) {
          if (i === c) continue;
          const f = m[i][c] / m[c][c];
          for (let j = c; j <= n; j++) m[i][j] -= f * m[c][j];
        }
      }
      for (let t = 0; t < n; t++) {
        if (roots.includes(t)) continue;
        const expected = m[t][n] / m[t][t];
        const got = ownersOf(result, t).find((o) => o.owner === r)?.share ?? 0;
        expect(got).toBeCloseTo(expected, 9);
      }
    }
  });
});
