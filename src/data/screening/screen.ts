import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { writeFileAtomic, type DataDir } from '../catalog/dataDir.ts';
import { moveIntoPlace } from '../catalog/moveIntoPlace.ts';
import { provenanceOf, type Catalog, type CatalogEntry } from '../catalog/catalog.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import type { StateDb } from '../state/db.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import {
  copyScreenQuery,
  methodColumn,
  runScreenQuery,
  type ScreenMethodInput,
  type ScreenPartner,
  type ScreenQueryInput,
  type ScreenFigures,
  type ScreenReporter,
  type ScreenRow,
} from './screenQuery.ts';
import { countries, countryByIso3 } from '../reference/countries.ts';
import { builtInGroups, expandReporter, type CountryGroup } from '../reference/groups.ts';
import { listGroups, recordGroupsUsed } from '../reference/groupStore.ts';
import { readRememberedGroups, rememberGroups, samePartnerGroups } from '../reference/rememberedGroups.ts';
import { criticalHsCodes } from '../reference/criticalGoodsRegistry.ts';
import { methods, methodById } from '../../analysis/methods/index.ts';
import { resolveThresholds, type Thresholds } from '../../analysis/methods/method.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * The supply-chain screen as a service (CLI `chokepoint screen`, API /api/screens): resolves the dataset, the
 * reporter (country or group), the partner groups (countries of concern, like-minded — user-editable), the
 * method thresholds and the critical-goods filter, runs the screen query and attaches labels and provenance.
 */
export interface ScreenServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  /** Editable groups and the critical goods registry; the built-in groups are used when absent. */
  state?: StateDb;
  /** HS6 → Japanese and English labels (for the trade dataset's HS revision). */
  labels?: ProductLabels;
}

export interface ProductLabels {
  label(hs6: string, revision?: string): { en: string; ja: string } | undefined;
  /** True when the code is in the nomenclature (of that revision, or of another one). */
  known(hs6: string, revision?: string): boolean;
}

export interface ScreenRequest {
  dataset?: string;
  /** ISO3, country name, BACI code, or a group id (EU27, G7 …). */
  reporter: string;
  year: number;
  /** Show only products this method flags (all methods are evaluated either way). */
  method?: string;
  /** Named partner for the majority method (ISO3 or name). */
  partner?: string;
  /** Only the critical goods' HS6 codes (all goods, or the listed ids). */
  critical?: boolean | string[];
  /** Threshold overrides: "method.name" → value, or "name" → value for the chosen --method. */
  thresholds?: Record<string, number>;
  /** Years looked at for persistence (default 3, at least every method's window). */
  window?: number;
}

export interface ScreenProvenance {
  dataset: string;
  title: string;
  publisher: string;
  version: string;
  synthetic: boolean;
  method: string;
  thresholds: Record<string, Thresholds>;
  partner?: string;
  concern: string[];
  likeMinded: string[];
}

export interface ScreenItem extends ScreenFigures {
  labelEn: string;
  labelJa: string;
  critical: string[];
  flags: Record<string, boolean>;
  /** Years of the method's window (or the screen window) in which its criteria held. */
  persistence: Record<string, { met: number; of: number }>;
  provenance: ScreenProvenance;
}

export interface ScreenResult {
  reporter: string;
  reporterMembers: string[];
  year: number;
  window: number;
  entry: CatalogEntry;
  items: ScreenItem[];
  /** Products flagged per method (over all screened products, before the --method filter). */
  counts: Record<string, number>;
  screened: number;
  provenance: ScreenProvenance;
}

export interface ResolvedScreen {
  entry: CatalogEntry;
  input: ScreenQueryInput;
  reporter: string;
  reporterMembers: string[];
  critical?: Map<string, string[]>;
  provenance: ScreenProvenance;
  method?: string;
  window: number;
}

