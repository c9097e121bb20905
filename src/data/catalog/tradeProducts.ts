import type { DataDir } from './dataDir.ts';
import type { CatalogEntry } from './catalog.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import { tradeSource } from './tradeDataset.ts';

/**
 * The HS6 codes an annual trade dataset holds rows for in any year: an extract (the critical-minerals BACI cut)
 * covers only some codes, and a product outside them is "not in this dataset", not "not imported" (issue 27).
 * Kept per dataset version (stored versions never change).
 */
const held = new Map<string, Promise<string[]>>();

export function tradeProducts(
  dataDir: DataDir,
  analytics: AnalyticsStore,
  entry: CatalogEntry,
): Promise<string[]> {
  const key = `${dataDir.root}\t${entry.id}\t${entry.version}\t${entry.importedAt}`;
  const source = tradeSource(dataDir, entry, analytics);
  let products = held.get(key);
  if (!products) {
    products = analytics
      .select<{ k: string }>(
        new SqlBuilder(analytics.dialect).done(`SELECT DISTINCT k FROM ${source} ORDER BY k`),
      )
      .then((rows) => rows.map((r) => r.k));
    held.set(key, products);
    products.catch(() => held.delete(key));
  }
  return products;
}
