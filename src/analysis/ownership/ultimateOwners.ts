import type { OwnershipGraph } from './ownershipGraph.ts';

/**
 * Ultimate owners with effective ownership.
 *
 * An ultimate owner is an entity with no recorded owner of its own (a natural person, a state, a listed company
 * with dispersed holders, or simply the end of what the data say). With A the direct-share matrix (A[o][t] = the
 * fraction of t that o holds), the effective ownership of owner r in entity t is the product of the shares along
 * each path from r to t, summed over all paths:
 *
 *   E = A + A² + A³ + … = A (I − A)⁻¹
 *
 * (the "integrated ownership" of Brioschi, Buzzacchi & Colombo, "Risk capital financing and the separation of
 * ownership and control in business groups", J. Banking & Finance 13 (1989) 747–772; also the OECD/Eurostat
 * "ownership chain" rule of the EGR). Without cycles the series is finite and is evaluated owners-first: each
 * entity's vector is Σ_o A[o][t]·(vector of o, or o itself when o is a root). Inside a cycle (a strongly connected
 * group of cross-holdings) the series is geometric and converges whenever the shares held in each entity sum to at
 * most 1 and some member has an owner outside the cycle; it is summed by Gauss–Seidel iteration to 1e-12. A cycle
 * with no owner outside it (a closed ring of cross-holdings) gives its members no ultimate owner through it, and is
 * reported as closed.
 *
 * A link of control without a known share (NaN) contributes no share but marks every owner reached through it as
 * `viaControl`: it is an ultimate owner whose effective share is not known from the data. `attributed` is the same
 * sum with such links counted as 1 (the controller is credited with what the controlled entity holds, as FEFTA
 * counts holdings through controlled companies): an upper reading beside the known `share`.
 */
export interface OwnerShare {
  owner: number;
  /** Sum over paths of the product of known shares (paths through a control-only link contribute 0). */
  share: number;
  /** The same sum with links of control without a share counted as 1. */
  attributed: number;
  /** True when at least one path passes through a link without a known share. */
  viaControl: boolean;
}

export interface OwnershipCycle {
  /** Entity indices of the strongly connected group (a self-holding is a group of one). */
  members: number[];
  /** True when no member has an owner outside the group. */
  closed: boolean;
  /** Gauss–Seidel sweeps used; `converged` false when 10 000 sweeps did not reach 1e-12 (shares summing above 1). */
  iterations: number;
  converged: boolean;
}

export interface UltimateOwnership {
  /** Owners of entity t: indices start[t] … start[t] + count[t] - 1 of owner/share/viaControl. */
  start: Uint32Array;
  count: Uint32Array;
  owner: Uint32Array;
  share: Float64Array;
  attributed: Float64Array;
  viaControl: Uint8Array;
  cycles: OwnershipCycle[];
  /** 1 for the entities resolved (all, or the ancestors of the targets asked for). */
  resolved: Uint8Array;
}

const tolerance = 1e-12;
const maxSweeps = 10_000;

/** Append-only typed-array pool of (owner, share, attributed, viaControl) rows. */
class Pool {
  owner = new Uint32Array(1024);
  share = new Float64Array(1024);
  attributed = new Float64Array(1024);
  via = new Uint8Array(1024);
  length = 0;
  push(o: number, s: number, a: number, v: number): void {
    if (this.length === this.owner.length) {
      const size = this.length * 2;
      const grow = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(size);
        b.set(a);
        return b;
      };
      this.owner = grow(this.owner, (n) => new Uint32Array(n));
      this.share = grow(this.share, (n) => new Float64Array(n));
      this.attributed = grow(this.attributed, (n) => new Float64Array(n));
      this.via = grow(this.via, (n) => new Uint8Array(n));
    }
    this.owner[this.length] = o;
    this.share[this.length] = s;
    this.attributed[this.length] = a;
    this.via[this.length] = v;
    this.length++;
  }
}

