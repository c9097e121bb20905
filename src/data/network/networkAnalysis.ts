import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { buildSupplyGraph, supplyColumns, type SupplyGraph } from '../../analysis/network/supplyGraph.ts';
import {
  productSpof,
  spofContributors,
  type NodeKind,
} from '../../analysis/network/singlePointsOfFailure.ts';
import { hiddenConcentration, type ConcentrationKind } from '../../analysis/network/hiddenConcentration.ts';
import { disclosableCells, disclosableTotal, minCompanies } from '../../analysis/network/disclosure.ts';
import { badInput } from '../../errors.ts';
import type { Reader } from '../security/readContext.ts';
import { networkLines, type NetworkAccess, type NetworkLineRow } from './submissionStore.ts';

/**
 * The analyses of docs/network.md over the current submissions, in the view the reader is entitled to:
 * 'ministry' (a ministry organisation, or the CLI operator: every submission the reader may read, every cell) or
 * 'aggregate' (anyone else: cells of ≥ 3 companies only, with complementary suppression — disclosure.ts; no
 * company is named, no count of hidden cells is given, and rows are ordered by what is shown).
 */
export type NetworkView = 'ministry' | 'aggregate';

export interface NetworkScope {
  reader?: Reader;
  /** Undefined: the CLI operator (ministry view of everything). */
  access?: NetworkAccess;
}

export const viewOf = (access: NetworkAccess | undefined): NetworkView =>
  !access || access.ministry ? 'ministry' : 'aggregate';

export interface LoadedNetwork {
  view: NetworkView;
  graph: SupplyGraph;
  lines: NetworkLineRow[];
  entityName: Map<string, string>;
  entityCountry: Map<string, string>;
  marking: Marking;
  synthetic: boolean;
}

export async function loadNetwork(db: StateDb, scope: NetworkScope): Promise<LoadedNetwork> {
  const view = viewOf(scope.access);
  const { lines, marking, synthetic } = await networkLines(db, {
    reader: scope.reader,
    access: scope.access,
    mode: view === 'ministry' ? 'full' : 'aggregate',
  });
  const graph = buildSupplyGraph(supplyColumns(lines));
  return {
    view,
    graph,
    lines,
    entityName: new Map(lines.map((l) => [l.entity, l.entityName])),
    entityCountry: new Map(lines.map((l) => [l.entity, l.country])),
    marking,
    synthetic,
  };
}

export function checkHs6(hs: string): string {
  const code = hs.replace(/\./g, '');
  if (!/^\d{6}$/.test(code)) throw badInput(`"${hs}" is not an HS6 code`, { field: 'hs' });
  return code;
}

/** What every report of one product states first: the product, the view, SYNTHETIC or not, k, the marking. */
function reportHead(n: LoadedNetwork, hs: string) {
  return { hs, view: n.view, synthetic: n.synthetic, minCompanies, marking: n.marking };
}

export interface SpofReportRow {
  kind: NodeKind;
  /** Entity id, "entity id|site" or the port. */
  id: string;
  name: string;
  country: string | null;
  cut: number;
  direct: number;
  indirect: number;
  companies: number;
}

export interface SpofReport {
  hs: string;
  view: NetworkView;
  synthetic: boolean;
  minShare: number;
  minCompanies: number;
  /** Companies reporting the product and their known supply (Σ tier-1 shares); null when fewer than 3 (aggregate view). */
  companies: number | null;
  known: number | null;
  rows: SpofReportRow[];
  marking: Marking;
}

function nodeLabel(
  n: LoadedNetwork,
  kind: NodeKind,
  x: number,
): { id: string; name: string; country: string | null } {
  const g = n.graph;
  if (kind === 'port') return { id: g.ports[x], name: g.ports[x], country: null };
  const [entity, site] =
    kind === 'entity' ? [g.entities[x], null] : (g.sites[x].split('|', 2) as [string, string]);
  const name = n.entityName.get(entity) ?? entity;
  return {
    id: kind === 'entity' ? entity : g.sites[x],
    name: site ? `${name} — ${site}` : name,
    country: n.entityCountry.get(entity) ?? null,
  };
}

