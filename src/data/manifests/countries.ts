import type { DatasetManifest } from './types.ts';

/** Country code lists: BACI/Comtrade numeric codes and Japan Customs country codes. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const countries: DatasetManifest = {
  id: 'countries',
  title: 'Country code lists: BACI/Comtrade numeric codes and Japan Customs country codes',
  titleJa: '国・地域コード表（BACI/Comtrade、日本税関）',
  publisher: 'CEPII; Japan Customs',
  url: 'http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  origin: [
    { repo: 'ONEcampaign/DataDive_Ukraine', commit: '098846af' },
    { repo: 'liapunov/JapanTrade', commit: 'ef64a0af' },
  ],
  version: 'BACI V202201; Japan Customs list as copied',
  licence: 'CEPII; Japan Customs terms of use',
  kind: 'countries',
  importer: 'files',
  description:
    "The provenance of chokepoint's own country table (src/data/reference/countries.ts): BACI's country code file (numeric code, names, ISO2, ISO3) and Japan Customs' 3-digit country codes with geographical zones.",
  files: [
    {
      name: 'baci_country_codes_V202201.csv',
      mirrorPath: 'countries/baci_country_codes_V202201.csv',
      sha256: 'e3502ec24136ac671774854693df79baccc6fce79449d3d8b9db2ceca9c034a3',
      bytes: 8546,
      rows: 238,
    },
    {
      name: 'japan_customs_country_codes.csv',
      mirrorPath: 'countries/japan_customs_country_codes.csv',
      sha256: '2abf833f11f81a46e1c912be790a7eafd137db8dfe07176ea1538b775d37967c',
      bytes: 7492,
      rows: 235,
    },
  ],
};
