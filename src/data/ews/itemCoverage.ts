import type { EwsServices } from './itemScan.ts';
import type { ItemRecord } from './ewsState.ts';
import { monthlyKey, monthlyKeys } from './seriesStore.ts';

/**
 * Whether a monitored item has data to scan (issue 27: items without data say so): 'ok' when its dataset holds
 * rows of its reporter × product × flow; 'no_dataset' when none is set; 'dataset_missing' when the dataset named
 * is not in the catalog (or not monthly trade); 'no_rows' when the dataset has no such series. Each dataset's keys
 * are read once.
 */
export type ItemCoverage = 'ok' | 'no_dataset' | 'dataset_missing' | 'no_rows';

export async function itemCoverage(
  services: Omit<EwsServices, 'state'>,
  items: readonly ItemRecord[],
): Promise<Map<string, ItemCoverage>> {
  const keysOf = new Map<string, Set<string> | null>();
  const out = new Map<string, ItemCoverage>();
  for (const item of items) {
    if (!item.dataset) {
      out.set(item.id, 'no_dataset');
      continue;
    }
    if (!keysOf.has(item.dataset)) {
      const entry = services.catalog.find(item.dataset);
      keysOf.set(
        item.dataset,
        entry?.kind === 'trade-monthly'
          ? await monthlyKeys(services.dataDir, services.analytics, entry)
          : null,
      );
    }
    const keys = keysOf.get(item.dataset);
    out.set(item.id, !keys ? 'dataset_missing' : keys.has(monthlyKey(item)) ? 'ok' : 'no_rows');
  }
  return out;
}
