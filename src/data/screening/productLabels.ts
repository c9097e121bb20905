import type { DataDir } from '../catalog/dataDir.ts';
import { loadHsLabels, type HsLabels } from '../reference/hs.ts';
import type { HsRevision } from '../reference/concordance.ts';
import type { ProductLabels } from './screen.ts';
import { ChokepointError } from '../../errors.ts';
import { recordDatasetRead } from '../security/readContext.ts';

/**
 * Product labels for screens and dossiers from the imported HS nomenclature (English; Japanese from Japan
 * Customs' tariff schedule), in the HS revision of the trade dataset. Without an imported nomenclature the
 * labels are empty and every code counts as unknown unless it is in the trade data.
 */
const revisions = new Set(['HS17', 'HS22']);

export function productLabelsFrom(hs: HsLabels): ProductLabels {
  const rev = (revision?: string) => (revision && revisions.has(revision) ? (revision as HsRevision) : undefined);
  // Labels are content of the hs dataset: whatever shows one is marked with it (readContext.ts).
  const dataset = hs.provenance.dataset;
  return {
    label(hs6, revision) {
      recordDatasetRead(dataset);
      const en = hs.hsLabel(hs6, 'en', rev(revision));
      const ja = hs.hsLabel(hs6, 'ja', rev(revision));
      return en || ja ? { en: en ?? '', ja: ja ?? '' } : undefined;
    },
    known(hs6, revision) {
      recordDatasetRead(dataset);
      return hs.has(hs6, rev(revision)) || hs.has(hs6, 'HS22') || hs.has(hs6, 'HS17');
    },
  };
}

export function productLabelsFor(dataDir: DataDir): ProductLabels | undefined {
  try {
    return productLabelsFrom(loadHsLabels(dataDir));
  } catch (error) {
    if (error instanceof ChokepointError && error.code === 'not_found') return undefined;
    throw error;
  }
}
