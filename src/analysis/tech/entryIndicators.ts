import { concentration, shareOf, type Concentration } from './concentration.ts';
import { chokepointFlags, type ChokepointFlags, type ChokepointThresholds } from './chokepoint.ts';
import {
  fieldWindow,
  rtaTrendOf,
  type PatentYearCount,
  type WorldBasis,
  type WorldYearCount,
} from './fieldWindow.ts';
import { basketRca, type ExportValue, type RcaTotals } from './rca.ts';
import { emptyIndicators, withAdvantage, type EntryIndicators } from '../zones/indicators.ts';

/**
 * Indicators of one registry entry for one reporter, from patents in the entry's field(s), exports of its
 * products and the dependence screen. Several fields (or products) are taken together as one basket.
 */
export type { PatentYearCount };

export interface EntryPatentInput {
  /** All rows of one patent source (country level only) for the years to consider, incl. field `total` if present. */
  rows: readonly PatentYearCount[];
  /** The entry's fields in that source. */
  fields: readonly string[];
  /** The source's World rows: the RTA's world where they cover the window (fieldWindow.ts). */
  world?: readonly WorldYearCount[];
  /** Default 'published'. */
  worldBasis?: WorldBasis;
}

export interface EntryTradeInput {
  /** Exports by exporter × product for one year (all products, or at least the basket). */
  rows: readonly ExportValue[];
  /** Products of the rows that belong to the entry. */
  basket: ReadonlySet<string>;
  totals?: RcaTotals;
}

export interface ScreenInput {
  importHhi: number | null;
  topSupplier: string | null;
  topSupplierShare: number | null;
  mxRatio: number | null;
  /** Screen methods that flagged any of the entry's products. */
  methodsFlagged: string[];
}

export interface EntryParameters {
  windowYears: number;
  settledLeadRatio: number;
  chokepoint: ChokepointThresholds;
}

export interface PatentDetail {
  years: number[];
  lastYear: number;
  reporterCount: number;
  worldCount: number;
  rtaByYear: { year: number; rta: number | null }[];
  /** The world the RTA was computed over: the publisher's World rows, or the sum over the countries. */
  worldBasis: WorldBasis;
  leaderByYear: { year: number; country: string | null }[];
  concentration: Omit<Concentration, 'ranked'> & { top: { country: string; share: number }[] };
  flags: ChokepointFlags;
}

export interface TradeDetail {
  reporterExports: number;
  worldExports: number;
  concentration: Omit<Concentration, 'ranked'> & { top: { country: string; share: number }[] };
  flags: ChokepointFlags;
}

export interface EntryAssessment {
  indicators: EntryIndicators;
  patents: PatentDetail | null;
  trade: TradeDetail | null;
}

function summarise(c: Concentration) {
  const { ranked, ...rest } = c;
  return { ...rest, top: ranked.slice(0, 5).map((r) => ({ country: r.country, share: r.share })) };
}

function rankOf(c: Concentration, country: string): number | null {
  const i = c.ranked.findIndex((r) => r.country === country);
  return i < 0 ? null : i + 1;
}

