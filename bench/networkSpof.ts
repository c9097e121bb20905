import type { BenchResult } from './types.ts';
import { syntheticSupplyNetwork } from '../src/data/synth/supplyNetwork.ts';
import { buildSupplyGraph } from '../src/analysis/network/supplyGraph.ts';
import {
  allProductsSpof,
  productSpof,
  type NodeKind,
} from '../src/analysis/network/singlePointsOfFailure.ts';

/**
 * Single points of failure at scale (issue 24, Checks): 100,000 SYNTHETIC companies and 1 M supply edges
 * (src/data/synth/supplyNetwork.ts, seed 24; NETWORK_BENCH_COMPANIES / NETWORK_BENCH_EDGES override). Timed:
 * building the typed-array graph (weights, per-product index), then the single points of failure of the most
 * bought product for all three node kinds (entities, sites, ports) — target ≤ 2 s including the graph build —
 * and of every product, all kinds — target ≤ 60 s including the build.
 */
const kinds: NodeKind[] = ['entity', 'site', 'port'];

export async function run(): Promise<BenchResult[]> {
  const companies = Number(process.env.NETWORK_BENCH_COMPANIES ?? 100_000);
  const edges = Number(process.env.NETWORK_BENCH_EDGES ?? 1_000_000);
  let start = performance.now();
  const columns = syntheticSupplyNetwork({ companies, edges, seed: 24 });
  process.stderr.write(
    `SYNTHETIC network: ${columns.companies.length} companies, ${columns.company.length} edges, ${columns.entities.length} supplier entities, ${columns.products.length} products (${(performance.now() - start).toFixed(0)} ms)\n`,
  );
  start = performance.now();
  const graph = buildSupplyGraph(columns);
  const buildSeconds = (performance.now() - start) / 1000;
  let busiest = 0;
  for (let p = 1; p < graph.products.length; p++)
    if (
      graph.productStart[p + 1] - graph.productStart[p] >
      graph.productStart[busiest + 1] - graph.productStart[busiest]
    )
      busiest = p;
  start = performance.now();
  const one = kinds.flatMap((k) => productSpof(graph, busiest, k, 0.05));
  const oneSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  let rows = 0;
  for (const k of kinds) for (const r of allProductsSpof(graph, k, 0.05)) rows += r.length;
  const allSeconds = (performance.now() - start) / 1000;
  const edgesOfBusiest = graph.productStart[busiest + 1] - graph.productStart[busiest];
  return [
    {
      name: `SPOF one product (busiest: ${graph.products[busiest]}, ${edgesOfBusiest} edges, ${graph.productCompanies[busiest]} companies), graph build included`,
      value: buildSeconds + oneSeconds,
      unit: 's',
      target: '≤ 2',
      pass: buildSeconds + oneSeconds <= 2,
      note: `build ${buildSeconds.toFixed(3)} s + analysis ${oneSeconds.toFixed(3)} s; ${one.length} nodes ≥ 5 % (SYNTHETIC)`,
    },
    {
      name: `SPOF all ${graph.products.length} products × 3 node kinds, ${columns.companies.length} companies / ${graph.edgeCount} edges, graph build included`,
      value: buildSeconds + allSeconds,
      unit: 's',
      target: '≤ 60',
      pass: buildSeconds + allSeconds <= 60,
      note: `analysis ${allSeconds.toFixed(3)} s; ${rows} rows ≥ 5 % (SYNTHETIC)`,
    },
  ];
}
