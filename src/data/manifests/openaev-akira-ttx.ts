import type { DatasetManifest } from './types.ts';

/**
 * A real tabletop exercise in OpenAEV (formerly OpenBAS) export format (exercises/ in the mirror, issue 19):
 * the starter-pack archive, its JSON extracted unchanged, and the mirror's flat CSV view of its 20 injects.
 * Checksums, sizes and row counts computed from the mirror's files. For `exercise import` (docs/exercises.md).
 */
export const openaevAkiraTtx: DatasetManifest = {
  id: 'openaev-akira-ttx',
  title: 'OpenAEV starter-pack tabletop exercise: Akira ransomware crisis',
  titleJa: 'OpenAEV 図上演習シナリオ例：Akira ランサムウェア危機',
  publisher: 'Filigran SAS (OpenAEV)',
  url: 'https://github.com/OpenAEV-Platform/openaev',
  origin: [
    {
      repo: 'offsoc/openaev',
      commit: 'f4a5126136616fc37f9d468f8ad6fb9aa793e67a',
      path: 'openaev-api/src/main/resources/starterpack/scenarios/scenario-Akira_Ransomware_Crisis.zip',
      note: 'fork snapshot of OpenAEV-Platform/openaev (file version c9fc0592d5a4f54db679439f4b6b8975f550fe4e)',
    },
  ],
  version: 'export_version 1 (retrieved 2026-12-07)',
  licence: 'Apache-2.0 (OpenAEV Community Edition)',
  kind: 'other',
  importer: 'files',
  description:
    'A vendor-written incident-response tabletop exercise: 14 role teams, 20 e-mail injects over six hours with manual expectations, 8 placeholders. For `exercise import`.',
  notes:
    'English only; every inject goes to all teams; a training scenario, not a record of a real incident. The CSV is the mirror’s derived flat view.',
  files: [
    {
      name: 'openaev_starterpack_scenario-Akira_Ransomware_Crisis.zip',
      mirrorPath: 'exercises/openaev_starterpack_scenario-Akira_Ransomware_Crisis.zip',
      sha256: 'ac96c933c57a6a2c2eed7ee52e81bfd536b1cf066e4a45b12858ec0864388e5b',
      bytes: 13056,
    },
    {
      name: 'openaev_scenario_akira_ransomware_crisis.json',
      mirrorPath: 'exercises/openaev_scenario_akira_ransomware_crisis.json',
      sha256: '76852f4410ace2c7c2ff1b146b51be10cf5b2bb1ddf8fc6d2ec887fa4128b991',
      bytes: 270868,
    },
    {
      name: 'openaev_akira_injects_summary.csv',
      mirrorPath: 'exercises/openaev_akira_injects_summary.csv',
      sha256: '460bd553d93a84f0915b094559cb98251743969ce483eaa7264a59919b7e31be',
      bytes: 12010,
      rows: 20,
    },
  ],
};
