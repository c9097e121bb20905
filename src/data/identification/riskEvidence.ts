import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { listRegistry, type RegistryEntryRecord } from '../reference/registryStore.ts';
import { mineralChains } from '../reference/mineralChains.ts';
import { riskTypes, type RiskTypeId } from '../../analysis/risks/riskTypes.ts';
import { currentAssessments, type RiskAssessment } from './riskRegister.ts';

/**
 * The risk register as a table — every registry entry in force or proposed, by the four risk types, with the
 * analyst's current judgement and links to the analyses (API paths) that bear on each risk type.
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
