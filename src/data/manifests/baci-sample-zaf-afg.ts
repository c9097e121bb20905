import type { DatasetManifest } from './types.ts';

/** BACI 2021, exporters South Africa and Afghanistan (half sample). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const baciSampleZafAfg: DatasetManifest = {
  id: 'baci-sample-zaf-afg',
  title: 'BACI 2021, exporters South Africa and Afghanistan (half sample)',
  titleJa: 'BACI 2021年 南アフリカ・アフガニスタン輸出（半数抽出）',
  publisher: 'CEPII',
  url: 'http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  origin: [
    { repo: 'WoutersResearchGroup/R-IO-PS', commit: '2fb7f456', path: 'inst/extdata/ExampleTradeData.csv' },
  ],
  version: '2021 (BACI release not stated by the source package)',
  licence: 'Etalab Open Licence 2.0',
  kind: 'trade-annual',
  importer: 'baci',
  hs: 'HS92',
  description:
    'Real BACI 2021 rows for exporters South Africa (710) and Afghanistan (4): about half of the rows (the source package kept alternate rows), 4,422 HS6 codes of the HS 1992 nomenclature, space-padded quantities.',
  files: [
    {
      name: 'BACI_2021_ZAF_AFG_halfsample.csv',
      mirrorPath: 'baci-samples/BACI_2021_ZAF_AFG_halfsample.csv',
      url: 'https://github.com/WoutersResearchGroup/R-IO-PS/raw/2fb7f456/inst/extdata/ExampleTradeData.csv',
      sha256: 'bd52f6d44f35a4eb45fd6cecb1f3644754390fe9b959c5efc100527cd9872b5f',
      bytes: 3083222,
      rows: 71192,
      input: true,
    },
  ],
};
