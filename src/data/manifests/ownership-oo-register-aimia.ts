import type { DatasetManifest } from './types.ts';

/** Open Ownership Register: AIMIA UK holdings (UK PSC data in BODS 0.1) (ownership/ in the mirror, issue 21). Checksums and sizes computed from the mirror's files. */
export const ownershipOoRegisterAimia: DatasetManifest = {
  id: 'ownership-oo-register-aimia',
  title: 'Open Ownership Register: AIMIA UK holdings (UK PSC data in BODS 0.1)',
  titleJa: 'Open Ownership Register：AIMIA 英国子会社（英国 PSC、BODS 0.1）',
  publisher: 'Open Ownership (UK Companies House PSC register data)',
  url: 'https://register.openownership.org/',
  origin: [
    {
      repo: 'openownership/visualisation-tool',
      commit: '7d58eea90cceeb4bbe6f3f97e7f7065a1c1d389b',
      path: 'prototype/src/fixtures/real.json',
      note: 'file deleted in later commits',
    },
  ],
  version: 'retrieved 2019-07-08',
  licence: 'UK Companies House data, Open Government Licence v3.0; repository Apache-2.0',
  kind: 'other',
  importer: 'files',
  description:
    'Six real statements: AIMIA HOLDINGS UK LIMITED and AIMIA HOLDINGS UK II LIMITED each 75–100 % owned by AIMIA INC. (Canada), whose own owner is unspecified.',
  files: [
    {
      name: 'aimia_uk_psc_bods_0.1.json',
      mirrorPath: 'ownership/oo-register-bods/aimia_uk_psc_bods_0.1.json',
      sha256: 'fd12232bd6c77b35b07721dece6ce98525e179c40ce3fa8f35de4c9b24473795',
      bytes: 6320,
    },
  ],
};
