import type { Provenance } from '../../components/provenance.ts';
import type { DatasetRef } from '../../reference/reference.ts';
import type { InboxFilters } from './shape.ts';
import type { Alert, Item } from './types.ts';

/**
 * The alert inbox's pure parts: its filters in the hash route (#/ews?level=4&status=new&page=2), and the
 * provenance of the alerts shown.
 */
export const inboxFilterKeys = ['level', 'minLevel', 'status', 'itemId', 'partner', 'from', 'to'] as const;

/** The inbox filters read from the hash route's query. */
export function inboxFiltersOf(query: URLSearchParams): InboxFilters {
  const f: InboxFilters = { page: Number(query.get('page') ?? 1) || 1 };
  for (const k of inboxFilterKeys) f[k] = query.get(k) ?? '';
  return f;
}

/** The hash route's query of inbox filters (empty ones and the first page left out). */
export function inboxRouteQuery(f: InboxFilters): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {};
  for (const k of inboxFilterKeys) query[k] = f[k]?.trim() || undefined;
  if (f.page && f.page > 1) query.page = f.page;
  return query;
}

/** The datasets behind the alerts shown (through their items), for the provenance footer, with the rule sets. */
export function inboxProvenance(
  alerts: readonly Alert[],
  items: readonly Item[],
  datasets: readonly DatasetRef[],
  ruleSetMethod: (id: string) => string,
): Provenance[] {
  const itemById = new Map(items.map((i) => [i.id, i]));
  const shown = new Set(alerts.flatMap((a) => (a.itemId ? (itemById.get(a.itemId)?.dataset ?? []) : [])));
  const method = [...new Set(alerts.map((a) => ruleSetMethod(a.ruleSet)))].join(', ');
  const datasetById = new Map(datasets.map((d) => [d.id, d]));
  return [...shown].flatMap((id) => {
    const d = datasetById.get(id);
    if (!d) return [];
    return [
      {
        dataset: d.id,
        title: d.title,
        publisher: d.publisher,
        version: d.version,
        synthetic: d.synthetic,
        method,
      },
    ];
  });
}
