import { seededRandom } from '../../analysis/scenario/random.ts';

/**
 * SYNTHETIC ownership links for benchmarks: NOT real companies. Corporate groups of `groupSize` entities (two
 * owners at the top — a person and a holding — then companies each held by 1–3 earlier members of the group,
 * shares splitting at most 90 % of the company), three in ten companies also held by one of `funds` shared
 * investment funds, and one group in 200 with a cross-holding back up the group (a cycle). Seeded
 * (mulberry32, seededRandom), so a run is reproducible.
 */
export interface SyntheticOwnership {
  synthetic: true;
  seed: number;
  entityCount: number;
  owner: Uint32Array;
  owned: Uint32Array;
  share: Float64Array;
}

export function syntheticOwnership(options: {
  entities: number;
  seed: number;
  groupSize?: number;
  funds?: number;
}): SyntheticOwnership {
  const rand = seededRandom(options.seed);
  const groupSize = options.groupSize ?? 20;
  const funds = options.funds ?? 1000;
  const n = options.entities;
  let capacity = n * 3;
  let owner = new Uint32Array(capacity);
  let owned = new Uint32Array(capacity);
  let share = new Float64Array(capacity);
  let m = 0;
  const push = (o: number, t: number, s: number) => {
    if (m === capacity) {
      capacity *= 2;
      const grow = <T extends Uint32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      owner = grow(owner, new Uint32Array(capacity));
      owned = grow(owned, new Uint32Array(capacity));
      share = grow(share, new Float64Array(capacity));
    }
    owner[m] = o;
    owned[m] = t;
    share[m] = s;
    m++;
  };
  // Entities 0 … funds-1 are the funds (roots); groups follow.
  const holders: number[] = [];
  const weights: number[] = [];
  for (let g = funds; g < n; g += groupSize) {
    const end = Math.min(g + groupSize, n);
    for (let t = g + 2; t < end; t++) {
      holders.length = 0;
      weights.length = 0;
      const k = 1 + Math.floor(rand() * 3);
      while (holders.length < Math.min(k, t - g)) {
        const o = g + Math.floor(rand() * (t - g));
        if (!holders.includes(o)) holders.push(o);
      }
      if (rand() < 0.3) holders.push(Math.floor(rand() * funds));
      for (let i = 0; i < holders.length; i++) weights.push(0.2 + rand());
      const total = weights.reduce((a, b) => a + b, 0);
      const held = 0.5 + 0.4 * rand();
      for (let i = 0; i < holders.length; i++) push(holders[i], t, (held * weights[i]) / total);
    }
    // A cross-holding: the last company holds 5 % of the group's first company (which has no other holder
    // among companies), closing a loop through every path between them.
    if (end - g > 4 && rand() < 1 / 200) push(end - 1, g + 2, 0.05);
  }
  return {
    synthetic: true,
    seed: options.seed,
    entityCount: n,
    owner: owner.subarray(0, m),
    owned: owned.subarray(0, m),
    share: share.subarray(0, m),
  };
}
