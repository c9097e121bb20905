import type { StateDb } from '../state/db.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { dominates, joinMarkings } from '../../analysis/marking.ts';
import { buildPanel, type SeriesPanel } from '../../analysis/ews/panel.ts';
import { periodIndex } from '../../analysis/ews/period.ts';
import { ChokepointError } from '../../errors.ts';
import { computeIndicators } from '../../analysis/ews/indicators.ts';
import { evaluateRules } from '../../analysis/ews/rules.ts';
import { eventConcerns, type RecordedEvent } from '../../analysis/ews/events.ts';
import { alertsFromMarkedEvents } from '../../analysis/ews/markedEvents.ts';
import { getDatasetMarking } from '../security/datasetMarkings.ts';
import { readMonthly } from './seriesStore.ts';
import { recordedEvents } from './eventStore.ts';
import { ruleSetById } from './ruleSetStore.ts';
import { recordAlerts, type AlertRecord, type ItemRecord } from './ewsState.ts';

/** What scanning a monitored item needs. */
export interface EwsServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  state: StateDb;
}

/** The months a scan alerts on (YYYY-MM, inclusive); without them, the dataset's latest month. */
export interface ScanMonths {
  from?: string;
  to?: string;
}

/**
 * The panel columns [first, last] of the months asked for, clipped to the panel: `to` defaults to the latest
 * month, `from` to `to` (one month). A window wholly outside the panel gives first > last.
 */
export function scanWindow(panel: SeriesPanel, months: ScanMonths): { first: number; last: number } {
  const latest = panel.months - 1;
  const column = (period: string, field: string) => periodIndex(period, { field }) - panel.start;
  const to = months.to ? Math.min(latest, column(months.to, 'to')) : latest;
  const from = months.from ? Math.max(0, column(months.from, 'from')) : Math.max(0, to);
  if (months.from && months.to && months.from > months.to)
    throw new ChokepointError('bad_input', `from ${months.from} is after to ${months.to}`, { field: 'from' });
  return { first: from, last: to };
}

/**
 * Scans one monitored item on its dataset's latest month (or the months asked for, e.g. the months of a past
 * control, as `ews scan --from --to` evaluates a file): all partners of the reporter × product × flow are read
 * (shares need them), alerts are kept for the item's partner (or all). Markings (docs/ews.md, "Markings of stored
 * alerts"): the rules are evaluated with the recorded events every reader of the series may read (their markings
 * are dominated by the item's joined with the dataset's) and stored under the series' marking; where the events
 * marked above the series change an alert, that alert is stored too, marked with the join of the series and those
 * events, superseding the first for readers cleared for it. Returns the alerts newly stored.
 */
export async function scanItem(
  services: EwsServices,
  item: ItemRecord,
  months: ScanMonths = {},
): Promise<{ stored: AlertRecord[]; note?: string }> {
  if (!item.dataset) return { stored: [], note: 'no dataset set for this item' };
  const entry = services.catalog.find(item.dataset);
  if (!entry) return { stored: [], note: `dataset ${item.dataset} is not present` };
  const rows = await readMonthly(services.dataDir, services.analytics, entry, {
    reporter: item.reporter,
    hs: item.hs,
    flow: item.flow,
  });
  if (rows.length === 0)
    return { stored: [], note: `no rows for ${item.reporter} ${item.hs} ${item.flow} in ${item.dataset}` };
  const ruleSet = await ruleSetById(services.state, item.ruleSet);
  const panel = buildPanel(rows, {
    file: item.dataset,
    missing: (entry.extra?.missing as 'zero' | 'unknown') ?? 'zero',
  });
  const { first, last } = scanWindow(panel, months);
  if (first > last) return { stored: [], note: `no month of ${item.dataset} in the months asked for` };
  const seriesMarking = joinMarkings([item.marking, await getDatasetMarking(services.state, item.dataset)]);
  const events = await recordedEvents(services.state);
  const open = events.filter((e) => dominates(seriesMarking, e.marking));
  // Marked events that concern no series of the panel cannot change an alert: no second evaluation for them.
  const marked = events.filter(
    (e) => !dominates(seriesMarking, e.marking) && panel.series.some((k) => eventConcerns(e, k)),
  );
  const alertsWith = (used: readonly RecordedEvent[]) =>
    evaluateRules(
      panel,
      computeIndicators(panel, ruleSet.parameters, used, [], undefined, first),
      ruleSet,
      first,
      last,
    ).filter((a) => !item.partner || a.partner === item.partner);
  const base = alertsWith(open);
  const options = { itemId: item.id, ruleSet: ruleSet.id };
  const stored = await recordAlerts(services.state, base, { ...options, marking: seriesMarking });
  if (marked.length === 0) return { stored };
  const changed = alertsFromMarkedEvents(
    base,
    alertsWith([...open, ...marked]),
    marked,
    seriesMarking,
    ruleSet.parameters.eventWindow,
  );
  for (const { alert, marking } of changed)
    stored.push(
      ...(await recordAlerts(services.state, [alert], { ...options, marking, eventBasis: 'marked' })),
    );
  return { stored };
}
