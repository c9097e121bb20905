/**
 * An ownership graph on typed arrays: entities are numbered 0…n-1 and, for every owned entity, the links to its
 * owners are stored contiguously (compressed sparse rows, "owners of t" = ownerIndex[ownersStart[t] …
 * ownersStart[t+1]-1]), which is the direction every question here walks: from a company up to its owners.
 *
 * A share is the fraction (0–1) of the owned entity's shares or voting rights the owner holds directly; NaN means a
 * link of control whose share is not known (a GLEIF accounting consolidation, a trustee, a board seat).
 */
export interface OwnershipLinkInput {
  owner: number;
  owned: number;
  /** 0–1, or NaN for control without a known share. */
  share: number;
}

export interface OwnershipGraph {
  entityCount: number;
  /** Length entityCount + 1. */
  ownersStart: Uint32Array;
  ownerIndex: Uint32Array;
  ownerShare: Float64Array;
}

/** Builds the owners-of rows by a counting sort on the owned entity (O(n + m), no per-link objects kept). */
export function buildOwnershipGraph(
  entityCount: number,
  owner: Uint32Array,
  owned: Uint32Array,
  share: Float64Array,
): OwnershipGraph {
  const m = owner.length;
  const ownersStart = new Uint32Array(entityCount + 1);
  for (let i = 0; i < m; i++) ownersStart[owned[i] + 1]++;
  for (let t = 0; t < entityCount; t++) ownersStart[t + 1] += ownersStart[t];
  const fill = ownersStart.slice(0, entityCount);
  const ownerIndex = new Uint32Array(m);
  const ownerShare = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const at = fill[owned[i]]++;
    ownerIndex[at] = owner[i];
    ownerShare[at] = share[i];
  }
  return { entityCount, ownersStart, ownerIndex, ownerShare };
}

/** The same from plain link rows (tests, small imports). */
export function ownershipGraphOf(entityCount: number, links: readonly OwnershipLinkInput[]): OwnershipGraph {
  return buildOwnershipGraph(
    entityCount,
    Uint32Array.from(links, (l) => l.owner),
    Uint32Array.from(links, (l) => l.owned),
    Float64Array.from(links, (l) => l.share),
  );
}
