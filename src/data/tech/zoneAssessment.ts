import { provenanceOf, type Catalog, type CatalogEntry, type Provenance } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import type { StateDb } from '../state/db.ts';
import { ChokepointError } from '../../errors.ts';
import { listRegistry } from '../reference/registryStore.ts';
import { findTradeDataset } from '../catalog/tradeDataset.ts';
import { runScreen, type ScreenItem, type ScreenProvenance } from '../screening/screen.ts';
import { resolveReporter } from '../reference/groupStore.ts';
import { asOneCountry } from './reporterRows.ts';
import type { PatentFieldRef } from '../reference/technologies.ts';
import { findPatentDataset, patentRows, patentWorldRows } from './patentData.ts';
import { basketOf, exportYear, findExportDataset, rcaCoverage, type ExportYear } from './exportData.ts';
import {
  activeRuleSet,
  appliedMeasures,
  currentZoneOverrides,
  type AppliedMeasure,
  type ZoneOverride,
} from './zoneState.ts';
import {
  assessEntry,
  type PatentDetail,
  type EntryPatentInput,
  type ScreenInput,
  type TradeDetail,
} from '../../analysis/tech/entryIndicators.ts';
import { classify, type ZoneClassification, type ZoneRuleSet } from '../../analysis/zones/rules.ts';
import type { EntryIndicators } from '../../analysis/zones/indicators.ts';
import type { Zone } from '../../analysis/zones/zone.ts';
import {
  risksOf,
  suggestMeasures,
  type PolicyRisk,
  type SuggestedMeasure,
} from '../../analysis/policy/measures.ts';
import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import { mayRead } from '../security/readContext.ts';

/**
 * Zones of every registry entry (critical goods from the editable registry, critical technologies) for one
 * reporter: loads patents, exports and the dependence screen, computes the indicators (src/analysis/tech),
 * classifies by the rule set, applies analysts' overrides, and suggests measures. Used by the CLI, the API and
 * the dossier. Each input that is missing leaves its indicators null and adds a note — nothing is guessed.
 */
export interface TechServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  state: StateDb;
  /** Marking of a dataset (the server's datasetMarking); public when absent (CLI). */
  datasetMarking?: (id: string) => Promise<Marking>;
}

/** A remark on the inputs, in Japanese and English. */
export interface Note {
  ja: string;
  en: string;
}

export interface RegistryEntry {
  id: string;
  kind: 'good' | 'technology';
  name: { ja: string; en: string };
  hs6: string[];
  patentFields: PatentFieldRef[];
  marking: Marking;
}

/**
 * The registry's entries in force (goods, then technologies), as the zones, the dossier and the risk register use
 * them. Entries the current reader may not read are left out.
 */
export async function registryEntries(state: StateDb): Promise<RegistryEntry[]> {
  const entries = (await listRegistry(state, { status: ['active'] })).filter((e) => mayRead(e.marking));
  return [...entries.filter((e) => e.kind === 'good'), ...entries.filter((e) => e.kind === 'technology')].map((e) => ({
    id: e.id,
    kind: e.kind,
    name: { ja: e.ja, en: e.en },
    hs6: e.hs.map((h) => h.hs6),
    patentFields: e.patentFields,
    marking: e.marking,
  }));
}

export interface ZoneRequest {
  /** ISO3, a country name, or a group id (EU27, G7 …: its members as one country). */
  reporter: string;
  /** A rule set to use instead of the active one (preview of an edit). */
  ruleSet?: ZoneRuleSet;
  patentsDataset?: string;
  exportsDataset?: string;
  exportYear?: number;
  /** Trade dataset for the dependence screen, its year; false = no screen. */
  screenDataset?: string | false;
  screenYear?: number;
  /** Only these entries (ids). */
  entries?: string[];
}

export interface ScreenSummary extends ScreenInput {
  year: number;
  importValueUsd: number;
  items: ScreenItem[];
}

export interface AssessedEntry {
  entry: RegistryEntry;
  indicators: EntryIndicators;
  patents: (PatentDetail & { source: string; fields: string[] }) | null;
  trade: (TradeDetail & { year: number; basket: string[]; productDigits: number; coverage: string }) | null;
  screen: ScreenSummary | null;
  classification: ZoneClassification;
  override: ZoneOverride | null;
  /** The zone in force: the override's when there is one, else the rule's. */
  zone: Zone | null;
  risks: PolicyRisk[];
  suggested: SuggestedMeasure[];
  applied: AppliedMeasure[];
  /** Join of the entry's, its override's, its measures' and the datasets' markings. */
  marking: Marking;
}

