import type { DatasetManifest } from './types.ts';

/**
 * Seven FollowTheMoney entities from OpenSanctions' consolidation of the EU financial sanctions list (yente's test
 * fixture). Checksum and size computed from the file as published in the mirror. A format fixture: CC BY-NC,
 * so it is fetched as a file and not imported as a list (`chokepoint lists import FILE --list opensanctions-sample`
 * does that, for non-commercial use).
 */
export const opensanctionsFtmSample: DatasetManifest = {
  id: 'opensanctions-ftm-sample',
  title: 'OpenSanctions FollowTheMoney sample entities (test fixture)',
  titleJa: 'OpenSanctions FollowTheMoney サンプル（テスト用）',
  publisher: 'OpenSanctions',
  url: 'https://www.opensanctions.org/',
  origin: [
    {
      repo: 'opensanctions/yente',
      commit: '916a474c078bb21c27ed1854f3476a854f1b8ab5',
      path: 'tests/fixtures/dataset/t1/entities.ftm.json',
    },
  ],
  version: '2024-06-01',
  licence: 'CC BY-NC 4.0 (non-commercial; commercial use needs an OpenSanctions licence); yente code MIT',
  kind: 'other',
  importer: 'files',
  description:
    '4 Person, 2 Organization and 1 Address entities with names in up to 12 languages, identifiers and referents.',
  files: [
    {
      name: 'opensanctions_ftm_sample_entities.ndjson',
      mirrorPath: 'export-control/opensanctions_ftm_sample_entities.ndjson',
      sha256: 'eec076285a7886b6f4ba8ed11cfdf8590f23211b931656f74706d9f9a87b0f2a',
      bytes: 7191,
    },
  ],
};
