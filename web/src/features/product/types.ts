import type { Marking } from '../../components/MarkingBadge.tsx';

/** Shapes of the API responses the product dossier and the country view read. */
export type Lang = 'ja' | 'en';

export interface Supplier {
  partner: string;
  valueUsd: number;
  share: number;
}

export interface DossierYear {
  year: number;
  importValueUsd: number;
  hhi: number;
  topSupplier: string | null;
  topShare: number;
  top3Share: number;
  supplierCount: number;
  countriesTo75: number;
  concernShare: number;
  likeMindedShare: number;
  extraGroupShare: number;
  importExportRatio: number;
  noExports: boolean;
  exportValueUsd: number;
  worldExportHhi: number | null;
  worldExportValueUsd: number;
  topWorldExporter: string | null;
  topWorldExporterShare: number | null;
  unitValueUsdPerTonne: number | null;
  suppliers: Supplier[];
}

export interface Criterion {
  indicator: string;
  label: { ja: string; en: string };
  value: number | null;
  op: string;
  threshold: number;
  met: boolean;
}

export interface Verdict {
  method: string;
  year: number;
  flagged: boolean;
  rule: string;
  thresholds: Record<string, number>;
  criteria: Criterion[];
  persistence?: { met: number; of: number; years: number[]; metYears: number[]; required: number };
}

export interface ShareOf {
  iso3: string;
  value: number;
  share: number;
}

export interface DatasetProvenance {
  dataset: string;
  title: string;
  publisher: string;
  version: string;
  synthetic: boolean;
}

export interface MineralView {
  commodity: string;
  type: string;
  stage: string;
  unit: string;
  hs6: string;
  match: string;
  note?: string;
  productionYear: number;
  worldProduction: number | null;
  producers: ShareOf[];
  topProducer: string | null;
  topProducerShare: number | null;
  tradeYear: number;
  exporters: ShareOf[];
  topExporter: string | null;
  topExporterShare: number | null;
  exporterIsNotProducer: boolean;
  provenance: { production: DatasetProvenance; trade: DatasetProvenance };
}

export interface ScreenProvenance extends DatasetProvenance {
  method: string;
  thresholds: Record<string, Record<string, number>>;
  partner?: string;
  concern: string[];
  likeMinded: string[];
}

export interface Dossier {
  hs6: string;
  labelEn: string;
  labelJa: string;
  reporter: string;
  reporterMembers: string[];
  year: number;
  critical: string[];
  years: DossierYear[];
  worldExporters: Supplier[];
  importTrend: { growth: number | null; years: number[]; skippedYears: number[] };
  verdicts: Verdict[];
  minerals: MineralView[];
  provenance: ScreenProvenance;
  marking: Marking;
}

export interface PassageExposure {
  passage: string;
  valueKusd: number;
  shareOfImports: number;
  shareOfSeaImports: number;
  flows: number;
}

export interface PartnerExposure {
  partner: string;
  valueKusd: number;
  byRule: Record<string, number>;
  route: { distanceKm: number; fromPort: string; toPort: string; passages: string[]; days: number } | null;
}

export interface Exposure {
  totalValueKusd: number;
  seaValueKusd: number;
  passages: PassageExposure[];
  partners: PartnerExposure[];
  byRule: { rule: string; en: string; ja: string; valueKusd: number; flows: number }[];
  passageNames: Record<string, { en: string; ja: string }>;
  speedKnots: number;
  method: string;
  provenance: { trade: DatasetProvenance; network: DatasetProvenance };
  marking: Marking;
}

export interface RouteLine {
  distanceKm: number | null;
  days: number | null;
  passages: string[];
  route: { geometry: { type: string; coordinates: [number, number][][] } } | null;
  marking: Marking;
}

export interface Chokepoint {
  id: string;
  en: string;
  ja: string;
  lon?: number;
  lat?: number;
}

export interface CountryRef {
  iso3: string;
  isoNumeric: number | null;
  en: string;
  ja: string;
  kind: string;
}

export interface GroupRef {
  id: string;
  en: string;
  ja: string;
  members: { iso3: string }[];
}

export interface CriticalGoodRef {
  id: string;
  en: string;
  ja: string;
}

export interface DatasetRef {
  id: string;
  kind: string;
  years?: number[];
}