export interface ZoneAssessment {
  reporter: string;
  ruleSet: ZoneRuleSet;
  entries: AssessedEntry[];
  provenance: (Provenance | (ScreenProvenance & { kind: 'screen' }))[];
  /** Inputs that were missing or coarse, in both languages. */
  notes: Note[];
  marking: Marking;
}

/** Value-weighted summary of the screen over the entry's HS6 codes (the codes themselves stay in `items`). */
export function summariseScreen(items: ScreenItem[], year: number): ScreenSummary | null {
  if (items.length === 0) return null;
  const imports = items.reduce((s, i) => s + i.importValueUsd, 0);
  const exports = items.reduce((s, i) => s + i.exportValueUsd, 0);
  const weighted = (f: (i: ScreenItem) => number) =>
    imports > 0 ? items.reduce((s, i) => s + f(i) * i.importValueUsd, 0) / imports : null;
  const largest = [...items].sort((a, b) => b.importValueUsd - a.importValueUsd)[0];
  const methodsFlagged = [
    ...new Set(
      items.flatMap((i) =>
        Object.entries(i.flags)
          .filter(([, f]) => f)
          .map(([m]) => m),
      ),
    ),
  ].sort();
  return {
    year,
    importValueUsd: imports,
    importHhi: weighted((i) => i.hhi),
    topSupplier: largest.topSupplier,
    topSupplierShare: weighted((i) => i.topShare),
    mxRatio: exports > 0 ? imports / exports : null,
    methodsFlagged,
    items,
  };
}

