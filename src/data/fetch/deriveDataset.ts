import path from 'node:path';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import type { DerivedImport } from '../manifests/types.ts';
import { importSeaNetwork } from '../maritime/importSeaNetwork.ts';
import { importPatents } from '../importers/patents.ts';
import { importExports } from '../importers/exports.ts';
import { iso3OfName } from '../reference/countries.ts';
import { importList } from '../exportControl/listStore.ts';
import { ChokepointError } from '../../errors.ts';

export interface DeriveOptions {
  catalog: Catalog;
  dataDir: DataDir;
  /** Needed by the patents and exports importers (they write Parquet through DuckDB). */
  analytics?: AnalyticsStore;
}

/**
 * Runs the import a manifest derives from its stored files (DatasetManifest.derive), as `data import maritime`,
 * `data import patents` and `data import exports` would on the same files, with their default dataset ids
 * (sea-network, patents, exports). The derived entry names the files it was read from, with their checksums.
 */
export async function deriveDataset(
  derive: DerivedImport,
  files: CatalogEntry,
  options: DeriveOptions,
): Promise<CatalogEntry> {
  const { catalog, dataDir } = options;
  if (derive.importer === 'sea-network')
    return importSeaNetwork({ catalog, dataDir, source: files, sourceKind: files.source });
  if (derive.importer === 'screening-list') {
    let entry = files;
    for (const v of derive.versions) {
      const file = path.join(dataDir.absolute(files.path), v.file);
      const common = { source: files.source, retrievedAt: files.retrievedAt };
      entry = (await importList({ catalog, dataDir, file, list: derive.list, version: v.version, ...common }))
        .entry;
    }
    return entry;
  }
  if (!options.analytics)
    throw new ChokepointError(
      'internal',
      `fetching ${files.id} builds ${derive.importer} and needs the analytics store`,
    );
  const file = path.join(dataDir.datasetDir(files), derive.file);
  const common = {
    catalog,
    dataDir,
    analytics: options.analytics,
    file,
    resolveCountry: iso3OfName,
    derivedFrom: [files.id],
  };
  const result = derive.importer === 'patents' ? await importPatents(common) : await importExports(common);
  return result.entry;
}