/** Every country with a BACI code, as screen partners (ISO3, concern / like-minded flags). */
export function screenPartners(concern: readonly string[], likeMinded: readonly string[]): ScreenPartner[] {
  const c = new Set(concern);
  const lm = new Set(likeMinded);
  return countries.flatMap((country) =>
    country.baciCodes.map((code) => ({
      code,
      iso3: country.iso3,
      concern: c.has(country.iso3),
      likeMinded: lm.has(country.iso3),
    })),
  );
}

function baciCodesOf(iso3s: readonly string[]): number[] {
  return iso3s.flatMap((iso3) => countryByIso3(iso3)?.baciCodes ?? []);
}

/** `eu2021.hhi=0.3`, `share=0.6` (CLI --threshold, or comma-separated in the API) → { 'eu2021.hhi': 0.3, share: 0.6 }. */
export function parseThresholds(list: string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) {
    const m = /^([a-z0-9]+(?:\.[A-Za-z0-9]+)?)=(.+)$/.exec(item.trim());
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) {
      throw new ChokepointError(
        'bad_input',
        `threshold "${item}" must look like name=value or method.name=value (e.g. eu2021.hhi=0.3)`,
        {
          field: 'threshold',
        },
      );
    }
    out[m[1]] = value;
  }
  return out;
}

/** Splits threshold overrides per method; a bare name applies to the chosen method. */
export function thresholdsByMethod(
  overrides: Record<string, number> = {},
  method?: string,
): Record<string, Thresholds> {
  const per: Record<string, Partial<Thresholds>> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const dot = key.indexOf('.');
    const methodId = dot >= 0 ? key.slice(0, dot) : method;
    if (!methodId) {
      throw new ChokepointError(
        'bad_input',
        `threshold "${key}" needs a method: write method.name=value (e.g. eu2021.hhi=0.3) or give --method`,
        {
          field: 'threshold',
        },
      );
    }
    methodById(methodId);
    (per[methodId] ??= {})[dot >= 0 ? key.slice(dot + 1) : key] = value;
  }
  return Object.fromEntries(methods.map((m) => [m.id, resolveThresholds(m, per[m.id] ?? {})]));
}

async function groupsOf(services: ScreenServices): Promise<readonly CountryGroup[]> {
  return services.state ? listGroups(services.state) : builtInGroups;
}

function assertYear(entry: CatalogEntry, year: number): void {
  const years = entry.years ?? [];
  if (!Number.isInteger(year) || !years.includes(year)) {
    const have = years.length ? `${years.join(', ')}` : 'none';
    throw new ChokepointError(
      'no_data',
      `dataset "${entry.id}" has no data for ${year} (years present: ${have})`,
      {
        field: 'year',
      },
    );
  }
}

