import type { SeaNetwork } from './network.ts';

/**
 * Shortest-path tree by Dijkstra's algorithm (Dijkstra 1959) with a binary min-heap on typed arrays and lazy
 * deletion (a node may sit in the heap several times; stale entries are skipped): O((V + E) log V).
 * Edges whose passage mask meets `closedMask` are skipped: closing a passage removes its edges.
 * `dist[n]` is km from the source (Infinity when unreachable), `via[n]` the adjacency slot of the edge used to
 * reach n (-1 at the source and unreached nodes), from which the path and its passages are read back.
 * Stops early once every node in `targets` (when given) is settled.
 */
export interface ShortestPathTree {
  source: number;
  dist: Float64Array;
  via: Int32Array;
  /** The node each adjacency slot leaves from, to walk `via` backwards. */
  from: Int32Array;
}

export function shortestPathTree(
  network: SeaNetwork,
  source: number,
  closedMask: number,
  targets?: readonly number[],
): ShortestPathTree {
  const n = network.lon.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const { offsets, targets: to, lengthKm, mask } = network;
  let remaining = targets ? new Set(targets).size : -1;
  const pending = targets ? new Uint8Array(n) : undefined;
  if (pending && targets) for (const t of targets) pending[t] = 1;

  // Heap of (key, node); capacity grows as needed.
  let keys = new Float64Array(1024);
  let nodes = new Int32Array(1024);
  let size = 0;
  const push = (key: number, node: number): void => {
    if (size === keys.length) {
      const k2 = new Float64Array(size * 2);
      k2.set(keys);
      keys = k2;
      const n2 = new Int32Array(size * 2);
      n2.set(nodes);
      nodes = n2;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  };
  const pop = (): number => {
    const top = nodes[0];
    size--;
    if (size > 0) {
      const key = keys[size];
      const node = nodes[size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        keys[i] = keys[child];
        nodes[i] = nodes[child];
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  };

  dist[source] = 0;
  push(0, source);
  while (size > 0) {
    const u = pop();
    if (settled[u]) continue;
    settled[u] = 1;
    if (pending && pending[u]) {
      pending[u] = 0;
      if (--remaining === 0) break;
    }
    const du = dist[u];
    for (let s = offsets[u]; s < offsets[u + 1]; s++) {
      if (mask[s] & closedMask) continue;
      const v = to[s];
      const dv = du + lengthKm[s];
      if (dv < dist[v]) {
        dist[v] = dv;
        via[v] = s;
        push(dv, v);
      }
    }
  }
  return { source, dist, via, from: slotOrigins(network) };
}

const originsCache = new WeakMap<SeaNetwork, Int32Array>();

/** For each adjacency slot, the node it leaves from (computed once per network). */
export function slotOrigins(network: SeaNetwork): Int32Array {
  let from = originsCache.get(network);
  if (!from) {
    from = new Int32Array(network.targets.length);
    for (let n = 0; n + 1 < network.offsets.length; n++) {
      for (let s = network.offsets[n]; s < network.offsets[n + 1]; s++) from[s] = n;
    }
    originsCache.set(network, from);
  }
  return from;
}

/** The adjacency slots of the path source → target in travel order; null when the target is unreachable. */
export function pathSlots(tree: ShortestPathTree, target: number): number[] | null {
  if (!Number.isFinite(tree.dist[target])) return null;
  const slots: number[] = [];
  let node = target;
  while (node !== tree.source) {
    const s = tree.via[node];
    slots.push(s);
    node = tree.from[s];
  }
  return slots.reverse();
}
