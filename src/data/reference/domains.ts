/**
 * The four technology domains the seed organises critical goods and technologies by (METI action plan on the
 * industrial and technology base for economic security, May 2024: computing, clean technology, biotechnology,
 * defence and space). A registry entry names zero or more domains (`domains`); goods the plan does not place in a
 * domain (fertilizers, natural gas …) have none and are listed as "not in a domain". Which entry belongs where is
 * our reading and editable per entry (CLI `chokepoint registry set`, API PATCH /api/registry/entries/:id).
 */
export type DomainId = 'computing' | 'clean-tech' | 'biotech' | 'defence-space';

export interface Domain {
  id: DomainId;
  ja: string;
  en: string;
  /** What the domain covers, in a few words. */
  scope: { ja: string; en: string };
}

export const domains: readonly Domain[] = Object.freeze([
  {
    id: 'computing',
    ja: 'コンピューティング',
    en: 'computing',
    scope: {
      ja: '半導体、先端電子部品、クラウド、AI、量子、光電融合',
      en: 'semiconductors, advanced electronic components, cloud, AI, quantum, photonics-electronics convergence',
    },
  },
  {
    id: 'clean-tech',
    ja: 'クリーンテック',
    en: 'clean technology',
    scope: {
      ja: '蓄電池、永久磁石、重要鉱物、ペロブスカイト太陽電池、全固体電池',
      en: 'storage batteries, permanent magnets, critical minerals, perovskite solar cells, solid-state batteries',
    },
  },
  {
    id: 'biotech',
    ja: 'バイオテクノロジー',
    en: 'biotechnology',
    scope: {
      ja: 'バイオものづくり、医薬品(原薬)、医療機器・分析機器',
      en: 'bio-manufacturing, medicines and their active ingredients, medical devices and analysers',
    },
  },
  {
    id: 'defence-space',
    ja: '防衛・宇宙',
    en: 'defence and space',
    scope: { ja: '航空機・船舶の部品、宇宙機器', en: 'aircraft and ship parts, space equipment' },
  },
]);

export const domainIds: readonly DomainId[] = domains.map((d) => d.id);

export function isDomainId(value: unknown): value is DomainId {
  return typeof value === 'string' && (domainIds as readonly string[]).includes(value);
}
