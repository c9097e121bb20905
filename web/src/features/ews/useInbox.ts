import { useGet } from '../../api/useGet.ts';
import { useDatasets } from '../../reference/useReference.ts';
import { alertQuery, type InboxFilters } from './shape.ts';
import type { Alert } from './types.ts';

/**
 * What the inbox shows: a page of alerts for the filters (none while the next page loads), the monitored items
 * and datasets they refer to, the indicators' labels and each rule's precision. `updated` puts an alert changed
 * by an action in place and counts precision again.
 */
export function useInbox(filters: InboxFilters, pageSize: number) {
  const items = useGet('GET /api/ews/items');
  const datasets = useDatasets();
  const ruleSets = useGet('GET /api/ews/rule-sets');
  const alerts = useGet('GET /api/ews/alerts', { query: alertQuery(filters, pageSize) });
  const precision = useGet('GET /api/ews/precision');
  const errors = [items, datasets, ruleSets, alerts, precision].map((l) => l.error);
  return {
    data: alerts.loading ? null : alerts.data,
    items: items.data?.items ?? [],
    datasets: datasets.data?.items ?? [],
    labels: ruleSets.data?.indicatorLabels ?? {},
    precision: precision.data?.items ?? null,
    error: errors.find((e) => e !== null)?.message ?? null,
    updated: (a: Alert) => {
      alerts.update((d) => ({ ...d, items: d.items.map((x) => (x.id === a.id ? a : x)) }));
      precision.reload();
    },
  };
}
