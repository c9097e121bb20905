import type { DatasetManifest } from './types.ts';

/** China's monthly exports of critical minerals by partner, 2017–2024. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const chinaCriticalMineralsMonthly: DatasetManifest = {
  id: 'china-critical-minerals-monthly',
  title: "China's monthly exports of critical minerals by partner, 2017–2024",
  titleJa: '中国の重要鉱物 月次輸出（相手国別）2017–2024年',
  publisher: 'UN Comtrade (derived)',
  url: 'https://comtradeplus.un.org/',
  origin: [{ repo: 'qennis/ChinaCriticalMineralComtrade', commit: '44040f49' }],
  version: '2017-01 … 2024-12',
  licence: 'UN Comtrade terms of use',
  kind: 'other',
  importer: 'files',
  description:
    "China's monthly exports of gallium/germanium (811292), graphite (250410, 380110), rare earths and polysilicon by partner: value, quantity, unit value, and monthly HHI by group; spans the 2023 export controls.",
  // Early warning watches these series (HS6 by partner; val is Comtrade's primary value in USD, qty in kg).
  derive: {
    importer: 'monthly-series',
    file: 'deep_dive_hs6_monthly.csv',
    id: 'china-minerals-monthly',
    title: "China's monthly exports of critical minerals by partner (HS6)",
    map: 'period=period_dt,partner=partner_name,hs=hs6,value=val,quantity=qty',
    reporter: 'CHN',
    flow: 'export',
    unit: 'kg',
    valueUnit: 'USD',
  },
  files: [
    {
      name: 'concentration_product_hhi.csv',
      mirrorPath: 'monthly/china-critical-minerals/concentration_product_hhi.csv',
      sha256: '3c9f4ada7b6383cb700f5ff48570d53c3ec1862f7f8ad643c49e9b94ecc38f06',
      bytes: 14998,
      rows: 384,
    },
    {
      name: 'country_monthly_stats.csv',
      mirrorPath: 'monthly/china-critical-minerals/country_monthly_stats.csv',
      sha256: '17a41dd4a7c977e410f3b061a7fce60952b15163530d80a84d4726a2825e40ae',
      bytes: 244081,
      rows: 2885,
    },
    {
      name: 'deep_dive_hs6_monthly.csv',
      mirrorPath: 'monthly/china-critical-minerals/deep_dive_hs6_monthly.csv',
      sha256: 'dc86066e942106447328a3fb233dd5b984c63c641ae5f7ced01ce96446a9471f',
      bytes: 382917,
      rows: 6442,
    },
    {
      name: 'events.csv',
      mirrorPath: 'monthly/china-critical-minerals/events.csv',
      sha256: '1810231d5ea4608820ddf2ebd2eb58ef94ecaf2936c14e1e2f8f6c9adbfa870f',
      bytes: 81,
      rows: 0,
    },
    {
      name: 'hs_map.csv',
      mirrorPath: 'monthly/china-critical-minerals/hs_map.csv',
      sha256: '8efb7fe1ac3933521537d7e53f7862314ce30cd48e6442df4cb0f3cffba903ac',
      bytes: 996,
      rows: 14,
    },
    {
      name: 'overview_monthly.csv',
      mirrorPath: 'monthly/china-critical-minerals/overview_monthly.csv',
      sha256: '3c12fe98ce70bb4202e78d935ca014f7c7e28068c44b08a8ecf4e4da8d9fffe2',
      bytes: 25122,
      rows: 384,
    },
  ],
};
