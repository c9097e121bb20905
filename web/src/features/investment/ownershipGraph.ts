import type { OwnersReport } from './types.ts';

/**
 * The ECharts graph option of an ownership chain (pure, tested without a DOM): one node per entity, coloured by
 * its flags (state or state-controlled, country of concern, list hit), one arrow per direct holding from owner to
 * owned, labelled with the share (or "control" where the data give none). Layered top-down: ultimate owners at
 * the top, the investor at the bottom (layer = longest path up to an entity without an owner).
 */
export interface GraphTexts {
  control: string;
}

const colours = { list: '#b91c1c', state: '#7c3aed', concern: '#d97706', plain: '#2563eb' };

export function ownershipGraphOption(
  report: Pick<OwnersReport, 'chain' | 'links' | 'entity'>,
  texts: GraphTexts,
) {
  const ownersOf = new Map<string, string[]>();
  for (const l of report.links) ownersOf.set(l.ownedId, [...(ownersOf.get(l.ownedId) ?? []), l.ownerId]);
  const depth = new Map<string, number>();
  const height = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // a cycle: stop here
    seen.add(id);
    const above = (ownersOf.get(id) ?? []).map((o) => height(o, seen) + 1);
    const h = above.length ? Math.max(...above) : 0;
    depth.set(id, h);
    return h;
  };
  for (const e of report.chain) height(e.id, new Set());
  const perLayer = new Map<number, number>();
  const nodes = report.chain.map((e) => {
    const layer = depth.get(e.id) ?? 0;
    const slot = perLayer.get(layer) ?? 0;
    perLayer.set(layer, slot + 1);
    const colour = e.flags.listHits.length
      ? colours.list
      : e.flags.state || e.flags.stateControlled
        ? colours.state
        : e.flags.countryOfConcern
          ? colours.concern
          : colours.plain;
    return {
      id: e.id,
      name: `${e.name}${e.country ? ` (${e.country})` : ''}`,
      x: slot * 220,
      y: layer * 110,
      symbolSize: e.id === report.entity.id ? 26 : 18,
      itemStyle: { color: colour },
      label: { show: true, position: 'right' as const },
    };
  });
  const edges = report.links.map((l) => ({
    source: l.ownerId,
    target: l.ownedId,
    label: { show: true, formatter: l.share === null ? texts.control : `${+(l.share * 100).toFixed(2)} %` },
  }));
  return {
    tooltip: {},
    series: [
      {
        type: 'graph' as const,
        layout: 'none' as const,
        roam: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        lineStyle: { width: 1.5, curveness: 0.1 },
        data: nodes,
        links: edges,
      },
    ],
  };
}