/** Resolves a request into the screen query input and its provenance (no query runs yet). */
export async function resolveScreen(
  services: ScreenServices,
  request: ScreenRequest & { all?: boolean },
  /** The country groups to use (default: as stored in the state database, else the built-in ones). */
  knownGroups?: readonly CountryGroup[],
): Promise<ResolvedScreen> {
  const entry = findTradeDataset(services.catalog, request.dataset, request.year);
  assertYear(entry, request.year);
  if (request.method) methodById(request.method);
  const groups = knownGroups ?? (await groupsOf(services));
  const concernGroup = groups.find((g) => g.id === 'CONCERN');
  const likeMindedGroup = groups.find((g) => g.id === 'LIKE_MINDED');
  const concern = concernGroup?.members ?? [];
  const likeMinded = likeMindedGroup?.members ?? [];
  recordGroupsUsed([concernGroup, likeMindedGroup].filter((g) => g !== undefined));
  let reporter = 'ALL';
  let reporterMembers: string[] = [];
  let reporters: ScreenReporter[] | 'ALL' = 'ALL';
  if (!request.all) {
    const expanded = expandReporter(request.reporter, groups);
    if (expanded.group) recordGroupsUsed([expanded.group]);
    reporter = expanded.isGroup ? expanded.group!.id : expanded.members[0];
    reporterMembers = expanded.members;
    const members = baciCodesOf(expanded.members);
    if (members.length === 0) {
      throw new ChokepointError('unknown_code', `reporter "${request.reporter}" has no trade code in BACI`, {
        field: 'reporter',
      });
    }
    reporters = [{ reporter, members }];
  }
  let partnerCode: number | undefined;
  let partner: string | undefined;
  if (request.partner) {
    const expanded = expandReporter(request.partner, []);
    partner = expanded.members[0];
    const codes = baciCodesOf([partner]);
    if (!codes.length)
      throw new ChokepointError('unknown_code', `partner "${request.partner}" has no trade code in BACI`, {
        field: 'partner',
      });
    partnerCode = codes[0];
  }
  const thresholds = thresholdsByMethod(request.thresholds, request.method);
  const methodInputs: ScreenMethodInput[] = methods.map((method) => ({
    method,
    thresholds: thresholds[method.id],
    options: method.id === 'majority' && partner ? { partner } : {},
  }));
  // Critical goods label every item (when the registry is at hand) and filter the screen with --critical; the
  // ALL file has no labels, so it reads the registry only for --critical.
  const critical =
    services.state && (!request.all || request.critical) ? await criticalHsCodes(services.state) : undefined;
  let products: string[] | undefined;
  if (request.critical) {
    if (!services.state)
      throw new ChokepointError('internal', 'the critical goods filter needs the state database');
    const chosen = Array.isArray(request.critical)
      ? await criticalHsCodes(services.state, request.critical)
      : critical!;
    products = [...chosen.keys()];
  }
  const window = Math.max(
    request.window ?? 3,
    ...methods.map((m) => (m.persistence ? thresholds[m.id][m.persistence.window] : 1)),
  );
  const p = provenanceOf(entry);
  const provenance: ScreenProvenance = {
    dataset: p.dataset,
    title: p.title,
    publisher: p.publisher,
    version: p.version,
    synthetic: p.synthetic,
    method: request.method ?? 'all',
    thresholds,
    ...(partner ? { partner } : {}),
    concern: [...concern],
    likeMinded: [...likeMinded],
  };
  return {
    entry,
    reporter,
    reporterMembers,
    critical,
    provenance,
    method: request.method,
    window,
    input: {
      source: tradeSource(services.dataDir, entry, services.analytics),
      year: request.year,
      window,
      reporters,
      partners: screenPartners(concern, likeMinded),
      methods: methodInputs,
      partnerCode,
      products,
      yearsPresent: entry.years,
    },
  };
}

function toItem(row: ScreenRow, resolved: ResolvedScreen, services: ScreenServices): ScreenItem {
  const label = services.labels?.label(row.hs6, resolved.entry.hs);
  const flags: Record<string, boolean> = {};
  const persistence: Record<string, { met: number; of: number }> = {};
  for (const m of resolved.input.methods) {
    flags[m.method.id] = Boolean(row[methodColumn('flag', m.method.id)]);
    const of = m.method.persistence ? m.thresholds[m.method.persistence.window] : resolved.window;
    persistence[m.method.id] = { met: Number(row[methodColumn('years', m.method.id)]), of };
  }
  return {
    reporter: row.reporter,
    hs6: row.hs6,
    labelEn: label?.en ?? '',
    labelJa: label?.ja ?? '',
    importValueUsd: row.importValueUsd,
    hhi: row.hhi,
    topSupplier: row.topSupplier,
    topShare: row.topShare,
    top3Share: row.top3Share,
    suppliers: row.suppliers,
    countriesTo75: row.countriesTo75,
    concernShare: row.concernShare,
    likeMindedShare: row.likeMindedShare,
    partnerShare: row.partnerShare,
    extraGroupShare: row.extraGroupShare,
    unitValueUsdPerTonne: row.unitValueUsdPerTonne,
    exportValueUsd: row.exportValueUsd,
    importExportRatio: row.importExportRatio,
    noExports: row.noExports,
    worldExportHhi: row.worldExportHhi,
    topWorldExporter: row.topWorldExporter,
    topWorldExporterShare: row.topWorldExporterShare,
    yearsWithImports: row.yearsWithImports,
    critical: resolved.critical?.get(row.hs6) ?? [],
    flags,
    persistence,
    provenance: resolved.provenance,
  };
}

