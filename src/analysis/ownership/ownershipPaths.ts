import type { OwnershipGraph } from './ownershipGraph.ts';

/**
 * The simple paths from an entity up to its ultimate owners (entities with no owner), each with the product of
 * its shares: the terms of E = A + A² + … (ultimateOwners.ts) one path at a time, so a reader can check a figure.
 * A path never visits an entity twice; where an owner already on the path is met, the loop is recorded in
 * `loops` instead (its repetitions are what the cycle sums of resolveUltimateOwners add). At most `maxPaths` paths
 * are listed (`truncated` says so).
 */
export interface OwnershipPath {
  /** Entity indices from the entity itself up to the ultimate owner. */
  entities: number[];
  /** Direct share of each step (entities[i+1] in entities[i]); NaN where control has no known share. */
  shares: number[];
  /** Product of the shares; NaN when a step has no known share. */
  product: number;
}

export interface OwnershipPathsResult {
  paths: OwnershipPath[];
  /** Each loop met: entities from the repeated owner round to the entity that holds it. */
  loops: number[][];
  truncated: boolean;
}

export function ownershipPaths(graph: OwnershipGraph, target: number, maxPaths = 500): OwnershipPathsResult {
  const paths: OwnershipPath[] = [];
  const loops: number[][] = [];
  const seenLoops = new Set<string>();
  const onPath = new Uint8Array(graph.entityCount);
  const entities: number[] = [target];
  const shares: number[] = [];
  let truncated = false;
  onPath[target] = 1;
  const walk = (t: number): void => {
    const from = graph.ownersStart[t];
    const to = graph.ownersStart[t + 1];
    if (from === to) {
      if (entities.length > 1) {
        if (paths.length >= maxPaths) {
          truncated = true;
          return;
        }
        paths.push({
          entities: [...entities],
          shares: [...shares],
          product: shares.reduce((p, s) => p * s, 1),
        });
      }
      return;
    }
    for (let e = from; e < to && !truncated; e++) {
      const o = graph.ownerIndex[e];
      if (onPath[o]) {
        const loop = entities.slice(entities.indexOf(o));
        const key = [...loop].sort((a, b) => a - b).join(',');
        if (!seenLoops.has(key)) {
          seenLoops.add(key);
          loops.push(loop);
        }
        continue;
      }
      onPath[o] = 1;
      entities.push(o);
      shares.push(graph.ownerShare[e]);
      walk(o);
      entities.pop();
      shares.pop();
      onPath[o] = 0;
    }
  };
  walk(target);
  return { paths, loops, truncated };
}
