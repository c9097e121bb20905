import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { listRegistry, getRegistryEntry, type RegistryEntryRecord } from '../reference/registryStore.ts';
import { mineralChains } from '../reference/mineralChains.ts';
import { runScreen, type ScreenServices } from '../screening/screen.ts';
import { summariseScreen, type Note } from '../tech/zoneAssessment.ts';
import { riskTypes, type RiskTypeId } from '../../analysis/risks/riskTypes.ts';
import { ChokepointError } from '../../errors.ts';
import { currentAssessments, type RiskAssessment } from './riskRegister.ts';
import { coercionReport } from './coercionReport.ts';
import { importSurges } from './overcapacity.ts';
import { leakageReport } from './leakage.ts';

/**
 * The risk register as a table — every registry entry in force or proposed, by the four risk types, with the
 * analyst's current judgement and links to the analyses that bear on it — and, for one entry, the headline figures
 * of those analyses (`riskSignals`): the evidence, computed now, that a judgement weighs.
 */
export interface AnalysisLink {
  title: { ja: string; en: string };
  /** API path of the analysis (the web pages link to the page showing it). */
  path: string;
}

export interface RegisterCell {
  riskType: RiskTypeId;
  assessment: RiskAssessment | null;
  links: AnalysisLink[];
}

export interface RegisterRow {
  entry: Pick<RegistryEntryRecord, 'id' | 'kind' | 'ja' | 'en' | 'status' | 'domains' | 'marking'> & {
    hs6: string[];
  };
  risks: RegisterCell[];
}

const q = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The analyses bearing on one risk type of one entry, as API paths. */
export function analysisLinks(
  entry: Pick<RegistryEntryRecord, 'id' | 'hs'>,
  reporter: string,
  riskType: RiskTypeId,
): AnalysisLink[] {
  const codes = entry.hs.map((c) => c.hs6);
  const hs = codes.join(',');
  const zone: AnalysisLink = {
    title: { ja: '3領域と指標', en: 'zone and indicators' },
    path: `/api/zones/${entry.id}?${q({ reporter })}`,
  };
  if (riskType === 'supply-disruption') {
    const chains = mineralChains.filter((c) => c.refinedHs.some((k) => codes.includes(k)));
    return [
      zone,
      ...codes.map((k) => ({
        title: { ja: `品目 ${k} の依存`, en: `dependence on ${k}` },
        path: `/api/products/${k}?${q({ reporter })}`,
      })),
      ...chains.map((c) => ({
        title: { ja: `${c.ja}: 採掘▸精錬▸貿易`, en: `${c.en}: mine ▸ refine ▸ trade` },
        path: `/api/identification/mineral-chains?${q({ reporter, mineral: c.id })}`,
      })),
    ];
  }
  if (!codes.length) return [zone];
  if (riskType === 'coercion-technology-transfer') {
    return [
      {
        title: { ja: '輸出の威圧国依存', en: 'exports exposed to a coercer' },
        path: `/api/identification/coercion?${q({ reporter, direction: 'exports', hs })}`,
      },
      {
        title: { ja: '輸入の梃子', en: 'imports open to leverage' },
        path: `/api/identification/coercion?${q({ reporter, direction: 'imports', hs })}`,
      },
    ];
  }
  if (riskType === 'acquisition-overproduction') {
    return [
      {
        title: { ja: '単価下落を伴う輸入急増', en: 'import surges at falling unit values' },
        path: `/api/identification/surges?${q({ reporter, hs })}`,
      },
      ...codes.map((k) => ({
        title: { ja: `${k} の供給国シェア拡大`, en: `suppliers gaining world share in ${k}` },
        path: `/api/identification/supplier-push?${q({ hs6: k })}`,
      })),
    ];
  }
  return [
    zone,
    {
      title: { ja: '同志国経由の流出', en: 'pass-through via like-minded partners' },
      path: `/api/identification/leakage?${q({ reporter, hs })}`,
    },
  ];
}

/**
 * The register for a reporter: the entries (in force or proposed) the reader may read, each with the current
 * assessments the reader may read (all of them without a reader: the CLI operator).
 */
export async function riskRegisterView(
  db: StateDb,
  reporter: string,
  options: { entryId?: string; reader?: Reader } = {},
): Promise<RegisterRow[]> {
  const entries = (await listRegistry(db, { status: ['active', 'proposed'], reader: options.reader })).filter(
    (e) => !options.entryId || e.id === options.entryId,
  );
  const assessments = await currentAssessments(db, reporter, {
    entryId: options.entryId,
    reader: options.reader,
  });
  return entries.map((e) => ({
    entry: {
      id: e.id,
      kind: e.kind,
      ja: e.ja,
      en: e.en,
      status: e.status,
      domains: e.domains,
      marking: e.marking,
      hs6: e.hs.map((c) => c.hs6),
    },
    risks: riskTypes.map((t) => ({
      riskType: t.id,
      assessment: assessments.find((a) => a.entryId === e.id && a.riskType === t.id) ?? null,
      links: analysisLinks(e, reporter, t.id),
    })),
  }));
}