/** Screens one reporter (country or group) for one year; items ranked by import value. */
export async function runScreen(services: ScreenServices, request: ScreenRequest): Promise<ScreenResult> {
  return executeScreen(services, await resolveScreen(services, request), request.year);
}

/** Runs an already resolved screen (callers that cache results key them on the resolved input). */
export async function executeScreen(
  services: ScreenServices,
  resolved: ResolvedScreen,
  year: number,
): Promise<ScreenResult> {
  const rows = await runScreenQuery(services.analytics, resolved.input);
  const all = rows.map((row) => toItem(row, resolved, services));
  const counts = Object.fromEntries(methods.map((m) => [m.id, all.filter((i) => i.flags[m.id]).length]));
  const items = resolved.method ? all.filter((i) => i.flags[resolved.method!]) : all;
  return {
    reporter: resolved.reporter,
    reporterMembers: resolved.reporterMembers,
    year,
    window: resolved.window,
    entry: resolved.entry,
    items,
    counts,
    screened: all.length,
    provenance: resolved.provenance,
  };
}

export interface ScreenAllOptions {
  /**
   * The state database, still opening (the CLI: PGlite takes about a second). The screen starts at once with the
   * country groups this data directory last screened with (or the built-in ones) and checks them against the
   * stored groups once the database is open; when the countries of concern or the like-minded countries have
   * changed, it screens again with the stored ones. The file is only ever written from the stored groups.
   */
  stateOpening?: Promise<StateDb>;
  /** The stored groups, known without opening the state database (rememberedGroups.ts): no check needed. */
  storedGroups?: readonly CountryGroup[];
}

/**
 * Every reporter in one pass, written by DuckDB straight to a Parquet or CSV file (no rows through JS).
 * Each row carries its provenance columns (dataset, version, synthetic; in Parquet also method and thresholds,
 * for CSV those are in FILE.provenance.json). The file appears whole or not at all (written beside it, renamed).
 */
export async function screenAllToFile(
  services: ScreenServices,
  request: Omit<ScreenRequest, 'reporter'>,
  file: string,
  format: 'parquet' | 'csv',
  options: ScreenAllOptions = {},
): Promise<{ provenance: ScreenProvenance; file: string }> {
  const opening = options.stateOpening;
  // The critical goods filter reads the registry in the state database before the screen can start.
  if (opening && request.critical)
    return screenAllToFile({ ...services, state: await opening }, request, file, format);
  opening?.catch(() => undefined); // a failure to open is reported below, once the first pass has ended
  const all = { ...request, reporter: 'ALL', all: true };
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  try {
    const guess = options.storedGroups ?? (opening ? readRememberedGroups(services.dataDir) : undefined);
    let resolved = await resolveScreen(services, all, guess);
    await copyScreen(services, resolved, partial, format);
    if (opening) {
      const stored = await listGroups(await opening);
      rememberGroups(services.dataDir, stored);
      if (!samePartnerGroups(guess!, stored)) {
        resolved = await resolveScreen(services, all, stored);
        await copyScreen(services, resolved, partial, format);
      }
    }
    if (format === 'csv')
      writeFileAtomic(`${file}.provenance.json`, JSON.stringify(resolved.provenance, null, 2));
    await moveIntoPlace(partial, file);
    return { provenance: resolved.provenance, file };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

async function copyScreen(
  services: ScreenServices,
  resolved: ResolvedScreen,
  file: string,
  format: 'parquet' | 'csv',
): Promise<void> {
  const p = resolved.provenance;
  // Parquet stores the repeated provenance strings once (dictionary); a CSV keeps the short ones per row and the
  // method and thresholds in FILE.provenance.json beside it.
  const constants: Record<string, string | boolean> = {
    dataset: p.dataset,
    version: p.version,
    synthetic: p.synthetic,
  };
  if (format === 'parquet')
    Object.assign(constants, { method: p.method, thresholds: JSON.stringify(p.thresholds) });
  await copyScreenQuery(services.analytics, { ...resolved.input, constants }, file, format);
}
