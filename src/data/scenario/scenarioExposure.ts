import type { Catalog, Provenance } from '../catalog/catalog.ts';
import { provenanceOf } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { ChokepointError } from '../../errors.ts';
import type { CountryRef, PassageExposure, ScenarioDefinition } from '../../analysis/scenario/definition.ts';
import type { TradeBase } from '../../analysis/scenario/tradeBase.ts';
import { flowRule, type PartnerRoutes } from '../../analysis/maritime/exposure.ts';
import { defaultFreightOptions } from '../../analysis/maritime/freightRules.ts';
import { areLandNeighbours } from '../../analysis/maritime/landNeighbours.ts';
import { seaNetworkId } from '../maritime/importSeaNetwork.ts';
import { openSeaRoutes, parseClosures } from '../maritime/seaRoutes.ts';
import { countryRouteTable } from '../maritime/countryRouteCache.ts';
import { countryByIso3 } from '../reference/countries.ts';
import { countryRef } from './scenarioFile.ts';

/**
 * Passage exposure for chokepoint closures, from the maritime module (PRODUCT.md §3.3): an import flow
 * (partner × product) is exposed to a passage when its freight rule sends it by sea (not a land neighbour, not
 * air-freighted by value/weight) and the partner → reporter route between main ports crosses the passage.
 * Substitute partners the reporter does not import the product from are judged by their route alone (product
 * 'all'). A closure then stops the exposed flows for its duration, times its share: rerouting around the passage
 * (longer voyages) is not credited, so the loss is an upper bound — lower the closure's share to allow for it.
 * Passages the scenario gives its own exposure for are left as written.
 */
export function closureExposure(
  dataDir: DataDir,
  catalog: Catalog,
  definition: ScenarioDefinition,
  trade: TradeBase,
): { exposure: PassageExposure[]; provenance?: Provenance; method?: string } {
  const given = new Set(definition.exposure.map((e) => e.passage));
  const wanted = new Set<string>();
  const fieldOf = new Map<string, string>();
  definition.shocks.forEach((s, i) => {
    if (s.type !== 'chokepoint-closure') return;
    s.passages.forEach((p, j) => {
      if (given.has(p)) return;
      wanted.add(p);
      if (!fieldOf.has(p)) fieldOf.set(p, `shocks[${i}].passages[${j}]`);
    });
  });
  if (wanted.size === 0) return { exposure: [] };
  if (!catalog.find(seaNetworkId)) {
    const [first] = wanted;
    throw new ChokepointError(
      'no_data',
      `no exposure for passage "${first}": import the sea-route network (chokepoint data import maritime) or give exposure entries (passage, partner, product, share) in the scenario`,
      { field: fieldOf.get(first) },
    );
  }
  const sea = openSeaRoutes(dataDir, catalog);
  const table = countryRouteTable(sea, dataDir, parseClosures([]));
  const reporter = definition.reporter.iso3;
  const reporterHasPorts = table.mainPorts.has(reporter);
  const routesOf = (partner: string): PartnerRoutes => ({
    hasPorts: reporterHasPorts && table.mainPorts.has(partner),
    landNeighbour: areLandNeighbours(partner, reporter),
    baseline: table.routes.get(partner)?.get(reporter) ?? null,
  });
  const refs = new Map<string, CountryRef>();
  const refOf = (iso3: string) => {
    if (!refs.has(iso3)) {
      const c = countryByIso3(iso3);
      refs.set(iso3, c ? countryRef(c) : { iso3, codes: [], en: iso3, ja: iso3 });
    }
    return refs.get(iso3)!;
  };
  const exposure: PassageExposure[] = [];
  const importers = new Set<string>();
  for (const f of trade.imports) {
    const iso3 = trade.partners[f.partner]?.iso3;
    if (!iso3) continue;
    importers.add(iso3);
    const routes = routesOf(iso3);
    const rule = flowRule(
      { partner: iso3, product: f.product, valueKusd: f.value, tonnes: f.quantity },
      routes,
      defaultFreightOptions,
    );
    if ((rule !== 'sea' && rule !== 'sea_quantity_unknown') || !routes.baseline) continue;
    for (const passage of routes.baseline.passages) {
      if (wanted.has(passage)) exposure.push({ passage, partner: refOf(iso3), product: f.product, share: 1 });
    }
  }
  const substitutes = new Set(
    trade.exportsToOthers.map((f) => trade.partners[f.exporter]?.iso3).filter((x): x is string => !!x),
  );
  for (const iso3 of substitutes) {
    if (importers.has(iso3)) continue;
    const routes = routesOf(iso3);
    if (!routes.hasPorts || routes.landNeighbour || !routes.baseline) continue;
    for (const passage of routes.baseline.passages) {
      if (wanted.has(passage)) exposure.push({ passage, partner: refOf(iso3), product: 'all', share: 1 });
    }
  }
  return {
    exposure,
    provenance: provenanceOf(sea.entry),
    method:
      'Closure exposure: sea-routed flows (maritime freight rules) whose partner → reporter route crosses the passage; rerouting not credited (upper bound)',
  };
}
