import { isoNumericKeyOf, namesByIsoNumeric } from '../../reference/isoNumeric.ts';
import type { CountryRef } from '../../reference/reference.ts';
import type { Provenance } from '../../components/provenance.ts';
import type { Dossier, DossierYear, Exposure, PartnerExposure, Supplier } from './types.ts';

type MapCountry = Pick<CountryRef, 'iso3' | 'isoNumeric' | 'en' | 'ja'>;

/**
 * Pure shaping of the dossier's API figures into what the page draws: map values, Sankey nodes and links,
 * supplier shares over the years, cumulative shares, the partners whose sea routes are drawn. No figure is
 * computed here that the API does not give; only grouping ("others") and reordering.
 */

/**
 * Supplier shares keyed by ISO numeric (for the WorldMap choropleth) and every country's name in the user's
 * language. Suppliers without an ISO numeric code stay in the tables only.
 */
export function supplierMapValues(
  suppliers: readonly Supplier[],
  countries: readonly MapCountry[],
  lang: 'ja' | 'en',
): { values: Record<string, number>; names: Record<string, string> } {
  const keyOf = isoNumericKeyOf(countries);
  const values: Record<string, number> = {};
  for (const s of suppliers) {
    const key = keyOf(s.partner);
    if (key !== undefined) values[key] = (values[key] ?? 0) + s.share;
  }
  return { values, names: namesByIsoNumeric(countries, lang) };
}

/** ISO numeric keys of the reporter's members (drawn highlighted on the map). */
export function memberKeys(members: readonly string[], countries: readonly MapCountry[]): string[] {
  const keyOf = isoNumericKeyOf(countries);
  return members.flatMap((m) => keyOf(m) ?? []);
}

export interface SankeyData {
  nodes: { name: string }[];
  links: { source: string; target: string; value: number }[];
}

/**
 * Flows into the reporter: the `top` largest suppliers each as a node, the rest summed as one "others" node.
 * Node names must be unique in ECharts, so the reporter's node is its label and suppliers are their names.
 */
export function sankeyFlows(
  suppliers: readonly Supplier[],
  reporterLabel: string,
  nameOf: (iso3: string) => string,
  othersLabel: string,
  top = 8,
): SankeyData {
  const sorted = [...suppliers].sort((a, b) => b.valueUsd - a.valueUsd);
  const shown = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((sum, s) => sum + s.valueUsd, 0);
  const links = shown.map((s) => ({ source: nameOf(s.partner), target: reporterLabel, value: s.valueUsd }));
  if (rest > 0) links.push({ source: othersLabel, target: reporterLabel, value: rest });
  const nodes = [...new Set([...links.map((l) => l.source), reporterLabel])].map((name) => ({ name }));
  return { nodes, links };
}

export interface ShareSeries {
  years: number[];
  /** One line per supplier (null where the supplier sent nothing that year), then "others" (partner ''). */
  series: { partner: string; shares: number[] }[];
}

/**
 * Supplier shares over the years: the `top` suppliers by value summed over all years, each year's share, and
 * the remainder as others (1 − Σ shown shares) so a stacked chart fills to 100 %.
 */
export function shareSeries(years: readonly DossierYear[], top = 5): ShareSeries {
  const totals = new Map<string, number>();
  for (const y of years)
    for (const s of y.suppliers) totals.set(s.partner, (totals.get(s.partner) ?? 0) + s.valueUsd);
  const chosen = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([p]) => p);
  const series = chosen.map((partner) => ({
    partner,
    shares: years.map((y) => y.suppliers.find((s) => s.partner === partner)?.share ?? 0),
  }));
  const others = years.map((_, n) => Math.max(0, 1 - series.reduce((sum, s) => sum + s.shares[n], 0)));
  if (others.some((v) => v > 1e-9)) series.push({ partner: '', shares: others });
  return { years: years.map((y) => y.year), series };
}

/** Suppliers with their running share (largest first): the row where it passes 75 % answers "countries to 75 %". */
export function cumulativeShares(suppliers: readonly Supplier[]): (Supplier & { cumulative: number })[] {
  let running = 0;
  return [...suppliers]
    .sort((a, b) => b.valueUsd - a.valueUsd)
    .map((s) => {
      running += s.share;
      return { ...s, cumulative: running };
    });
}

/** The sea-routed partners whose route lines the map draws: the `top` largest by value that have a route. */
export function seaRoutePartners(
  exposure: Pick<Exposure, 'partners'>,
  top = 6,
): (PartnerExposure & { route: NonNullable<PartnerExposure['route']> })[] {
  return exposure.partners
    .filter((p): p is PartnerExposure & { route: NonNullable<PartnerExposure['route']> } => p.route !== null)
    .sort((a, b) => b.valueKusd - a.valueKusd)
    .slice(0, top);
}

/** { eu2021: { hhi: 0.4 } } → { 'eu2021.hhi': 0.4 } (the provenance footer lists flat name=value pairs). */
export function flatThresholds(thresholds: Record<string, Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, values] of Object.entries(thresholds)) {
    for (const [name, value] of Object.entries(values)) out[`${method}.${name}`] = value;
  }
  return out;
}

/**
 * Every source the dossier shows, for its footer: the screen's trade data with the thresholds in force, each
 * mineral production dataset once, and the sea network when the chokepoint section loaded.
 */
export function dossierProvenance(
  dossier: Dossier,
  exposure: Exposure | null,
  methods: { dossier: string; minerals: string },
): Provenance[] {
  const out: Provenance[] = [
    {
      ...dossier.provenance,
      method: methods.dossier,
      thresholds: flatThresholds(dossier.provenance.thresholds),
    },
  ];
  const seen = new Set([dossier.provenance.dataset]);
  for (const m of dossier.minerals) {
    if (seen.has(m.provenance.production.dataset)) continue;
    seen.add(m.provenance.production.dataset);
    out.push({ ...m.provenance.production, method: methods.minerals });
  }
  if (exposure) out.push({ ...exposure.provenance.network, method: exposure.method });
  return out;
}
