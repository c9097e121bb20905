import type { StateDb } from '../state/db.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { dominates, joinMarkings } from '../../analysis/marking.ts';
import { buildPanel } from '../../analysis/ews/panel.ts';
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

/**
 * Scans one monitored item on its dataset's latest month: all partners of the reporter × product × flow are read
 * (shares need them), alerts are kept for the item's partner (or all). Markings (docs/ews.md, "Markings of stored
 * alerts"): the rules are evaluated with the recorded events every reader of the series may read (their markings
 * are dominated by the item's joined with the dataset's) and stored under the series' marking; where the events
 * marked above the series change an alert, that alert is stored too, marked with the join of the series and those
 * events, superseding the first for readers cleared for it. Returns the alerts newly stored.
 */
export async function scanItem(
  services: EwsServices,
  item: ItemRecord,
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
  const last = panel.months - 1;
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
      computeIndicators(panel, ruleSet.parameters, used, [], undefined, last),
      ruleSet,
      last,
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
