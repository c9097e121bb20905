import type { DatasetManifest } from './types.ts';

/** CISA Known Exploited Vulnerabilities catalog (cyber/ in the mirror, issue 22). Checksums and sizes computed from the mirror's files. */
export const cisaKev: DatasetManifest = {
  id: 'cisa-kev',
  title: 'CISA Known Exploited Vulnerabilities catalog',
  titleJa: 'CISA 既知の悪用された脆弱性カタログ（KEV）',
  publisher: 'Cybersecurity and Infrastructure Security Agency (CISA)',
  url: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
  origin: [{ repo: 'cisagov/kev-data', commit: 'eacf03ec6637cc7be6d3d4ed50785493da5126a2' }],
  version: '2025.08.25',
  licence: 'CC0-1.0',
  kind: 'other',
  importer: 'files',
  description:
    'The KEV catalog of 2025-08-25 (1,404 CVEs) as CSV and JSON, with its JSON schema. For `kev import`.',
  notes: 'The newest stored snapshot; the live catalogue is longer.',
  files: [
    {
      name: 'known_exploited_vulnerabilities.csv',
      mirrorPath: 'cyber/kev/known_exploited_vulnerabilities.csv',
      sha256: 'ef3f88c69bfca7f86c448c64577b2ed81b498dd5d109c13a0c1797450fb1dfbb',
      bytes: 721835,
      rows: 1404,
    },
    {
      name: 'known_exploited_vulnerabilities.json',
      mirrorPath: 'cyber/kev/known_exploited_vulnerabilities.json',
      sha256: '901b1f227941a3879a3e39fcb857bb6f7252bf9d71b63ef08d50a836d5ab1bd2',
      bytes: 1257565,
    },
    {
      name: 'known_exploited_vulnerabilities_schema.json',
      mirrorPath: 'cyber/kev/known_exploited_vulnerabilities_schema.json',
      sha256: '577f4ccc06b7b7c6a109e1a0d6457a26db7fc5219398ff2e287b9a7e14e2d9ef',
      bytes: 3407,
    },
  ],
};
