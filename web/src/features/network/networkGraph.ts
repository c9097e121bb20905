import type { ApiResponses } from '../../api/schema.ts';

/**
 * The ECharts graph option of a supply graph (pure): one node per company, supplier entity or country, laid out in
 * columns by tier (buyers left, deeper tiers right), one arrow per buyer → supplier edge, its width by the share
 * of known supply it carries.
 */
type Graph = ApiResponses['GET /api/network/graph'];
const colours = { company: '#2563eb', entity: '#d97706', country: '#7c3aed' };

export function networkGraphOption(graph: Pick<Graph, 'nodes' | 'edges'>) {
  const perTier = new Map<number, number>();
  const nodes = graph.nodes.map((n) => {
    const slot = perTier.get(n.tier) ?? 0;
    perTier.set(n.tier, slot + 1);
    return {
      id: n.id,
      name: `${n.name}${n.country && n.kind === 'entity' ? ` (${n.country})` : ''}`,
      x: n.tier * 260,
      y: slot * 40,
      symbolSize: n.kind === 'company' ? 12 : 16,
      itemStyle: { color: colours[n.kind] },
      label: { show: graph.nodes.length <= 60, position: 'right' as const },
    };
  });
  const heaviest = Math.max(1e-9, ...graph.edges.map((e) => e.weight));
  const links = graph.edges.map((e) => ({
    source: e.from,
    target: e.to,
    lineStyle: { width: 1 + (5 * e.weight) / heaviest },
  }));
  return {
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        edgeSymbol: ['none', 'arrow'],
        data: nodes,
        links,
        lineStyle: { opacity: 0.6, curveness: 0.1 },
      },
    ],
  };
}
