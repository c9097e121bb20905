import { criticalGoodsDefaults, type CriticalHsCode } from './criticalGoods.ts';
import { goodPatentFields, technologies, type PatentFieldRef } from './technologies.ts';
import { identifiedItems } from './identifiedItems.ts';
import type { DomainId } from './domains.ts';

/**
 * The registry of critical goods and technologies as shipped: the twelve specified critical goods
 * (criticalGoods.ts) and the seven critical technologies (technologies.ts), in force ('active'), and the items the
 * seed names beyond them (identifiedItems.ts), 'proposed'. The registry in application state (migration 951,
 * registryStore.ts) is seeded from this list, one entry at a time, and is then the user's to edit; an entry
 * shipped in a later version is added to an existing installation on its first read.
 */
export type RegistryKind = 'good' | 'technology';
/** active: in force (screen filter, zones, early warning); proposed: listed, not in force; retired: kept for history. */
export type RegistryStatus = 'active' | 'proposed' | 'retired';

export interface RegistryDefinition {
  id: string;
  kind: RegistryKind;
  ja: string;
  en: string;
  designation: { ja: string; en: string };
  ministry: { ja: string; en: string };
  hs: CriticalHsCode[];
  patentFields: PatentFieldRef[];
  domains: DomainId[];
  note: string;
  status: RegistryStatus;
}

/** Default domains of the specified goods (our reading; see domains.ts). Goods in no domain are left out. */
const goodDomains: Record<string, DomainId[]> = {
  antibacterials: ['biotech'],
  'permanent-magnets': ['clean-tech'],
  'aircraft-parts': ['defence-space'],
  semiconductors: ['computing'],
  'storage-batteries': ['clean-tech'],
  'cloud-programs': ['computing'],
  'critical-minerals': ['clean-tech'],
  'ship-parts': ['defence-space'],
  'advanced-electronic-components': ['computing'],
};

const technologyDesignation = {
  ja: '重要技術 (本ツールの既定; 特許分野で測定)',
  en: 'critical technology (this tool’s default; measured by patent fields)',
};
const meti = { ja: '経済産業省', en: 'Ministry of Economy, Trade and Industry (METI)' };

export const registryDefaults: readonly RegistryDefinition[] = Object.freeze([
  ...criticalGoodsDefaults.map(
    (g): RegistryDefinition => ({
      ...g,
      kind: 'good',
      patentFields: goodPatentFields[g.id] ?? [],
      domains: goodDomains[g.id] ?? [],
      status: 'active',
    }),
  ),
  ...technologies.map(
    (t): RegistryDefinition => ({
      id: t.id,
      kind: 'technology',
      ja: t.name.ja,
      en: t.name.en,
      designation: technologyDesignation,
      ministry: meti,
      hs: [],
      patentFields: t.fields,
      domains: t.domains,
      note: `${t.note.en} / ${t.note.ja}`,
      status: 'active',
    }),
  ),
  ...identifiedItems.map((i): RegistryDefinition => ({ ...i, status: 'proposed' })),
]);

export function registryDefault(id: string): RegistryDefinition | undefined {
  return registryDefaults.find((d) => d.id === id);
}
