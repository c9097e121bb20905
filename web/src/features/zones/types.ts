import type { Marking } from '../../components/MarkingBadge.tsx';
import type { Provenance } from '../../components/ProvenanceFooter.tsx';

/** Shapes of /api/zones and /api/policy/map as the pages use them. */
export type ZoneId = 'disruptive' | 'advantage' | 'dependence';

export interface ZoneEntry {
  id: string;
  kind: 'good' | 'technology';
  name: { ja: string; en: string };
  zone: ZoneId | null;
  ruleZone: ZoneId | null;
  rule: { id: string; label: { ja: string; en: string } } | null;
  override: { zone: ZoneId | null; reason: string; createdBy: string | null } | null;
  indicators: Record<string, number | boolean | null>;
  matrix: { advantage: number | null; concentration: number | null; concentrationSource: string | null };
  marking: Marking;
}

export interface ZonesResponse {
  reporter: string;
  ruleSet: { id: string; version: string };
  zones: { id: ZoneId; number: string; ja: string; en: string }[];
  items: ZoneEntry[];
  notes: { ja: string; en: string }[];
  provenance: Provenance[];
}

export const zoneColours: Record<ZoneId, string> = {
  disruptive: '#7b3fa0',
  advantage: '#1f77b4',
  dependence: '#d62728',
};