/** Entities from which a target can be reached going up (the targets and all their direct or indirect owners). */
function ancestorsOf(graph: OwnershipGraph, targets: ArrayLike<number>): Uint8Array {
  const scope = new Uint8Array(graph.entityCount);
  const stack: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    if (!scope[targets[i]]) {
      scope[targets[i]] = 1;
      stack.push(targets[i]);
    }
  }
  while (stack.length) {
    const t = stack.pop()!;
    for (let e = graph.ownersStart[t]; e < graph.ownersStart[t + 1]; e++) {
      const o = graph.ownerIndex[e];
      if (!scope[o]) {
        scope[o] = 1;
        stack.push(o);
      }
    }
  }
  return scope;
}

/**
 * Strongly connected groups of the owner links in `scope`, by Tarjan's algorithm (iterative), emitted owners
 * first: a group comes out only after every group that owns into it.
 */
function sccOwnersFirst(graph: OwnershipGraph, scope: Uint8Array, emit: (members: number[]) => void): void {
  const n = graph.entityCount;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const sccStack = new Uint32Array(n);
  let sccTop = 0;
  const callNode = new Uint32Array(n);
  const callEdge = new Uint32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!scope[root] || index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = graph.ownersStart[root];
    index[root] = low[root] = counter++;
    sccStack[sccTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < graph.ownersStart[v + 1]) {
        callEdge[depth] = e + 1;
        const w = graph.ownerIndex[e];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          sccStack[sccTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = graph.ownersStart[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = sccStack[--sccTop];
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        emit(members);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
}

/**
 * Resolves the ultimate owners of every entity (targets omitted) or of the given targets (only their ancestors
 * are visited).
 */
export function resolveUltimateOwners(graph: OwnershipGraph, targets?: ArrayLike<number>): UltimateOwnership {
  const n = graph.entityCount;
  const { ownersStart, ownerIndex, ownerShare } = graph;
  const scope = targets ? ancestorsOf(graph, targets) : new Uint8Array(n).fill(1);
  const start = new Uint32Array(n);
  const count = new Uint32Array(n);
  const pool = new Pool();
  const cycles: OwnershipCycle[] = [];
  // Dense accumulators indexed by owner, reset through the touched list after each entity.
  const acc = new Float64Array(n);
  const accAttributed = new Float64Array(n);
  const accVia = new Uint8Array(n);
  const touchedMark = new Uint8Array(n);
  const touched: number[] = [];
  const isRoot = (o: number) => ownersStart[o] === ownersStart[o + 1];

  const add = (r: number, s: number, a: number, via: number) => {
    if (!touchedMark[r]) {
      touchedMark[r] = 1;
      touched.push(r);
    }
    acc[r] += s;
    accAttributed[r] += a;
    accVia[r] |= via;
  };
  /** Adds link share s times the vector of owner o (o itself when it is a root). */
  const addThrough = (o: number, s: number) => {
    const unknown = Number.isNaN(s);
    const known = unknown ? 0 : s;
    const credited = unknown ? 1 : s;
    if (isRoot(o)) {
      add(o, known, credited, unknown ? 1 : 0);
      return;
    }
    for (let i = start[o], end = start[o] + count[o]; i < end; i++) {
      add(pool.owner[i], known * pool.share[i], credited * pool.attributed[i], unknown ? 1 : pool.via[i]);
    }
  };
  const clearTouched = () => {
    for (const r of touched) {
      acc[r] = 0;
      accAttributed[r] = 0;
      accVia[r] = 0;
      touchedMark[r] = 0;
    }
    touched.length = 0;
  };
  const flush = (t: number) => {
    start[t] = pool.length;
    for (const r of touched) pool.push(r, acc[r], accAttributed[r], accVia[r]);
    count[t] = touched.length;
    clearTouched();
  };
  type Entry = { s: number; a: number; v: number };

  sccOwnersFirst(graph, scope, (members) => {
    const single = members.length === 1 ? members[0] : -1;
    let selfHeld = false;
    if (single >= 0) {
      for (let e = ownersStart[single]; e < ownersStart[single + 1]; e++)
        if (ownerIndex[e] === single) selfHeld = true;
      if (!selfHeld) {
        for (let e = ownersStart[single]; e < ownersStart[single + 1]; e++)
          addThrough(ownerIndex[e], ownerShare[e]);
        flush(single);
        return;
      }
    }
    resolveCycle(members);
  });

  function resolveCycle(members: number[]): void {
    const inGroup = new Set(members);
    // Vectors of the members as maps (cycles are few and small), starting from their owners outside the group.
    const outside = new Map<number, Map<number, Entry>>();
    let closed = true;
    for (const t of members) {
      for (let e = ownersStart[t]; e < ownersStart[t + 1]; e++) {
        if (!inGroup.has(ownerIndex[e])) {
          closed = false;
          addThrough(ownerIndex[e], ownerShare[e]);
        }
      }
      const vector = new Map<number, Entry>();
      for (const r of touched) vector.set(r, { s: acc[r], a: accAttributed[r], v: accVia[r] });
      clearTouched();
      outside.set(t, vector);
    }
    const current = new Map<number, Map<number, Entry>>();
    for (const t of members) current.set(t, new Map());
    let sweeps = 0;
    let converged = false;
    while (sweeps < maxSweeps) {
      sweeps++;
      let change = 0;
      for (const t of members) {
        const next = new Map<number, Entry>();
        for (const [r, x] of outside.get(t)!) next.set(r, { ...x });
        for (let e = ownersStart[t]; e < ownersStart[t + 1]; e++) {
          const o = ownerIndex[e];
          if (!inGroup.has(o)) continue;
          const s = ownerShare[e];
          const unknown = Number.isNaN(s);
          for (const [r, x] of current.get(o)!) {
            const y = next.get(r) ?? { s: 0, a: 0, v: 0 };
            y.s += unknown ? 0 : s * x.s;
            y.a += (unknown ? 1 : s) * x.a;
            y.v |= unknown ? 1 : x.v;
            next.set(r, y);
          }
        }
        const before = current.get(t)!;
        for (const [r, y] of next) {
          const x = before.get(r);
          change = Math.max(
            change,
            Math.abs(y.s - (x?.s ?? 0)),
            Math.abs(y.a - (x?.a ?? 0)),
            x?.v === y.v ? 0 : 1,
          );
        }
        current.set(t, next);
      }
      if (change < tolerance) {
        converged = true;
        break;
      }
    }
    for (const t of members) {
      start[t] = pool.length;
      const vector = [...current.get(t)!].sort((a, b) => a[0] - b[0]);
      for (const [r, x] of vector) pool.push(r, x.s, x.a, x.v);
      count[t] = vector.length;
    }
    cycles.push({ members: [...members].sort((a, b) => a - b), closed, iterations: sweeps, converged });
  }

  return {
    start,
    count,
    owner: pool.owner.subarray(0, pool.length),
    share: pool.share.subarray(0, pool.length),
    attributed: pool.attributed.subarray(0, pool.length),
    viaControl: pool.via.subarray(0, pool.length),
    cycles,
    resolved: scope,
  };
}

/** The ultimate owners of one resolved entity as rows, largest effective share first. */
export function ownersOf(result: UltimateOwnership, t: number): OwnerShare[] {
  const rows: OwnerShare[] = [];
  for (let i = result.start[t], end = result.start[t] + result.count[t]; i < end; i++) {
    rows.push({
      owner: result.owner[i],
      share: result.share[i],
      attributed: result.attributed[i],
      viaControl: result.viaControl[i] === 1,
    });
  }
  return rows.sort((a, b) => b.share - a.share || a.owner - b.owner);
}
