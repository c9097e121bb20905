import type { StateDb } from '../state/db.ts';
import type { Catalog } from '../catalog.ts';
import type { DataDir } from '../dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import { buildPanel } from '../../analysis/ews/panel.ts';
import { computeIndicators } from '../../analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules, validateRuleSet, type RuleSet } from '../../analysis/ews/rules.ts';
import type { RecordedEvent } from '../../analysis/ews/events.ts';
import { getDatasetMarking } from '../security/datasetMarkings.ts';
import { readMonthly } from './seriesStore.ts';
import { seedEvents } from './scanFile.ts';
import { recordAlerts, type AlertRecord, type ItemRecord } from './ewsState.ts';

/** What scanning a monitored item needs. */
export interface EwsServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  state: StateDb;
}

/** Rule set by id: 'default' is the shipped one; others are stored in ews_rule_sets. */
export async function ruleSetById(state: StateDb, id: string): Promise<RuleSet> {
  if (id === 'default') return defaultRuleSet;
  const rows = await state.query<{ body: unknown }>('SELECT body FROM ews_rule_sets WHERE id = $1', [id]);
  if (!rows[0]) return defaultRuleSet;
  return validateRuleSet(rows[0].body, `rule set ${id}`);
}

/** Recorded events: the shipped seed list and the ones users entered. */
export async function recordedEvents(state: StateDb): Promise<RecordedEvent[]> {
  const rows = await state.query<{
    id: string;
    country: string;
    hs: string[];
    targets: string[];
    announced: string;
    effective: string;
    title: { ja: string; en: string };
    source: string;
  }>(
    `SELECT id, country, hs, targets, to_char(announced, 'YYYY-MM-DD') AS announced, to_char(effective, 'YYYY-MM-DD') AS effective, title, source FROM ews_events`,
  );
  return [...seedEvents(), ...rows];
}

/**
 * Markings of the recorded events the scan may have used (any whose HS codes overlap the item's): an alert that
 * an event indicator can raise is at least as marked as the event, so readers not cleared for it never see it.
 */
async function eventMarkings(state: StateDb, hs: string): Promise<Marking[]> {
  const rows = await state.query<{ marking: Marking }>(
    `SELECT marking FROM ews_events
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(hs) AS code(h)
                     WHERE starts_with($1, code.h) OR starts_with(code.h, $1))`,
    [hs],
  );
  return rows.map((r) => r.marking);
}

/**
 * Scans one monitored item on its dataset's latest month: all partners of the reporter × product × flow are read
 * (shares need them), alerts are kept for the item's partner (or all), stored with the item's marking joined
 * with the dataset's. Returns the alerts newly stored.
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
  const indicators = computeIndicators(
    panel,
    ruleSet.parameters,
    await recordedEvents(services.state),
    [],
    undefined,
    last,
  );
  const alerts = evaluateRules(panel, indicators, ruleSet, last, last).filter(
    (a) => !item.partner || a.partner === item.partner,
  );
  const marking = joinMarkings([
    item.marking,
    await getDatasetMarking(services.state, item.dataset),
    ...(await eventMarkings(services.state, item.hs)),
  ]);
  return {
    stored: await recordAlerts(services.state, alerts, { itemId: item.id, ruleSet: ruleSet.id, marking }),
  };
}