export interface SignalRequest {
  dataset?: string;
  reporter: string;
  entryId: string;
  year: number;
  coercer?: string;
}

export interface RiskSignals {
  entryId: string;
  reporter: string;
  year: number;
  supply: {
    importUsd: number;
    importHhi: number | null;
    topSupplier: string | null;
    topSupplierShare: number | null;
    methodsFlagged: string[];
  } | null;
  coercion: {
    exportsAtRisk: number;
    exportsToCoercerUsd: number;
    importsAtRisk: number;
    importsFromCoercerUsd: number;
    largestImportShare: number | null;
  } | null;
  overproduction: { surges: string[]; products: number; noQuantity: number } | null;
  leakage: { viaLikeMindedUsd: number; passThroughUsd: number; passThroughShare: number | null } | null;
  notes: Note[];
}

/**
 * Headline figures of the analyses for one entry and reporter, each from its own analysis on the entry's HS codes;
 * an analysis that cannot run (no codes, no data) leaves its part null with a note.
 */
export async function riskSignals(
  services: ScreenServices & { state: StateDb },
  request: SignalRequest,
): Promise<RiskSignals> {
  const entry = await getRegistryEntry(services.state, request.entryId);
  const hs = entry.hs.map((c) => c.hs6);
  const notes: Note[] = [];
  const out: RiskSignals = {
    entryId: entry.id,
    reporter: request.reporter,
    year: request.year,
    supply: null,
    coercion: null,
    overproduction: null,
    leakage: null,
    notes,
  };
  if (!hs.length) {
    notes.push({ ja: 'HSコードがないため貿易指標はありません', en: 'no HS codes: no trade indicators' });
    return out;
  }
  const attempt = async <T>(what: { ja: string; en: string }, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ChokepointError) || !['no_data', 'not_found'].includes(error.code)) throw error;
      notes.push({ ja: `${what.ja}: ${error.message}`, en: `${what.en}: ${error.message}` });
      return null;
    }
  };
  const base = { dataset: request.dataset, reporter: request.reporter, year: request.year };
  const screen = await attempt({ ja: '依存スクリーニング', en: 'dependence screen' }, async () => {
    const result = await runScreen(services, {
      ...base,
      critical: entry.status === 'active' ? [entry.id] : undefined,
    });
    return summariseScreen(
      result.items.filter((i) => hs.includes(i.hs6)),
      request.year,
    );
  });
  if (screen) {
    out.supply = {
      importUsd: screen.importValueUsd,
      importHhi: screen.importHhi,
      topSupplier: screen.topSupplier,
      topSupplierShare: screen.topSupplierShare,
      methodsFlagged: screen.methodsFlagged,
    };
  }
  const coercion = { ja: '威圧', en: 'coercion' };
  const exports = await attempt(coercion, () =>
    coercionReport(services, { ...base, coercer: request.coercer, direction: 'exports', hs }),
  );
  const imports = await attempt(coercion, () =>
    coercionReport(services, { ...base, coercer: request.coercer, direction: 'imports', hs }),
  );
  if (exports && imports) {
    out.coercion = {
      exportsAtRisk: exports.counts.atRisk,
      exportsToCoercerUsd: exports.items.reduce((s, i) => s + i.withCoercerUsd, 0),
      importsAtRisk: imports.counts.atRisk,
      importsFromCoercerUsd: imports.items.reduce((s, i) => s + i.withCoercerUsd, 0),
      largestImportShare: imports.items.reduce<number | null>(
        (m, i) => Math.max(m ?? 0, i.coercerShare ?? 0),
        null,
      ),
    };
  }
  const surges = await attempt({ ja: '過剰生産', en: 'overproduction' }, () =>
    importSurges(services, { ...base, hs }),
  );
  if (surges) {
    out.overproduction = {
      surges: surges.items.filter((i) => i.surge).map((i) => i.hs6),
      products: surges.counts.products,
      noQuantity: surges.counts.noQuantity,
    };
  }
  const leakage = await attempt({ ja: '流出', en: 'leakage' }, () =>
    leakageReport(services, { ...base, concern: request.coercer, hs }),
  );
  if (leakage) {
    const via = leakage.items.reduce((s, i) => s + i.fromReporter, 0);
    const value = leakage.items.reduce((s, i) => s + i.passThroughValue, 0);
    out.leakage = {
      viaLikeMindedUsd: via,
      passThroughUsd: value,
      passThroughShare: via > 0 ? value / via : null,
    };
  }
  return out;
}
