import { concentration, shareOf, type Concentration } from './concentration.ts';
import { chokepointFlags, type ChokepointFlags, type ChokepointThresholds } from './chokepoint.ts';
import { rta, slopePerYear, type PatentCount } from './rta.ts';
import { logLinearTrend } from '../trend.ts';
import { basketRca, type ExportValue, type RcaTotals } from './rca.ts';
import { emptyIndicators, withAdvantage, type EntryIndicators } from '../zones/indicators.ts';

/**
 * Indicators of one registry entry for one reporter, from patents in the entry's field(s), exports of its
 * products and the dependence screen. Several fields (or products) are taken together as one basket.
 */
export interface PatentYearCount extends PatentCount {
  year: number;
}

export interface EntryPatentInput {
  /** All rows of one patent source (country level only) for the years to consider, incl. field `total` if present. */
  rows: readonly PatentYearCount[];
  /** The entry's fields in that source. */
  fields: readonly string[];
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

const totalField = 'total';

function summarise(c: Concentration) {
  const { ranked, ...rest } = c;
  return { ...rest, top: ranked.slice(0, 5).map((r) => ({ country: r.country, share: r.share })) };
}

function rankOf(c: Concentration, country: string): number | null {
  const i = c.ranked.findIndex((r) => r.country === country);
  return i < 0 ? null : i + 1;
}

function patentSide(reporter: string, input: EntryPatentInput, p: EntryParameters) {
  const fields = new Set(input.fields);
  const years = [...new Set(input.rows.filter((r) => fields.has(r.field)).map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const window = years.slice(-p.windowYears);
  const hasTotals = input.rows.some((r) => r.field === totalField);
  const perYear = window.map((year) => {
    const rows = input.rows.filter((r) => r.year === year);
    const entry = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const r of rows) {
      if (fields.has(r.field)) entry.set(r.country, (entry.get(r.country) ?? 0) + r.count);
      // Without a `total` field the fields are taken as a partition: P_c = Σ_f P_cf.
      if (hasTotals ? r.field === totalField : !fields.has(totalField)) totals.set(r.country, (totals.get(r.country) ?? 0) + r.count);
    }
    // Countries are those with an all-field count: the world of the field share and of the total is the same set.
    if (hasTotals) for (const c of [...entry.keys()]) if (!totals.has(c)) entry.delete(c);
    for (const c of totals.keys()) if (!entry.has(c)) entry.set(c, 0);
    const counts = [...entry].map(([country, count]) => ({ country, field: 'entry', count }));
    const cells = rta(counts, totals);
    const amounts = counts.map((c) => ({ country: c.country, amount: c.count }));
    let allFields = 0;
    for (const t of totals.values()) allFields += t;
    return {
      year,
      rta: cells.find((c) => c.country === reporter)?.rta ?? null,
      conc: concentration(amounts),
      share: shareOf(amounts, reporter),
      world: amounts.reduce((s, a) => s + a.amount, 0),
      allFields,
      reporterCount: entry.get(reporter) ?? 0,
    };
  });
  const last = perYear[perYear.length - 1];
  // Growth over the window by log-linear least squares (every year counts, not just the two ends).
  const growth = logLinearTrend(perYear.map((y) => ({ year: y.year, value: y.world }))).growth;
  const growthAll = logLinearTrend(perYear.map((y) => ({ year: y.year, value: y.allFields }))).growth;
  const sameLeader = perYear.every((y) => y.conc.topCountry !== null && y.conc.topCountry === last.conc.topCountry);
  const rank = rankOf(last.conc, reporter);
  const flags = chokepointFlags(
    { worldHhi: last.conc.hhi, worldTopShare: last.conc.topShare, reporterShare: last.share, reporterRank: rank },
    p.chokepoint,
  );
  return {
    values: {
      rta: last.rta,
      rtaTrend: slopePerYear(perYear.map((y) => ({ year: y.year, value: y.rta }))),
      patentShare: last.share,
      patentRank: rank,
      worldPatentGrowth: growth,
      patentGrowthVsAll: growth !== null && growthAll !== null ? growth - growthAll : null,
      patentTopShare: last.conc.topShare,
      patentLeadRatio: last.conc.leadRatio,
      patentCountriesTo75: last.conc.countriesToReach,
      settledLeader: last.conc.topCountry === null ? null : sameLeader && (last.conc.leadRatio ?? Infinity) >= p.settledLeadRatio,
    },
    detail: {
      years: window,
      lastYear: last.year,
      reporterCount: last.reporterCount,
      worldCount: last.world,
      rtaByYear: perYear.map((y) => ({ year: y.year, rta: y.rta })),
      leaderByYear: perYear.map((y) => ({ year: y.year, country: y.conc.topCountry })),
      concentration: summarise(last.conc),
      flags,
    } satisfies PatentDetail,
  };
}

function tradeSide(reporter: string, input: EntryTradeInput, p: EntryParameters) {
  const byExporter = new Map<string, number>();
  for (const r of input.rows) {
    if (input.basket.has(r.product) && r.value > 0) byExporter.set(r.exporter, (byExporter.get(r.exporter) ?? 0) + r.value);
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
 * Choke-point flags combine both sides: dependence from trade where the entry has products (world supply is what
 * a reporter imports), else from patents; indispensability if either side shows a leading share.
 */
export function assessEntry(
  reporter: string,
  input: { patents?: EntryPatentInput; trade?: EntryTradeInput; screen?: ScreenInput | null },
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
  const tf = trade?.detail.flags;
  const pf = patent?.detail.flags;
  ind.dependence = tf?.dependence ?? pf?.dependence ?? null;
  const ind1 = [tf?.indispensability, pf?.indispensability].filter((v): v is boolean => v !== null && v !== undefined);
  ind.indispensability = ind1.length ? ind1.some(Boolean) : null;
  return { indicators: withAdvantage(ind), patents: patent?.detail ?? null, trade: trade?.detail ?? null };
}