/** Single points of failure of one product (singlePointsOfFailure.ts), for the reader's view. */
export function spofOf(
  n: LoadedNetwork,
  hs: string,
  minShare: number,
  kinds: readonly NodeKind[] = ['entity', 'site', 'port'],
): SpofReport {
  const g = n.graph;
  const p = g.products.indexOf(hs);
  const empty: SpofReport = { ...reportHead(n, hs), minShare, companies: null, known: null, rows: [] };
  if (p < 0) return empty;
  const aggregate = n.view === 'aggregate';
  if (aggregate && !disclosableTotal(g.productCompanies[p])) return empty;
  const rows: SpofReportRow[] = [];
  for (const kind of kinds) {
    // The disclosure rule runs on every cell (minimum share 0); the filter comes after.
    let found = productSpof(g, p, kind, aggregate ? 0 : minShare);
    if (aggregate) {
      const contributors = spofContributors(g, p, kind);
      found = disclosableCells(
        found.map((r) => ({
          ...r,
          key: String(r.node),
          value: r.cut,
          contributors: contributors.get(r.node) ?? [],
        })),
      ).filter((r) => r.cut >= minShare);
    }
    for (const r of found)
      rows.push({
        kind,
        ...nodeLabel(n, kind, r.node),
        cut: r.cut,
        direct: r.direct,
        indirect: r.indirect,
        companies: r.companies,
      });
  }
  // Ordered by what is shown only: the cut, then kind and name.
  rows.sort(
    (a, b) =>
      b.cut - a.cut ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
  return { ...empty, companies: g.productCompanies[p], known: g.known[p], rows };
}

export interface ConcentrationReportRow {
  kind: ConcentrationKind;
  id: string;
  name: string;
  companies: number;
  tier1s: number;
  dependence: number;
}

export interface ConcentrationReport {
  hs: string;
  view: NetworkView;
  synthetic: boolean;
  minCompanies: number;
  rows: ConcentrationReportRow[];
  marking: Marking;
}

/** Hidden concentration of one product (hiddenConcentration.ts): tier-2+ entities and countries. */
export function concentrationOf(n: LoadedNetwork, hs: string): ConcentrationReport {
  const g = n.graph;
  const p = g.products.indexOf(hs);
  const report: ConcentrationReport = { ...reportHead(n, hs), rows: [] };
  if (p < 0 || (n.view === 'aggregate' && !disclosableTotal(g.productCompanies[p]))) return report;
  for (const kind of ['entity', 'country'] as const) {
    let found = hiddenConcentration(g, p, kind);
    if (n.view === 'aggregate')
      found = disclosableCells(found.map((r) => ({ ...r, key: String(r.node), value: r.dependence })));
    for (const r of found) {
      const id = kind === 'entity' ? g.entities[r.node] : g.countries[r.node];
      report.rows.push({
        kind,
        id,
        name: kind === 'entity' ? (n.entityName.get(id) ?? id) : id,
        companies: r.companies,
        tier1s: r.tier1s,
        dependence: r.dependence,
      });
    }
  }
  report.rows.sort(
    (a, b) => b.dependence - a.dependence || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
  return report;
}

export interface NetworkGraphView {
  view: NetworkView;
  synthetic: boolean;
  nodes: {
    id: string;
    name: string;
    kind: 'company' | 'entity' | 'country';
    country: string | null;
    tier: number;
  }[];
  edges: { from: string; to: string; hs: string; tier: number; weight: number; companies: number }[];
  /** Edges left out beyond the limit (ministry view only; the aggregate view never counts hidden cells). */
  truncated: boolean;
  marking: Marking;
}

/**
 * The supply graph to draw, filtered by root product, tier and supplier country. Ministry view: companies and
 * supplier entities, an edge per buyer → supplier (weight = Σ path weights w). Aggregate view: supplier countries
 * by tier, an edge per (tier, buyer country → supplier country) carried by ≥ 3 companies (disclosure.ts; a tier-1
 * edge starts at the node "companies").
 */
export function graphOf(
  n: LoadedNetwork,
  filter: { hs?: string; tier?: number; country?: string },
  limit = 400,
): NetworkGraphView {
  const g = n.graph;
  const nodes = new Map<string, NetworkGraphView['nodes'][number]>();
  const cells = new Map<
    string,
    { from: string; to: string; hs: string; tier: number; weight: number; companies: Set<number> }
  >();
  const aggregate = n.view === 'aggregate';
  for (let e = 0; e < g.edgeCount; e++) {
    const hs = g.products[g.product[e]];
    if (filter.hs && hs !== filter.hs) continue;
    if (filter.tier && g.tier[e] !== filter.tier) continue;
    const country = g.countries[g.country[e]];
    if (filter.country && country !== filter.country) continue;
    const parent = g.parent[e];
    let from: string;
    let to: string;
    if (aggregate) {
      from = parent < 0 ? 'companies' : `country:${g.countries[g.country[parent]]}`;
      to = `country:${country}`;
    } else {
      from = parent < 0 ? `company:${g.companies[g.company[e]]}` : `entity:${g.entities[g.entity[parent]]}`;
      to = `entity:${g.entities[g.entity[e]]}`;
    }
    const key = `${from}\u0000${to}\u0000${hs}\u0000${g.tier[e]}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { from, to, hs, tier: g.tier[e], weight: 0, companies: new Set() }));
    cell.weight += g.weight[e];
    cell.companies.add(g.company[e]);
  }
  let list = [...cells.values()].map((c) => ({
    ...c,
    key: `${c.from}\u0000${c.to}\u0000${c.hs}\u0000${c.tier}`,
    value: c.weight,
    contributors: [...c.companies],
  }));
  if (aggregate) list = disclosableCells(list);
  list.sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  const shown = list.slice(0, limit);
  const addNode = (id: string, tier: number) => {
    if (nodes.has(id)) return;
    const [kind, ref] =
      id === 'companies' ? ['company', 'companies'] : (id.split(':', 2) as [string, string]);
    const entity = kind === 'entity';
    nodes.set(id, {
      id,
      name: entity ? (n.entityName.get(ref) ?? ref) : ref,
      kind: kind as 'company' | 'entity' | 'country',
      country: entity ? (n.entityCountry.get(ref) ?? null) : kind === 'country' ? ref : null,
      tier,
    });
  };
  for (const c of shown) {
    addNode(c.from, c.tier - 1);
    addNode(c.to, c.tier);
  }
  return {
    view: n.view,
    synthetic: n.synthetic,
    nodes: [...nodes.values()],
    edges: shown.map((c) => ({
      from: c.from,
      to: c.to,
      hs: c.hs,
      tier: c.tier,
      weight: c.weight,
      companies: c.companies.size,
    })),
    truncated: !aggregate && list.length > limit,
    marking: n.marking,
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The report as CSV: the marking and the view first (docs/security.md: an export carries its marking inside). */
export function spofCsv(report: SpofReport): string {
  const head = [
    `# marking: ${JSON.stringify(report.marking)}`,
    `# view: ${report.view}${report.synthetic ? ' (SYNTHETIC data)' : ''}; cells of at least ${report.minCompanies} companies outside the ministry`,
    `# hs: ${report.hs}; min share: ${report.minShare}; companies: ${report.companies ?? ''}`,
    'kind,id,name,country,cut,direct,indirect,companies',
  ];
  const rows = report.rows.map((r) =>
    [
      r.kind,
      r.id,
      r.name,
      r.country,
      r.cut.toFixed(6),
      r.direct.toFixed(6),
      r.indirect.toFixed(6),
      r.companies,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[...head, ...rows].join('\r\n')}\r\n`;
}
