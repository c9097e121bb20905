import type { BenchResult } from './types.ts';
import { syntheticOwnership } from '../src/data/ownership/syntheticOwnership.ts';
import { buildOwnershipGraph } from '../src/analysis/ownership/ownershipGraph.ts';
import { resolveUltimateOwners } from '../src/analysis/ownership/ultimateOwners.ts';

/**
 * Ultimate owners of every entity (issue 21): 1 M entities and ≥ 2 M ownership links, SYNTHETIC
 * (src/data/ownership/syntheticOwnership.ts, seed 21; OWNERSHIP_BENCH_ENTITIES overrides), built into the
 * typed-array graph and resolved in one pass (effective shares, cycles summed). Target: ≤ 60 s for graph +
 * resolution (issue 21, Checks).
 */
export async function run(): Promise<BenchResult[]> {
  const entities = Number(process.env.OWNERSHIP_BENCH_ENTITIES ?? 1_000_000);
  let start = performance.now();
  const data = syntheticOwnership({ entities, seed: 21 });
  const generateMs = performance.now() - start;
  process.stderr.write(
    `SYNTHETIC ownership: ${entities} entities, ${data.owner.length} links (${generateMs.toFixed(0)} ms)\n`,
  );
  start = performance.now();
  const graph = buildOwnershipGraph(entities, data.owner, data.owned, data.share);
  const result = resolveUltimateOwners(graph);
  const seconds = (performance.now() - start) / 1000;
  // Sanity: no entity's ultimate owners hold more than the whole of it.
  let worst = 0;
  for (let t = 0; t < entities; t++) {
    let sum = 0;
    for (let i = result.start[t]; i < result.start[t] + result.count[t]; i++) sum += result.share[i];
    worst = Math.max(worst, sum);
  }
  if (worst > 1 + 1e-9) throw new Error(`effective shares of one entity sum to ${worst}`);
  return [
    {
      name: `ultimate owners, ${entities} entities / ${data.owner.length} links (SYNTHETIC)`,
      value: seconds,
      unit: 's',
      target: '≤ 60',
      pass: seconds <= 60,
      note: `${result.owner.length} owner rows, ${result.cycles.length} cycles (all converged: ${result.cycles.every((c) => c.converged)}), largest sum ${worst.toFixed(3)}`,
    },
  ];
}
