import type { ConcordanceDefinition } from '../../analysis/scenario/concordance.ts';

/**
 * HS (2017/2022 chapters and headings) → the 13 sectors of Japan's 2011 input-output table (統合大分類 13部門).
 * Prepared for chokepoint from the sector definitions of MIC's 2011 table (平成23年産業連関表 部門分類表: 農林水産業
 * covers crops, livestock, forestry and fishery products in their raw state; 鉱業 covers metal ores, coal, crude
 * oil, natural gas, stone and non-metallic minerals; all processed goods, incl. food, refined fuels, chemicals and
 * metals, are 製造業; 電力 covers electricity) applied to HS chapters, with heading-level exceptions where a chapter
 * mixes raw and processed goods. Not an official concordance: edit a copy (see docs) where finer sectors exist.
 */
export const hsIoJapan13: ConcordanceDefinition = {
  id: 'hs-jp-io2011-13',
  table: 'Japan 2011 input-output table, 13 sectors (MIC)',
  source:
    'chokepoint, from the MIC 2011 IO sector definitions (平成23年産業連関表 部門分類表) applied to HS chapters and headings; not an official concordance',
  groups: {
    // Raw crops, animals, fish, wood: 農林水産業.
    agriculture: [
      '01',
      '03',
      '0407',
      '0409',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '12',
      '13',
      '14',
      '4001',
      '4401',
      '4403',
      '5001',
      '5101',
      '5201',
    ],
    // Ores, coal, crude oil and natural gas, stone, salt, sulphur and earths: 鉱業.
    mining: ['25', '26', '2701', '2702', '2709', '2711'],
    // Cement and lime are ceramic industry products (窯業・土石製品), i.e. manufacturing.
    manufacturedMinerals: ['2522', '2523'],
  },
  map: {
    '@agriculture': '01',
    '@mining': '02',
    '@manufacturedMinerals': '03',
    // Every other chapter of goods: processed food, textiles, chemicals, refined fuels, metals, machinery …
    ...Object.fromEntries(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0'))
        .filter(
          (ch) =>
            ![
              '01',
              '03',
              '05',
              '06',
              '07',
              '08',
              '09',
              '10',
              '12',
              '13',
              '14',
              '25',
              '26',
              '77',
              '97',
            ].includes(ch),
        )
        .map((ch) => [ch, '03']),
    ),
    // Electrical energy: 電力・ガス・水道.
    '2716': '05',
    // Works of art and antiques, and goods not specified (BACI/Comtrade 9999xx), belong to no sector: 分類不明.
    '97': '13',
    '99': '13',
  },
};
