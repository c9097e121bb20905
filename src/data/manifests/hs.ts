import type { DatasetManifest } from './types.ts';

/** HS nomenclature: HS 2022 and HS 2017 codes, English descriptions, Japanese labels. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const hs: DatasetManifest = {
  id: 'hs',
  title: 'HS nomenclature: HS 2022 and HS 2017 codes, English descriptions, Japanese labels',
  titleJa: 'HS品目表（HS2022・HS2017、英語・日本語）',
  publisher: 'World Customs Organization (HS); Japan Customs (Japanese labels); CEPII (HS17 list)',
  url: 'https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx',
  origin: [
    { repo: 'datasets/harmonized-system', commit: '905e5a0f', path: 'data/harmonized-system.csv' },
    {
      repo: 'qlitre/japan-tariff-mcp',
      commit: '715eff92',
      note: 'Japanese labels from Japan Customs 実行関税率表 (2026-07-09)',
    },
    { repo: 'ONEcampaign/DataDive_Ukraine', commit: '098846af', note: 'BACI HS17 product codes with BEC' },
  ],
  version: 'HS2022 + HS2017; Japanese labels 2026-07-09',
  licence: 'ODC-PDDL (harmonized-system); Japan Customs terms of use; CEPII',
  kind: 'hs',
  importer: 'hs',
  description:
    "HS 2022 chapters, headings and subheadings with English descriptions; Japanese labels of headings and subheadings from Japan Customs' tariff schedule; HS 2017 subheadings (BACI) with BEC end-use classes; Japan's 9-digit tariff lines.",
  files: [
    {
      name: 'harmonized-system.csv',
      mirrorPath: 'hs/harmonized-system.csv',
      url: 'https://github.com/datasets/harmonized-system/raw/905e5a0f/data/harmonized-system.csv',
      sha256: 'e77ee9e1cfd15a42d1fadeb2c0618d10f6b9ed9aec0e5d66826dc7ef9d3126a5',
      bytes: 850576,
      rows: 6940,
      input: true,
    },
    {
      name: 'hs4_ja.csv',
      mirrorPath: 'hs/hs4_ja.csv',
      sha256: 'ffbc7aa773b7690bce4e03a61f9d434b63ba74069abe14bf26281d7f5233a643',
      bytes: 175304,
      rows: 1227,
      input: true,
    },
    {
      name: 'hs6_ja.csv',
      mirrorPath: 'hs/hs6_ja.csv',
      sha256: '08772e9cfb446a775a5ea69778a8b7fe7aa84995b1f0a606aa017d07b10d6f72',
      bytes: 579729,
      rows: 5611,
      input: true,
    },
    {
      name: 'baci_product_codes_hs17_bec.csv',
      mirrorPath: 'hs/baci_product_codes_hs17_bec.csv',
      sha256: '831b170c0d5c48764ca800a1c0668716e92e9692a603f2df90385bc86100cc2f',
      bytes: 621253,
      rows: 5384,
      input: true,
    },
    {
      name: 'sections.csv',
      mirrorPath: 'hs/sections.csv',
      sha256: '96313884a3c7ef5182d20f25ce73a34c2763c1d26ac5992d66460a3c32bae782',
      bytes: 2111,
      rows: 21,
      input: false,
    },
    {
      name: 'hs17_bec.csv',
      mirrorPath: 'hs/hs17_bec.csv',
      sha256: '43f218d3601908d9cedaaa99974355c00917bdf16aaf3e7ebb251fabfcd9a503',
      bytes: 78100,
      rows: 5511,
      input: false,
    },
    {
      name: 'jp_tariff_lines.csv.gz',
      mirrorPath: 'hs/jp_tariff_lines.csv.gz',
      sha256: 'cc423440b7df1c48bb15b99d66a4475d15a5049810ca3b1d4ade325a8df77e74',
      bytes: 466798,
      rows: 15433,
      input: false,
    },
  ],
};