function patentSide(reporter: string, input: EntryPatentInput, p: EntryParameters) {
  const w = fieldWindow(input.rows, input.fields, p.windowYears, {
    worldRows: input.world,
    world: input.worldBasis,
  });
  if (!w) return null;
  const perYear = w.years.map((y) => ({
    year: y.year,
    rta: y.rta.get(reporter) ?? null,
    conc: y.concentration,
    share: y.world > 0 ? (y.counts.get(reporter) ?? 0) / y.world : null,
    world: y.world,
    reporterCount: y.counts.get(reporter) ?? 0,
  }));
  const last = perYear[perYear.length - 1];
  const { growth, growthAll } = w;
  const sameLeader = perYear.every(
    (y) => y.conc.topCountry !== null && y.conc.topCountry === last.conc.topCountry,
  );
  const rank = rankOf(last.conc, reporter);
  const flags = chokepointFlags(
    {
      worldHhi: last.conc.hhi,
      worldTopShare: last.conc.topShare,
      reporterShare: last.share,
      reporterRank: rank,
    },
    p.chokepoint,
  );
  return {
    values: {
      rta: last.rta,
      rtaTrend: rtaTrendOf(w, reporter),
      patentShare: last.share,
      patentRank: rank,
      worldPatentGrowth: growth,
      patentGrowthVsAll: growth !== null && growthAll !== null ? growth - growthAll : null,
      patentTopShare: last.conc.topShare,
      patentLeadRatio: last.conc.leadRatio,
      patentCountriesTo75: last.conc.countriesToReach,
      settledLeader:
        last.conc.topCountry === null
          ? null
          : sameLeader && (last.conc.leadRatio ?? Infinity) >= p.settledLeadRatio,
    },
    detail: {
      years: perYear.map((y) => y.year),
      lastYear: last.year,
      reporterCount: last.reporterCount,
      worldCount: last.world,
      rtaByYear: perYear.map((y) => ({ year: y.year, rta: y.rta })),
      worldBasis: w.worldBasis.used,
      leaderByYear: perYear.map((y) => ({ year: y.year, country: y.conc.topCountry })),
      concentration: summarise(last.conc),
      flags,
    } satisfies PatentDetail,
  };
}

function tradeSide(reporter: string, input: EntryTradeInput, p: EntryParameters) {
  const byExporter = new Map<string, number>();
  for (const r of input.rows) {
    if (input.basket.has(r.product) && r.value > 0)
      byExporter.set(r.exporter, (byExporter.get(r.exporter) ?? 0) + r.value);
  }
  if (byExporter.size === 0) return null;
  const amounts = [...byExporter].map(([country, amount]) => ({ country, amount }));
  const conc = concentration(amounts);
  const share = shareOf(amounts, reporter) ?? 0;
  const rank = rankOf(conc, reporter);
  const flags = chokepointFlags(
    { worldHhi: conc.hhi, worldTopShare: conc.topShare, reporterShare: share, reporterRank: rank },
    p.chokepoint,
  );
  return {
    values: {
      rca: basketRca(input.rows, reporter, input.basket, input.totals),
      exportShare: share,
      worldExportHhi: conc.hhi,
      worldExportTopShare: conc.topShare,
    },
    detail: {
      reporterExports: byExporter.get(reporter) ?? 0,
      worldExports: conc.total,
      concentration: summarise(conc),
      flags,
    } satisfies TradeDetail,
  };
}

/**
 * Choke-point flags come from trade where the entry has products (world supply is what a reporter imports and
 * what others buy from it), else from patents (world capability).
 */
export function assessEntry(
  reporter: string,
  input: {
    kind: 'good' | 'technology';
    patents?: EntryPatentInput;
    trade?: EntryTradeInput;
    screen?: ScreenInput | null;
  },
  parameters: EntryParameters,
): EntryAssessment {
  const patent = input.patents ? patentSide(reporter, input.patents, parameters) : null;
  const trade = input.trade ? tradeSide(reporter, input.trade, parameters) : null;
  const screen = input.screen ?? null;
  const ind: EntryIndicators = { ...emptyIndicators(), ...(patent?.values ?? {}), ...(trade?.values ?? {}) };
  if (screen) {
    ind.importHhi = screen.importHhi;
    ind.topSupplierShare = screen.topSupplierShare;
    ind.mxRatio = screen.mxRatio;
    ind.screenFlags = screen.methodsFlagged.length;
  }
  ind.technology = input.kind === 'technology';
  // A good's choke-point flags come from world supply (trade) when there is trade data; patents otherwise.
  const flags = trade?.detail.flags ?? patent?.detail.flags;
  ind.dependence = flags?.dependence ?? null;
  ind.indispensability = flags?.indispensability ?? null;
  return { indicators: withAdvantage(ind), patents: patent?.detail ?? null, trade: trade?.detail ?? null };
}
