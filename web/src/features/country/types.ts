import type { Marking } from '../../components/MarkingBadge.tsx';
import type { ScreenProvenance } from '../product/types.ts';

/** GET /api/countries/:iso3/supplies — what a partner supplies a reporter. */
export interface PartnerSupply {
  hs6: string;
  labelEn: string;
  labelJa: string;
  valueUsd: number;
  importValueUsd: number;
  share: number;
  rank: number;
  suppliers: number;
  topSupplier: string;
  topShare: number;
  majority: boolean;
  critical: string[];
}

export interface CountrySupplies {
  partner: { iso3: string; en: string; ja: string };
  reporter: string;
  reporterMembers: string[];
  year: number;
  screened: number;
  totalImportUsd: number;
  fromPartnerUsd: number;
  totalShare: number;
  topSupplierCount: number;
  majorityCount: number;
  majorityThreshold: number;
  total: number;
  items: PartnerSupply[];
  provenance: ScreenProvenance;
  marking: Marking;
}
