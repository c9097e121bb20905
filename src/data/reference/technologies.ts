import type { DomainId } from './domains.ts';

/**
 * Critical technologies of the registry and the patent fields that measure them (editable: a field is
 * `source/field` as stored by the patents importer, e.g. `uspto/semiconductors`, `pct/electrical-engineering`).
 * The NCSES tables only have the five WIPO areas and semiconductors, so most technologies map to a broad area;
 * AI and quantum map to fields that exist only when a finer dataset is imported (e.g. a CSV of WIPO's 35
 * technology fields or of ASPI-style publication counts) and show "no data" until then.
 * Critical goods (criticalGoods.ts) may also name patent fields here, so that a good gets RTA as well as RCA.
 */
export interface PatentFieldRef {
  source: string;
  field: string;
}

export interface TechnologyEntry {
  id: string;
  name: { ja: string; en: string };
  fields: PatentFieldRef[];
  /** Why these fields, in a few words (shown in the dossier). */
  note: { ja: string; en: string };
  /** The seed's technology domains (domains.ts) the technology belongs to. */
  domains: DomainId[];
}

const f = (ref: string): PatentFieldRef => {
  const [source, field] = ref.split('/');
  return { source, field };
};

export const technologies: TechnologyEntry[] = [
  {
    id: 'tech-semiconductors',
    name: { ja: '半導体技術', en: 'semiconductor technology' },
    fields: [f('uspto/semiconductors')],
    note: { ja: 'USPTO登録特許(半導体)', en: 'USPTO utility patents in semiconductors' },
    domains: ['computing'],
  },
  {
    id: 'tech-electrical',
    name: { ja: '電気工学(通信・計算機を含む)', en: 'electrical engineering (incl. computing and telecoms)' },
    fields: [f('pct/electrical-engineering')],
    note: { ja: 'PCT出願(WIPO技術分野: 電気工学)', en: 'PCT applications, WIPO area electrical engineering' },
    domains: ['computing'],
  },
  {
    id: 'tech-instruments',
    name: { ja: '計測・光学・医療機器', en: 'instruments (measurement, optics, medical)' },
    fields: [f('pct/instruments')],
    note: { ja: 'PCT出願(WIPO技術分野: 機器)', en: 'PCT applications, WIPO area instruments' },
    domains: [],
  },
  {
    id: 'tech-chemistry',
    name: { ja: '化学・材料・医薬', en: 'chemistry, materials and pharmaceuticals' },
    fields: [f('pct/chemistry')],
    note: { ja: 'PCT出願(WIPO技術分野: 化学)', en: 'PCT applications, WIPO area chemistry' },
    domains: [],
  },
  {
    id: 'tech-mechanical',
    name: {
      ja: '機械工学(工作機械・ロボットを含む)',
      en: 'mechanical engineering (incl. machine tools, robots)',
    },
    fields: [f('pct/mechanical-engineering')],
    note: { ja: 'PCT出願(WIPO技術分野: 機械工学)', en: 'PCT applications, WIPO area mechanical engineering' },
    domains: [],
  },
  {
    id: 'tech-ai',
    name: { ja: '人工知能', en: 'artificial intelligence' },
    fields: [f('wipo/artificial-intelligence')],
    note: {
      ja: '細分類の特許データを取り込むと算出',
      en: 'computed once a finer patent dataset is imported',
    },
    domains: ['computing'],
  },
  {
    id: 'tech-quantum',
    name: { ja: '量子技術', en: 'quantum technology' },
    fields: [f('wipo/quantum')],
    note: {
      ja: '細分類の特許データを取り込むと算出',
      en: 'computed once a finer patent dataset is imported',
    },
    domains: ['computing'],
  },
];

/**
 * Patent fields for the specified critical goods (ids of criticalGoods.ts), so that goods get RTA beside RCA.
 * Broad WIPO areas are a coarse proxy; goods without a sensible field (minerals, natural gas) have none.
 * These are the registry's defaults; an entry's fields are editable (critical_goods.patent_fields).
 */
export const goodPatentFields: Record<string, PatentFieldRef[]> = {
  semiconductors: [f('uspto/semiconductors')],
  'storage-batteries': [f('pct/electrical-engineering')],
  'cloud-programs': [f('pct/electrical-engineering')],
  'permanent-magnets': [f('pct/electrical-engineering')],
  'machine-tools-robots': [f('pct/mechanical-engineering')],
  'aircraft-parts': [f('pct/mechanical-engineering')],
  'advanced-electronic-components': [f('pct/electrical-engineering')],
  antibacterials: [f('pct/chemistry')],
  fertilizers: [f('pct/chemistry')],
  'ship-parts': [f('pct/mechanical-engineering')],
};
