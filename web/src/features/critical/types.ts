import type { Marking } from '../../components/MarkingBadge.tsx';
import type { Provenance } from '../../components/ProvenanceFooter.tsx';

/** Shapes of /api/critical-goods and /api/screens as this feature reads them. */
export type Lang = 'ja' | 'en';
export type HsMatch = 'exact' | 'approximate' | 'input';

export interface CriticalHsCode {
  hs6: string;
  match: HsMatch;
  note: string;
}

export interface CriticalGood {
  id: string;
  ja: string;
  en: string;
  designation: { ja: string; en: string };
  ministry: { ja: string; en: string };
  hs: CriticalHsCode[];
  note: string;
  marking: Marking;
  updatedAt: string;
  updatedBy: string | null;
  edited: boolean;
}

export interface ScreenItem {
  hs6: string;
  labelEn: string;
  labelJa: string;
  importValueUsd: number;
  hhi: number;
  topSupplier: string;
  topShare: number;
  suppliers: number;
  critical: string[];
  flags: Record<string, boolean>;
}

export interface ScreenMethod {
  id: string;
  nameJa: string;
  nameEn: string;
  citation: string;
}

export interface ScreenResponse {
  reporter: string;
  year: number;
  screened: number;
  total: number;
  items: ScreenItem[];
  methods: ScreenMethod[];
  provenance: Provenance & { thresholds: Record<string, Record<string, number>> };
  marking: Marking;
}
