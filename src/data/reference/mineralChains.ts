/**
 * Mine ▸ refine ▸ trade chains of the seven minerals the seed names (lithium, nickel, cobalt, graphite, rare earths,
 * gallium, germanium): which USGS Mineral Commodity Summaries series measure mining and refining, and which HS 2017
 * codes are the refined product whose trade is compared. The MCS 2025 world table has mine production for
 * lithium, nickel, cobalt, graphite and rare earths but no refinery series for them; gallium and germanium are
 * by-products with no mine stage there and a primary (refinery) production series. A stage without a series says
 * so — nothing is estimated. HS codes follow mineralsHs.ts and the critical-materials crosswalk of the BACI extract;
 * 811292 holds gallium, germanium, indium and others together.
 */
export interface UsgsSeries {
  /** USGS commodity name as in MCS2025_World_Data.csv (trimmed). */
  commodity: string;
  /** Regular expression on the TYPE column. */
  type: RegExp;
}

export interface MineralChain {
  id: string;
  ja: string;
  en: string;
  mining: UsgsSeries | null;
  refining: UsgsSeries | null;
  /** The refined (or first processed) product in trade. */
  refinedHs: string[];
  note: string;
}

export const mineralChains: readonly MineralChain[] = Object.freeze([
  {
    id: 'lithium',
    ja: 'リチウム',
    en: 'lithium',
    mining: { commodity: 'Lithium', type: /^Mine production/ },
    refining: null,
    refinedHs: ['283691', '282520'],
    note: 'Refined product: lithium carbonate and hydroxide (the chemicals refiners sell).',
  },
  {
    id: 'nickel',
    ja: 'ニッケル',
    en: 'nickel',
    mining: { commodity: 'Nickel', type: /^Mine production/ },
    refining: null,
    refinedHs: ['750210'],
    note: 'Refined product: unwrought nickel, not alloyed (nickel matte, MHP and sulphate classify elsewhere).',
  },
  {
    id: 'cobalt',
    ja: 'コバルト',
    en: 'cobalt',
    mining: { commodity: 'Cobalt', type: /^Mine production, cobalt content/ },
    refining: null,
    refinedHs: ['282200', '810520'],
    note: 'Refined product: cobalt oxides and hydroxides, unwrought cobalt and mattes.',
  },
  {
    id: 'graphite',
    ja: '黒鉛',
    en: 'graphite',
    mining: { commodity: 'Graphite', type: /^Mine production/ },
    refining: null,
    refinedHs: ['250410', '380110'],
    note: 'Processed product: natural graphite in powder or flakes (incl. spherical graphite) and artificial graphite.',
  },
  {
    id: 'rare-earths',
    ja: 'レアアース',
    en: 'rare earths',
    mining: { commodity: 'Rare earths', type: /^Mine production/ },
    refining: null,
    refinedHs: ['284690', '280530'],
    note: 'Refined product: rare-earth compounds (oxides) and metals.',
  },
  {
    id: 'gallium',
    ja: 'ガリウム',
    en: 'gallium',
    mining: null,
    refining: { commodity: 'Gallium', type: /^Primary production/ },
    refinedHs: ['811292'],
    note: 'A by-product of alumina refining: no mine stage. HS 811292 also holds germanium, indium and others.',
  },
  {
    id: 'germanium',
    ja: 'ゲルマニウム',
    en: 'germanium',
    mining: null,
    // USGS spells the commodity "Gemanium" in the MCS 2025 world table.
    refining: { commodity: 'Gemanium', type: /refinery production/i },
    refinedHs: ['811292'],
    note: 'A by-product of zinc refining and coal: no mine stage. HS 811292 also holds gallium, indium and others.',
  },
]);

export function mineralChain(id: string): MineralChain | undefined {
  return mineralChains.find((c) => c.id === id);
}