export async function assessZones(services: TechServices, request: ZoneRequest): Promise<ZoneAssessment> {
  const resolved = await resolveReporter(services.state, request.reporter);
  const reporter = resolved.id;
  // A group's members count as one country in the patent and export rows (reporterRows.ts).
  const members = new Set(resolved.members);
  const asReporter = <T extends object, C extends keyof T & string, A extends keyof T & string>(
    rows: readonly T[],
    country: C,
    amount: A,
  ): T[] => (resolved.isGroup ? asOneCountry(rows, country, amount, members, reporter) : [...rows]);
  const ruleSet = request.ruleSet ?? (await activeRuleSet(services.state));
  const notes: Note[] = [];
  const provenance: ZoneAssessment['provenance'] = [];
  const datasetsUsed: CatalogEntry[] = [];

  let entries = await registryEntries(services.state);
  if (request.entries?.length) {
    const unknown = request.entries.filter((id) => !entries.some((e) => e.id === id));
    if (unknown.length) {
      throw new ChokepointError(
        'not_found',
        `no registry entry ${unknown.join(', ')} (known: ${entries.map((e) => e.id).join(', ')})`,
        { field: 'entry' },
      );
    }
    entries = entries.filter((e) => request.entries!.includes(e.id));
  }

  // Patents: one load per source the entries need.
  const patentsBySource = new Map<string, Omit<EntryPatentInput, 'fields'>>();
  let patentsEntry: CatalogEntry | undefined;
  try {
    patentsEntry = findPatentDataset(services.catalog, request.patentsDataset);
  } catch (error) {
    if (request.patentsDataset) throw error;
    notes.push({
      ja: '特許データセットがないため、RTAと特許指標は欠損です(chokepoint data import patents --help)',
      en: 'no patents dataset: RTA and patent indicators are missing (chokepoint data import patents --help)',
    });
  }
  if (patentsEntry) {
    datasetsUsed.push(patentsEntry);
    for (const source of new Set(entries.flatMap((e) => e.patentFields.map((f) => f.source)))) {
      patentsBySource.set(source, {
        rows: asReporter(await patentRows(services.analytics, services.dataDir, patentsEntry, source), 'country', 'count'),
        world: await patentWorldRows(services.analytics, services.dataDir, patentsEntry, source),
      });
    }
  }

  let exportsData: ExportYear | undefined;
  try {
    const exportsEntry = findExportDataset(services.catalog, request.exportsDataset);
    const year = await exportYear(services.analytics, services.dataDir, exportsEntry, request.exportYear);
    exportsData = { ...year, rows: asReporter(year.rows, 'exporter', 'value') };
    datasetsUsed.push(exportsEntry);
    if (rcaCoverage(exportsData) === 'dataset-products') {
      notes.push({
        ja: `輸出データセット「${exportsEntry.id}」は${exportsData.products}品目のみ: RCAは全貿易ではなくこれらの品目の中での比較です`,
        en: `exports dataset "${exportsEntry.id}" holds only ${exportsData.products} products: RCA compares with those products, not with all trade`,
      });
    }
    if (exportsData.productDigits < 6)
      notes.push({
        ja: `輸出はHS${exportsData.productDigits}桁: 物資はHS${exportsData.productDigits}桁の項で照合しており、項には対象物資以外も含まれます`,
        en: `exports are by HS${exportsData.productDigits}: goods are matched at their HS${exportsData.productDigits} headings, which hold more than the good`,
      });
  } catch (error) {
    if (request.exportsDataset || !(error instanceof ChokepointError) || error.code !== 'not_found')
      throw error;
    notes.push({
      ja: '輸出・貿易データセットがないため、RCAと世界輸出シェアは欠損です',
      en: 'no exports or trade dataset: RCA and world export shares are missing',
    });
  }

  const screenByGood = new Map<string, ScreenItem[]>();
  let screenYear: number | undefined;
  if (request.screenDataset !== false) {
    try {
      const trade = findTradeDataset(services.catalog, request.screenDataset || undefined);
      screenYear = request.screenYear ?? Math.max(...(trade.years ?? []));
      const result = await runScreen(services, {
        dataset: trade.id,
        reporter,
        year: screenYear,
        critical: true,
      });
      datasetsUsed.push(trade);
      provenance.push({ kind: 'screen', ...result.provenance });
      for (const item of result.items)
        for (const id of item.critical)
          (screenByGood.get(id) ?? screenByGood.set(id, []).get(id)!).push(item);
    } catch (error) {
      if (request.screenDataset || !(error instanceof ChokepointError)) throw error;
      notes.push({
        ja: `依存スクリーニングなし: ${error.message}`,
        en: `no dependence screen: ${error.message}`,
      });
    }
  }

  for (const d of datasetsUsed)
    if (!provenance.some((p) => p.dataset === d.id)) provenance.push(provenanceOf(d));
  const datasetMarkings = services.datasetMarking
    ? await Promise.all(datasetsUsed.map((d) => services.datasetMarking!(d.id)))
    : [];
  const overrides = await currentZoneOverrides(services.state, reporter);
  const measures = await appliedMeasures(services.state, undefined, reporter);

  const assessed = entries.map((entry): AssessedEntry => {
    const source = entry.patentFields[0]?.source;
    const fields = entry.patentFields.filter((f) => f.source === source).map((f) => f.field);
    const patents = source ? patentsBySource.get(source) : undefined;
    const basket =
      exportsData && entry.hs6.length ? basketOf(entry.hs6, exportsData.productDigits) : undefined;
    const items = screenByGood.get(entry.id) ?? [];
    const screen = screenYear !== undefined ? summariseScreen(items, screenYear) : null;
    const a = assessEntry(
      reporter,
      {
        kind: entry.kind,
        patents: patents && fields.length ? { ...patents, fields } : undefined,
        trade: exportsData && basket ? { rows: exportsData.rows, basket } : undefined,
        screen,
      },
      ruleSet.parameters,
    );
    const classification = classify(a.indicators, ruleSet);
    const override = overrides.get(entry.id) ?? null;
    const zone = override?.zone ?? classification.zone;
    const risks = risksOf(a.indicators);
    const applied = measures.filter((m) => m.entryId === entry.id);
    return {
      entry,
      indicators: a.indicators,
      patents: a.patents && source ? { ...a.patents, source, fields } : null,
      trade:
        a.trade && exportsData && basket
          ? {
              ...a.trade,
              year: exportsData.year,
              basket: [...basket].sort(),
              productDigits: exportsData.productDigits,
              coverage: rcaCoverage(exportsData),
            }
          : null,
      screen,
      classification,
      override,
      zone,
      risks,
      suggested: suggestMeasures(zone, risks),
      applied,
      marking: joinMarkings([
        entry.marking,
        ...(override ? [override.marking] : []),
        ...applied.map((m) => m.marking),
        ...datasetMarkings,
      ]),
    };
  });
  if (resolved.isGroup)
    notes.push({
      ja: `${reporter}はグループ: 加盟国の特許・輸出を1か国として合算しています(加盟国間の輸出を含む)`,
      en: `${reporter} is a group: its members' patents and exports are taken together as one country (exports between members included)`,
    });
  const summed = [
    ...new Set(assessed.filter((e) => e.patents?.worldBasis === 'sum').map((e) => e.patents!.source)),
  ];
  if (summed.length)
    notes.push({
      ja: `${summed.join('・')}の特許: データセットに「World」行がないため、RTAの世界は掲載国の合計です(掲載されていない国・地域と特許庁の出願は含まれません)`,
      en: `${summed.join(', ')} patents: the dataset has no World rows, so the RTA's world is the sum of the listed countries (economies and patent offices the table does not list are left out)`,
    });
  return {
    reporter,
    ruleSet,
    entries: assessed,
    provenance,
    notes,
    marking: joinMarkings(datasetMarkings),
  };
}
