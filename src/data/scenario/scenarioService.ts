import type { Highs } from 'highs';
import type { Catalog, Provenance } from '../catalog/catalog.ts';
import { provenanceOf } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import { loadIoTable } from './ioTables.ts';
import { resolveConcordance } from './concordanceFile.ts';
import { loadScenarioTrade } from './scenarioTrade.ts';
import { closureExposure } from './scenarioExposure.ts';
import type { ScenarioDefinition } from '../../analysis/scenario/definition.ts';
import { prepareTable } from '../../analysis/scenario/propagation.ts';
import { runScenario, type ScenarioResult } from '../../analysis/scenario/run.ts';
import { ChokepointError } from '../../errors.ts';

let highsInstance: Promise<Highs> | undefined;
/** HiGHS (WebAssembly) is loaded once per process. */
export function highs(): Promise<Highs> {
  // The package's types describe a CommonJS default export; at run time the ESM build's default is the loader.
  highsInstance ??= import('highs').then((m) => {
    const load = ((m as unknown as { default: unknown }).default ?? m) as (o?: object) => Promise<Highs>;
    return load();
  });
  return highsInstance;
}

export interface ScenarioRunOutput extends ScenarioResult {
  /** Where every figure comes from: datasets (with versions), the concordance and the methods. */
  provenance: {
    trade: Provenance;
    ioTable?: Provenance;
    seaNetwork?: Provenance;
    concordance?: { id: string; source: string };
    methods: string[];
  };
}

export const scenarioMethods = [
  'Direct loss: base-year bilateral trade shares (CEPII BACI layout), annual flows spread over months',
  'Substitution: linear programme solved with HiGHS (Huangfu & Hall 2018), like-minded partners first',
  'Time to survive vs time to recover: Simchi-Levi, Schmidt & Wei (HBR 2014)',
  'Leontief demand-driven and Ghosh supply-driven models (Miller & Blair 2009), competitive-import treatment (I − M̂)A',
  'Inoperability input-output model: Haimes & Jiang (2001), Santos & Haimes (2004)',
  'ARIO-style dynamic with inventories, rationing and overproduction: Hallegatte (2008), BoARIO',
  'Monte Carlo over uncertain parameters (uniform ranges, seeded), p5/p50/p95',
];

/** Runs a validated scenario on the data directory's trade dataset and input-output table. */
export async function runScenarioOnData(options: {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  definition: ScenarioDefinition;
  /** Trade dataset id (default: findTradeDataset's choice, real data before synthetic, latest year first). */
  dataset?: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<ScenarioRunOutput> {
  const { catalog } = options;
  let definition = options.definition;
  const tradeEntry = findTradeDataset(catalog, options.dataset);
  const source = tradeSource(options.dataDir, tradeEntry, options.analytics);
  let trade = await loadScenarioTrade(options.analytics, source, definition, tradeEntry.years);
  // Closures without exposure in the file take it from the sea-route network: first the reporter's exposed flows
  // (which decide the products affected), then, with their substitutes loaded, the substitutes' routes.
  const first = closureExposure(options.dataDir, catalog, definition, trade);
  let seaNetwork: Provenance | undefined;
  const methods = [...scenarioMethods];
  if (first.provenance) {
    const withImports = { ...definition, exposure: [...definition.exposure, ...first.exposure] };
    trade = await loadScenarioTrade(options.analytics, source, withImports, tradeEntry.years);
    const full = closureExposure(options.dataDir, catalog, definition, trade);
    definition = { ...definition, exposure: [...definition.exposure, ...full.exposure] };
    seaNetwork = full.provenance;
    if (full.method) methods.push(full.method);
  }
  const ioWanted = definition.propagation.ioTable;
  const hasTable = ioWanted !== undefined || catalog.ofKind('io-table').length > 0;
  let io: Parameters<typeof runScenario>[0]['io'];
  let ioProvenance: Provenance | undefined;
  if (hasTable) {
    let loaded;
    try {
      loaded = loadIoTable(catalog, ioWanted);
    } catch (error) {
      if (error instanceof ChokepointError)
        throw new ChokepointError(error.code, error.message, { field: 'propagation.ioTable' });
      throw error;
    }
    io = {
      prepared: prepareTable(loaded.table),
      concordance: resolveConcordance(loaded.table, definition.propagation.concordance, catalog),
    };
    ioProvenance = provenanceOf(loaded.entry);
  }
  const result = await runScenario({
    definition,
    trade,
    io,
    highs: await highs(),
    onProgress: options.onProgress,
  });
  return {
    ...result,
    provenance: {
      trade: provenanceOf(tradeEntry),
      ioTable: ioProvenance,
      seaNetwork,
      concordance: io ? { id: io.concordance.id, source: io.concordance.source } : undefined,
      methods,
    },
  };
}
