import fs from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../../src/data/analytics/store.ts';
import type { Catalog, CatalogEntry } from '../../src/data/catalog/catalog.ts';
import type { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { publishMonthly } from '../../src/data/ews/seriesStore.ts';
import { valueUnit } from '../../src/data/ews/valueUnit.ts';
import { sharedData, tempDir } from './tmp.ts';

/** China's monthly exports of critical minerals by partner (UN Comtrade-derived file of the shared mirror). */
export const chinaMineralExportsCsv = path.join(
  sharedData,
  'monthly/china-critical-minerals/country_monthly_stats.csv',
);

export interface ChinaExportsCut {
  /** Catalog id and title of the published dataset. */
  id: string;
  title: string;
  /** The data as it stood at the end of this month (YYYY-MM): later months are left out. */
  until: string;
  /** The file's product groups named by the HS code the recorded controls list, e.g. { Graphite: '2504' }. */
  groups: Record<string, string>;
  /** Keep only the named groups (default: every group, the named ones renamed). */
  only?: boolean;
}

/**
 * Publishes a cut of China's mineral exports as a trade-monthly dataset, as `ews import` would: values in USD
 * (the file's val column is Comtrade's primary value), quantities in kg.
 */
export async function publishChinaExports(
  services: { dataDir: DataDir; catalog: Catalog; analytics: AnalyticsStore },
  cut: ChinaExportsCut,
): Promise<CatalogEntry> {
  const [header, ...lines] = fs.readFileSync(chinaMineralExportsCsv, 'utf8').trim().split('\n');
  // A plain comma-separated file (no quoted fields): the product group is the broad_group column.
  const group = header.split(',').indexOf('broad_group');
  const kept = lines.filter(
    (l) => l.slice(0, 7) <= cut.until && (!cut.only || l.split(',')[group] in cut.groups),
  );
  const renamed = kept.map((l) => {
    const fields = l.split(',');
    fields[group] = cut.groups[fields[group]] ?? fields[group];
    return fields.join(',');
  });
  const file = path.join(tempDir(), `${cut.id}.csv`);
  fs.writeFileSync(file, [header, ...renamed].join('\n'));
  const imported = importMonthlyCsv(file, {
    map: parseColumnMap('period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty'),
    reporter: 'CHN',
    flow: 'export',
    unit: 'kg',
    valueUnit: valueUnit('USD'),
  });
  return publishMonthly(services.dataDir, services.catalog, services.analytics, imported, {
    id: cut.id,
    title: cut.title,
    publisher: 'UN Comtrade (derived)',
  });
}

/** China's graphite (HS 2504) exports by partner to Dec 2023 as dataset `cn-graphite`: the EWS tests' series. */
export function publishChinaGraphite(services: {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
}): Promise<CatalogEntry> {
  return publishChinaExports(services, {
    id: 'cn-graphite',
    title: 'China graphite exports',
    until: '2023-12',
    groups: { Graphite: '2504' },
    only: true,
  });
}
