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
import { importIoTable } from '../scenario/ioTables.ts';
import { importMonthlyCsv, parseColumnMap } from '../importers/monthlyCsv.ts';
import { importPinkSheet } from '../importers/pinksheet.ts';
import { publishMonthly, publishPrices } from '../ews/seriesStore.ts';
import { valueUnit } from '../ews/valueUnit.ts';
import { ChokepointError } from '../../errors.ts';

export interface DeriveOptions {
  catalog: Catalog;
  dataDir: DataDir;
  /** Needed by the patents and exports importers (they write Parquet through DuckDB). */
  analytics?: AnalyticsStore;
}

/**
 * Runs the import a manifest derives from its stored files (DatasetManifest.derive), as `data import maritime`,
 * `data import patents`, `data import exports`, `io import` and `ews import` would on the same files, with the
 * ids the manifest names (issue 27: a fetched dataset is ready for every feature that reads it). The derived entry
 * names the files it was read from, with their checksums, and the fetched dataset it came from (its marking).
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
  const from = (name: string) => path.join(dataDir.datasetDir(files), name);
  const provenance = {
    publisher: files.publisher,
    url: files.url,
    licence: files.licence,
    version: files.version,
    source: files.source,
    derivedFrom: [files.id],
  };
  if (derive.importer === 'io-table')
    return importIoTable({
      catalog,
      dataDir,
      file: from(derive.file),
      id: derive.id,
      version: files.version,
      derivedFrom: [files.id],
    });
  if (!options.analytics)
    throw new ChokepointError(
      'internal',
      `fetching ${files.id} builds ${derive.importer} and needs the analytics store`,
    );
  if (derive.importer === 'monthly-series') {
    const imported = importMonthlyCsv(from(derive.file), {
      map: parseColumnMap(derive.map),
      reporter: derive.reporter,
      flow: derive.flow,
      unit: derive.unit,
      valueUnit: valueUnit(derive.valueUnit),
    });
    return publishMonthly(dataDir, catalog, options.analytics, imported, {
      id: derive.id,
      title: derive.title,
      ...provenance,
    });
  }
  if (derive.importer === 'prices') {
    const imported = await importPinkSheet(from(derive.file), from(derive.seriesList));
    return publishPrices(dataDir, catalog, options.analytics, imported, {
      id: derive.id,
      title: derive.title,
      ...provenance,
    });
  }
  const file = from(derive.file);
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
