/**
 * The datasets chokepoint knows how to fetch: one manifest per dataset (publisher, URLs, version, licence, each
 * file's SHA-256 and size), listed here in the order `data fetch all` takes them, and the manifest types.
 */
import { ChokepointError } from '../../errors.ts';
import type { DatasetManifest } from './types.ts';
import { baciCriticalMinerals } from './baci-critical-minerals.ts';
import { baciSampleZafAfg } from './baci-sample-zaf-afg.ts';
import { hs } from './hs.ts';
import { countries } from './countries.ts';
import { maritime } from './maritime.ts';
import { usgsMcs2025 } from './usgs-mcs2025.ts';
import { pinksheet } from './pinksheet.ts';
import { japanIo2011 } from './japan-io-2011.ts';
import { patentsNcses } from './patents-ncses.ts';
import { chinaCriticalMineralsMonthly } from './china-critical-minerals-monthly.ts';
import { japanCustomsSummary } from './japan-customs-summary.ts';
import { indiaExportsHs8 } from './india-exports-hs8.ts';
import { worldExportsHs4 } from './world-exports-hs4.ts';
import { comtradeSamples } from './comtrade-samples.ts';
import { metiEndUserList } from './meti-end-user-list.ts';
import { metiRussiaLists } from './meti-russia-lists.ts';
import { jpExportControlOrder } from './jp-export-control-order.ts';
import { cnMofcomLists } from './cn-mofcom-lists.ts';
import { jpMofAssetFreeze } from './jp-mof-asset-freeze.ts';
import { opensanctionsFtmSample } from './opensanctions-ftm-sample.ts';
import { cyberSboms } from './cyber-sboms.ts';
import { openaevAkiraTtx } from './openaev-akira-ttx.ts';
import { osvGoProtonBridge } from './osv-go-proton-bridge.ts';
import { cisaKev } from './cisa-kev.ts';
import { cisoAssistantControls } from './ciso-assistant-controls.ts';
import { ownershipGleifApi } from './ownership-gleif-api.ts';
import { ownershipGleifGoldenCopy } from './ownership-gleif-golden-copy.ts';
import { ownershipOoRegisterAimia } from './ownership-oo-register-aimia.ts';
import { ownershipBodsExamples } from './ownership-bods-examples.ts';

export type * from './types.ts';

/** Every dataset chokepoint knows how to fetch, in the order `data fetch all` takes them. */
export const manifests: readonly DatasetManifest[] = [
  baciCriticalMinerals,
  baciSampleZafAfg,
  hs,
  countries,
  maritime,
  usgsMcs2025,
  pinksheet,
  japanIo2011,
  patentsNcses,
  chinaCriticalMineralsMonthly,
  japanCustomsSummary,
  indiaExportsHs8,
  worldExportsHs4,
  comtradeSamples,
  metiEndUserList,
  metiRussiaLists,
  jpExportControlOrder,
  cnMofcomLists,
  jpMofAssetFreeze,
  opensanctionsFtmSample,
  cyberSboms,
  osvGoProtonBridge,
  cisaKev,
  cisoAssistantControls,
  openaevAkiraTtx,
  ownershipGleifApi,
  ownershipGleifGoldenCopy,
  ownershipOoRegisterAimia,
  ownershipBodsExamples,
];

/** The manifest of a dataset id; an unknown id is an error that lists the known ones. */
export function findManifest(id: string): DatasetManifest {
  const manifest = manifests.find((m) => m.id === id.trim());
  if (!manifest) {
    throw new ChokepointError(
      'not_found',
      `unknown dataset "${id}" (known: ${manifests.map((m) => m.id).join(', ')})`,
      {
        field: 'dataset',
      },
    );
  }
  return manifest;
}
