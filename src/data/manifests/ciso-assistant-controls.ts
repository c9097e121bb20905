import type { DatasetManifest } from './types.ts';

/** Control frameworks as CISO Assistant libraries (NIST CSF 2.0, CISA CPG 2.0, CISA vendor SCRM, NIST SSDF 1.1, NIST SP 800-171r3) (cyber/ in the mirror, issue 22). Checksums and sizes computed from the mirror's files. */
export const cisoAssistantControls: DatasetManifest = {
  id: 'ciso-assistant-controls',
  title:
    'Control frameworks as CISO Assistant libraries (NIST CSF 2.0, CISA CPG 2.0, CISA vendor SCRM, NIST SSDF 1.1, NIST SP 800-171r3)',
  titleJa: 'CISO Assistant ライブラリ形式の管理策フレームワーク',
  publisher: 'intuitem (packaging); NIST and CISA (texts)',
  url: 'https://github.com/intuitem/ciso-assistant-community',
  origin: [
    {
      repo: 'intuitem/ciso-assistant-community',
      commit: 'f990d7b1b9a9f56e391acbc247c9076262a11412',
      path: 'backend/library/libraries/',
    },
  ],
  version: '2026-08-08',
  licence: 'texts US-government works (public domain); YAML packaging AGPL-3.0 (used as data, not vendored)',
  kind: 'other',
  importer: 'files',
  description:
    "Five requirement catalogues in CISO Assistant's library YAML, importable with `cyber frameworks import`.",
  notes: 'Not vendored into chokepoint: fetched from a mirror and imported by the user.',
  files: [
    {
      name: 'cisa-cpg-2.0.yaml',
      mirrorPath: 'cyber/controls/cisa-cpg-2.0.yaml',
      sha256: 'cf222c779d9d4f5ac054c96f1e89356151e34b2e0a0190e1f91cb6cbf36b973f',
      bytes: 145646,
    },
    {
      name: 'cisa-vendor-scrm.yaml',
      mirrorPath: 'cyber/controls/cisa-vendor-scrm.yaml',
      sha256: 'df545bb099f8b24132f12fecc41818bf79383f63ae1b34be1c082b1b6deb2ea4',
      bytes: 178819,
    },
    {
      name: 'nist-800-171-rev3.yaml',
      mirrorPath: 'cyber/controls/nist-800-171-rev3.yaml',
      sha256: 'ee6c32580f8d42d7e283e57760615762c9e0936fd4f7237661828b4925906be6',
      bytes: 62411,
    },
    {
      name: 'nist-csf-2.0.yaml',
      mirrorPath: 'cyber/controls/nist-csf-2.0.yaml',
      sha256: 'e5394ba78db48371e8562fac99029b6b74a9917eded063d35c716077c1de21dd',
      bytes: 345779,
    },
    {
      name: 'nist-ssdf-1.1.yaml',
      mirrorPath: 'cyber/controls/nist-ssdf-1.1.yaml',
      sha256: '4d61f3e52f889df47efe257aadb9d2574f9091cdc7e8ce97f705bdf1e33fbefe',
      bytes: 69135,
    },
  ],
};
