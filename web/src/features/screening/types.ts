import type { Marking } from '../../components/MarkingBadge.tsx';

/** Shapes of the screens API (src/server/routes/screens.ts) as the page reads them. */
export type Lang = 'ja' | 'en';

export interface ScreenItem {
  reporter: string;
  hs6: string;
  labelEn: string;
  labelJa: string;
  importValueUsd: number;
  hhi: number;
  topSupplier: string;
  topShare: number;
  top3Share: number;
  suppliers: number;
  countriesTo75: number;
  concernShare: number;
  likeMindedShare: number;
  partnerShare: number | null;
  extraGroupShare: number;
  exportValueUsd: number;
  importExportRatio: number;
  noExports: boolean;
  worldExportHhi: number | null;
  topWorldExporter: string | null;
  topWorldExporterShare: number | null;
  critical: string[];
  flags: Record<string, boolean>;
  persistence: Record<string, { met: number; of: number }>;
}

/** Threshold values per method: { eu2021: { hhi: 0.4, … }, … }. */
export type MethodThresholds = Record<string, Record<string, number>>;

export interface ScreenProvenance {
  dataset: string;
  title: string;
  publisher: string;
  version: string;
  synthetic: boolean;
  method: string;
  thresholds: MethodThresholds;
  partner?: string;
  concern: string[];
  likeMinded: string[];
}

export interface MethodInfo {
  id: string;
  nameJa: string;
  nameEn: string;
  citation: string;
}

export interface ScreenResponse {
  reporter: string;
  reporterMembers: string[];
  year: number;
  screened: number;
  counts: Record<string, number>;
  methods: MethodInfo[];
  total: number;
  page: number;
  pageSize: number;
  items: ScreenItem[];
  provenance: ScreenProvenance;
  marking: Marking;
}

export interface CountsResponse {
  screened: number;
  counts: Record<string, number>;
  provenance: ScreenProvenance;
  marking: Marking;
}

export interface CountryRef {
  iso3: string;
  en: string;
  ja: string;
  kind: string;
}

export interface GroupRef {
  id: string;
  en: string;
  ja: string;
}

export interface DatasetRef {
  id: string;
  kind: string;
  years?: number[];
  synthetic: boolean;
}

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number | null;
  stage: string | null;
  error: { code: string; message: string } | null;
  hasFile: boolean;
  marking: Marking;
  createdAt: string;
  finishedAt: string | null;
}
