import path from 'node:path';
import { Catalog, type CatalogEntry } from '../../src/data/catalog/catalog.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { importHs } from '../../src/data/importers/hs.ts';
import { importUsgsMcs } from '../../src/data/importers/usgs.ts';
import { importIoTable } from '../../src/data/scenario/ioTables.ts';
import { importSeaNetwork } from '../../src/data/maritime/importSeaNetwork.ts';
import { importPatents } from '../../src/data/importers/patents.ts';
import { importExports } from '../../src/data/importers/exports.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';
import type { AnalyticsStore } from '../../src/data/analytics/store.ts';
import { sharedData, tempDir } from './tmp.ts';

/**
 * The real CEPII BACI extract of the shared mirror (HS17, release V202601): all countries' flows of 31 HS6 codes
 * of critical raw materials, 2018–2024 (../shared/data/README.md). Tests that check figures read it directly.
 */
export const baciCriticalMineralsCsv = path.join(
  sharedData,
  'baci-critical-minerals',
  'BACI_HS17_critical_minerals_2018-2024.csv',
);

export interface SharedTradeOptions {
  /** The trade dataset's catalog id; default importBaci's own, `baci-hs17`. */
  datasetId?: string;
  /** The HS nomenclature with Japanese labels (dataset `hs`), for product names. */
  labels?: boolean;
  /** USGS Mineral Commodity Summaries 2025 (world production and reserves). */
  minerals?: boolean;
  /** Sea routes, chokepoints and ports. */
  seaNetwork?: boolean;
  /** Japan's 2011 13-sector input–output table, as `io-jp2011`. */
  ioTable?: boolean;
}

/**
 * Imports the BACI critical-minerals extract into a test's data folder, with the reference data a test asks for,
 * all read in place from the shared mirror. Returns the trade dataset's catalog entry.
 */
export async function importSharedTrade(
  dataDir: DataDir,
  options: SharedTradeOptions = {},
): Promise<CatalogEntry> {
  const trade = await importBaci({
    dataDir,
    inputs: [baciCriticalMineralsCsv],
    ...(options.datasetId ? { datasetId: options.datasetId } : {}),
    hs: 'HS17',
    version: 'V202601',
  });
  if (options.labels) {
    const hs = path.join(sharedData, 'hs');
    await importHs({
      dataDir,
      files: {
        hs22: path.join(hs, 'harmonized-system.csv'),
        hs4Ja: path.join(hs, 'hs4_ja.csv'),
        hs6Ja: path.join(hs, 'hs6_ja.csv'),
        hs17: path.join(hs, 'baci_product_codes_hs17_bec.csv'),
      },
    });
  }
  if (options.minerals) {
    await importUsgsMcs({ dataDir, input: path.join(sharedData, 'minerals', 'MCS2025_World_Data.csv') });
  }
  if (options.seaNetwork) {
    importSeaNetwork({ catalog: new Catalog(dataDir), dataDir, dir: path.join(sharedData, 'maritime') });
  }
  if (options.ioTable) {
    importIoTable({
      dataDir,
      catalog: new Catalog(dataDir),
      file: path.join(sharedData, 'io', 'iotable_13sector_2011.csv'),
      id: 'io-jp2011',
    });
  }
  return trade;
}

/**
 * The technology inputs of zones and RTA (issue 9), read in place from the shared mirror: NSF NCSES patent counts
 * by country × field × year (dataset patents-ncses) and world exports by exporter × HS4 for 2017
 * (world-exports-hs4), country names resolved to ISO3.
 */
export async function importSharedTechnology(services: {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
}): Promise<void> {
  const resolve = (name: string) => resolveCountry(name)?.iso3 ?? null;
  await importPatents({
    ...services,
    file: path.join(sharedData, 'patents', 'patents_by_country_field_year.csv'),
    resolveCountry: resolve,
  });
  await importExports({
    ...services,
    file: path.join(sharedData, 'world-exports-hs4', 'world_trade_2017.csv.gz'),
    resolveCountry: resolve,
  });
}

/**
 * A fresh data folder with the BACI extract (and what `options` asks for) and an open DuckDB: the services the
 * trade analyses take. Close `analytics` after the test file.
 */
export async function openSharedTradeServices(
  options: SharedTradeOptions = {},
): Promise<{ dataDir: DataDir; catalog: Catalog; analytics: DuckDbStore }> {
  const dataDir = new DataDir(tempDir()).ensure();
  const analytics = await openDuckDb();
  await importSharedTrade(dataDir, options);
  return { dataDir, catalog: new Catalog(dataDir), analytics };
}
