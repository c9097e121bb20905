import type { DatasetManifest } from './types.ts';

/** BACI HS17 bilateral trade in 31 critical-mineral HS6 codes, 2018–2024 (extract). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const baciCriticalMinerals: DatasetManifest = {
  id: 'baci-critical-minerals',
  title: 'BACI HS17 bilateral trade in 31 critical-mineral HS6 codes, 2018–2024 (extract)',
  titleJa: 'BACI 重要鉱物31品目（HS6）の二国間貿易 2018–2024年（抜粋）',
  publisher: 'CEPII',
  url: 'http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  origin: [
    {
      repo: 'Varcolacus/critical-materials-atlas',
      commit: '17b328d2',
      note: 'built from out/flows_YYYY.json; small flows are missing (2024: 15,084 of 21,723 flows, 99.1 % of value)',
    },
  ],
  version: 'V202601',
  licence: 'Etalab Open Licence 2.0',
  kind: 'trade-annual',
  importer: 'baci',
  hs: 'HS17',
  description:
    'Real CEPII BACI flows (exporter, importer, HS6, value in thousand USD; quantities not published in this extract) for 31 HS6 codes of 32 critical raw materials, all countries, 2018–2024.',
  notes:
    'The extract lists HS22 code 811231 (hafnium), which does not exist in HS17: its 3,337 rows are identical to those of 811292, which in HS17 includes hafnium. Count 811292 only.',
  files: [
    {
      name: 'BACI_HS17_critical_minerals_2018-2024.csv',
      mirrorPath: 'baci-critical-minerals/BACI_HS17_critical_minerals_2018-2024.csv',
      sha256: '0f57413c0389a2091a064b8dd472c1cda76b56506df3c823d33b2d886580a56a',
      bytes: 3389416,
      rows: 112064,
      input: true,
    },
    {
      name: 'critical_codes.json',
      mirrorPath: 'baci-critical-minerals/critical_codes.json',
      sha256: '4891b7b788b71b21ed34e28955f8c51b068a6c41f83a7720ddf5d0b8e2d472ee',
      bytes: 8285,
      input: false,
    },
    {
      name: 'baci_critical_minerals_2024.parquet',
      mirrorPath: 'baci-critical-minerals/baci_critical_minerals_2024.parquet',
      sha256: '60f07aa646a450a5288ce83a8eafcc51009fb9a31c3240140f0f43e6294ffe97',
      bytes: 224785,
      input: false,
    },
  ],
};
