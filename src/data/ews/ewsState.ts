import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { ChokepointError } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import type { Alert } from '../../analysis/ews/rules.ts';
import type { MajoritySupplier } from '../../analysis/ews/majoritySupplier.ts';
import { precisionByRule, type RulePrecision } from '../../analysis/ews/precision.ts';
import { readableSql } from '../security/markingSql.ts';
import { unreadableDatasets, withDatasetMarking } from '../security/readContext.ts';
import type { Reader } from '../security/readContext.ts';

/**
 * Early-warning state: monitored lists and items (grade A–D, cadence), alerts and their lifecycle
 * new → acknowledged → assigned → resolved, with feedback (true/false alarm + reason) feeding precision per rule.
 */
export type Grade = 'A' | 'B' | 'C' | 'D';
export type Cadence = 'weekly' | 'monthly' | 'quarterly';
export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved';

/** Korea's EWS checks core items weekly to quarterly by grade; the same default here, editable per item. */
export const defaultCadence: Record<Grade, Cadence> = {
  A: 'weekly',
  B: 'monthly',
  C: 'monthly',
  D: 'quarterly',
};

export interface ItemRecord {
  id: string;
  listId: string;
  reporter: string;
  partner: string | null;
  hs: string;
  flow: 'import' | 'export';
  label: { ja: string; en: string };
  grade: Grade;
  cadence: Cadence;
  dataset: string | null;
  ruleSet: string;
  nextScanAt: string | null;
  lastScanAt: string | null;
  marking: Marking;
}

export interface AlertRecord extends Omit<
  Alert,
  'levelName' | 'levelNameJa' | 'value' | 'expected' | 'events'
> {
  id: string;
  itemId: string | null;
  ruleSet: string;
  status: AlertStatus;
  assignee: string | null;
  feedback: 'true_alarm' | 'false_alarm' | null;
  feedbackReason: string | null;
  marking: Marking;
  /**
   * 'base': computed with the recorded events every reader of the series may read; 'marked': computed with every
   * event, stored only where marked events changed the alert (docs/ews.md, "Markings of stored alerts").
   */
  eventBasis: EventBasis;
  /** For a 'marked' alert: the 'base' alert of the same series and month it replaces for readers cleared for it. */
  supersedes: string | null;
  createdAt: string;
  updatedAt: string;
}

export type EventBasis = 'base' | 'marked';

/** Next scan time: weekly +7 days; monthly and quarterly +1 / +3 calendar months. */
export function nextScan(from: Date, cadence: Cadence): Date {
  const d = new Date(from.getTime());
  if (cadence === 'weekly') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + (cadence === 'monthly' ? 1 : 3));
  return d;
}

type ItemRow = {
  id: string;
  list_id: string;
  reporter: string;
  partner: string | null;
  hs: string;
  flow: 'import' | 'export';
  label: { ja: string; en: string };
  grade: Grade;
  cadence: Cadence;
  dataset: string | null;
  rule_set: string;
  next_scan_at: string | null;
  last_scan_at: string | null;
  marking: Marking;
};

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

/** An item as stored, marked with its dataset's current marking joined (withDatasetMarking). */
function item(r: ItemRow): ItemRecord {
  return {
    id: r.id,
    listId: r.list_id,
    reporter: r.reporter,
    partner: r.partner,
    hs: r.hs,
    flow: r.flow,
    label: r.label,
    grade: r.grade,
    cadence: r.cadence,
    dataset: r.dataset,
    ruleSet: r.rule_set,
    nextScanAt: iso(r.next_scan_at),
    lastScanAt: iso(r.last_scan_at),
    marking: withDatasetMarking(r.marking, r.dataset),
  };
}

export async function createList(
  db: StateDb,
  list: {
    id?: string;
    name: { ja: string; en: string };
    kind: 'critical-goods' | 'generated' | 'user';
    description?: string;
    marking?: Marking;
    createdBy?: string;
  },
): Promise<string> {
  const id = list.id ?? randomUUID();
  await db.query(
    'INSERT INTO ews_lists (id, name, kind, description, marking, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      id,
      JSON.stringify(list.name),
      list.kind,
      list.description ?? '',
      JSON.stringify(list.marking ?? publicMarking),
      list.createdBy ?? null,
    ],
  );
  return id;
}

export interface NewItem {
  reporter: string;
  partner?: string | null;
  hs: string;
  flow: 'import' | 'export';
  label?: { ja: string; en: string };
  grade: Grade;
  cadence?: Cadence;
  dataset?: string | null;
  ruleSet?: string;
  marking?: Marking;
}

export async function addItems(db: StateDb, listId: string, items: NewItem[], now: Date): Promise<number> {
  return db.transaction((tx) => insertItems(tx, listId, items, now));
}

/** Inserts items inside the caller's transaction; an item already on the list is left as it is. */
async function insertItems(tx: StateDb, listId: string, items: NewItem[], now: Date): Promise<number> {
  let added = 0;
  for (const it of items) {
    if (!['A', 'B', 'C', 'D'].includes(it.grade))
      throw new ChokepointError('bad_input', `grade "${it.grade}" must be A, B, C or D`, {
        field: 'grade',
      });
    const rows = await tx.query(
      // UNIQUE (list_id, reporter, partner, hs, flow) does not hold for partner NULL (NULLs are distinct): the
      // NOT EXISTS keeps an item of every partner from being added twice too.
      `INSERT INTO ews_items (id, list_id, reporter, partner, hs, flow, label, grade, cadence, dataset, rule_set, next_scan_at, marking)
       SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::jsonb, $8::text, $9::text, $10::text,
              $11::text, $12::timestamptz, $13::jsonb
       WHERE NOT EXISTS (SELECT 1 FROM ews_items e WHERE e.list_id = $2::text AND e.reporter = $3::text
                           AND e.partner IS NOT DISTINCT FROM $4::text AND e.hs = $5::text AND e.flow = $6::text)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        randomUUID(),
        listId,
        it.reporter,
        it.partner ?? null,
        it.hs,
        it.flow,
        JSON.stringify(it.label ?? { ja: it.hs, en: it.hs }),
        it.grade,
        it.cadence ?? defaultCadence[it.grade],
        it.dataset ?? null,
        it.ruleSet ?? 'default',
        now.toISOString(),
        JSON.stringify(it.marking ?? publicMarking),
      ],
    );
    added += rows.length;
  }
  return added;
}

/** What generating a list did: its id, and the products added, dropped (no longer above the share) and kept. */
export interface GeneratedListUpdate {
  id: string;
  added: number;
  removed: number;
  kept: number;
}

/**
 * A generated list from a screen: every product with one supplier above the threshold. Generating again with the
 * same name refreshes that list (issue 27: running `items generate` twice made two lists): products that fell
 * below the share are dropped (their alerts stay, without the item), new ones added, the others kept with their
 * scan schedule.
 */
export async function generatedList(
  db: StateDb,
  name: { ja: string; en: string },
  suppliers: MajoritySupplier[],
  dataset: string | null,
  now: Date,
  grade: Grade = 'B',
): Promise<GeneratedListUpdate> {
  const description = `${suppliers.length} products with a majority supplier`;
  const [existing] = await db.query<{ id: string }>(
    `SELECT id FROM ews_lists WHERE kind = 'generated' AND name->>'en' = $1 ORDER BY id LIMIT 1`,
    [name.en],
  );
  const id = existing?.id ?? (await createList(db, { name, kind: 'generated', description }));
  const key = (i: { reporter: string; hs: string; flow: string }) => `${i.reporter}\t${i.hs}\t${i.flow}`;
  const wanted = new Set(suppliers.map(key));
  const held = existing
    ? await db.query<{ id: string; reporter: string; hs: string; flow: string }>(
        'SELECT id, reporter, hs, flow FROM ews_items WHERE list_id = $1 AND partner IS NULL',
        [id],
      )
    : [];
  const heldKeys = new Set(held.map(key));
  const stale = held.filter((i) => !wanted.has(key(i))).map((i) => i.id);
  const added = await db.transaction(async (tx) => {
    if (stale.length) await tx.query('DELETE FROM ews_items WHERE id = ANY($1::text[])', [stale]);
    if (existing) await tx.query('UPDATE ews_lists SET description = $2 WHERE id = $1', [id, description]);
    return insertItems(
      tx,
      id,
      suppliers
        .filter((s) => !heldKeys.has(key(s)))
        .map((s) => ({
          reporter: s.reporter,
          hs: s.hs,
          flow: s.flow,
          grade,
          dataset,
          label: {
            ja: `${s.hs}（${s.partner} ${(s.share * 100).toFixed(0)}%）`,
            en: `${s.hs} (${s.partner} ${(s.share * 100).toFixed(0)} %)`,
          },
        })),
      now,
    );
  });
  return { id, added, removed: stale.length, kept: held.length - stale.length };
}

export async function listItems(
  db: StateDb,
  filter: { listId?: string; reader?: Reader } = {},
): Promise<ItemRecord[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.listId) {
    params.push(filter.listId);
    where.push(`list_id = $${params.length}`);
  }
  if (filter.reader) {
    const readable = readableSql(filter.reader, 'marking', params.length + 1);
    where.push(readable.sql);
    params.push(...readable.params);
    // An item follows its dataset's marking (issue 18): one on a dataset the reader may not read is left out.
    params.push(unreadableDatasets());
    where.push(`(dataset IS NULL OR NOT (dataset = ANY($${params.length}::text[])))`);
  }
  const rows = await db.query<ItemRow>(
    `SELECT * FROM ews_items${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY grade, hs, reporter`,
    params,
  );
  return rows.map(item);
}

export async function getItem(db: StateDb, id: string): Promise<ItemRecord | undefined> {
  const rows = await db.query<ItemRow>('SELECT * FROM ews_items WHERE id = $1', [id]);
  return rows[0] ? item(rows[0]) : undefined;
}

export async function dueItems(db: StateDb, now: Date): Promise<ItemRecord[]> {
  const rows = await db.query<ItemRow>(
    'SELECT * FROM ews_items WHERE next_scan_at IS NOT NULL AND next_scan_at <= $1 ORDER BY next_scan_at, id',
    [now.toISOString()],
  );
  return rows.map(item);
}

export async function markScanned(db: StateDb, it: ItemRecord, now: Date): Promise<void> {
  await db.query('UPDATE ews_items SET last_scan_at = $2, next_scan_at = $3 WHERE id = $1', [
    it.id,
    now.toISOString(),
    nextScan(now, it.cadence).toISOString(),
  ]);
}

type AlertRow = {
  id: string;
  item_id: string | null;
  rule_set: string;
  period: string;
  reporter: string;
  partner: string;
  hs: string;
  flow: 'import' | 'export';
  level: number;
  rules: Alert['rules'];
  indicators: Alert['indicators'];
  explanation: Alert['explanation'];
  status: AlertStatus;
  assignee: string | null;
  feedback: 'true_alarm' | 'false_alarm' | null;
  feedback_reason: string | null;
  marking: Marking;
  event_basis: EventBasis;
  supersedes: string | null;
  created_at: string;
  updated_at: string;
  /** The dataset of the alert's item (alertColumns), whose marking the alert follows. */
  item_dataset?: string | null;
};

/** An alert's columns with its item's dataset, so that the alert is marked like its dataset now. */
const alertColumns =
  'ews_alerts.*, (SELECT i.dataset FROM ews_items i WHERE i.id = ews_alerts.item_id) AS item_dataset';

function alertRecord(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    itemId: r.item_id,
    ruleSet: r.rule_set,
    period: r.period,
    reporter: r.reporter,
    partner: r.partner,
    hs: r.hs,
    flow: r.flow,
    level: r.level as Alert['level'],
    rules: r.rules,
    indicators: r.indicators,
    explanation: r.explanation,
    status: r.status,
    assignee: r.assignee,
    feedback: r.feedback,
    feedbackReason: r.feedback_reason,
    marking: withDatasetMarking(r.marking, r.item_dataset),
    eventBasis: r.event_basis,
    supersedes: r.supersedes,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/**
 * Stores alerts; one already stored (same rule set, month, series and event basis) is not stored twice. A 'marked'
 * alert points to the 'base' alert of its series and month, if one is stored. Returns the new ones.
 */
export async function recordAlerts(
  db: StateDb,
  alerts: Alert[],
  options: { itemId?: string | null; ruleSet: string; marking?: Marking; eventBasis?: EventBasis },
): Promise<AlertRecord[]> {
  const stored: AlertRecord[] = [];
  const basis = options.eventBasis ?? 'base';
  await db.transaction(async (tx) => {
    for (const a of alerts) {
      const rows = await tx.query<AlertRow>(
        `INSERT INTO ews_alerts (id, item_id, rule_set, period, reporter, partner, hs, flow, level, rules, indicators, explanation, marking, event_basis, supersedes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                 CASE WHEN $14 = 'marked' THEN (SELECT b.id FROM ews_alerts b
                   WHERE b.rule_set = $3 AND b.period = $4 AND b.reporter = $5 AND b.partner = $6 AND b.hs = $7
                     AND b.flow = $8 AND b.event_basis = 'base') END)
         ON CONFLICT (rule_set, period, reporter, partner, hs, flow, event_basis) DO NOTHING RETURNING *`,
        [
          randomUUID(),
          options.itemId ?? null,
          options.ruleSet,
          a.period,
          a.reporter,
          a.partner,
          a.hs,
          a.flow,
          a.level,
          JSON.stringify(a.rules),
          JSON.stringify(
            a.indicators.map((i) => ({ ...i, value: Number.isFinite(i.value) ? i.value : null })),
          ),
          JSON.stringify(a.explanation),
          JSON.stringify(options.marking ?? publicMarking),
          basis,
        ],
      );
      if (rows[0]) {
        stored.push(alertRecord(rows[0]));
        await tx.query('INSERT INTO ews_alert_history (alert_id, action, actor) VALUES ($1, $2, $3)', [
          rows[0].id,
          'raised',
          null,
        ]);
      }
    }
  });
  return stored;
}

export interface AlertFilter {
  status?: AlertStatus;
  minLevel?: number;
  /** Exact level. */
  level?: number;
  /** Months from / to, YYYY-MM, inclusive. */
  from?: string;
  to?: string;
  hs?: string;
  reporter?: string;
  partner?: string;
  itemId?: string;
  /** Who reads: only alerts this reader may read count; without a reader every alert counts. */
  reader?: Reader;
}

/**
 * WHERE clause of the alerts a reader sees: the filter's conditions, the reader's marking filter, and no 'base'
 * alert that a 'marked' alert the reader may read supersedes (a cleared reader sees the alert that uses the
 * marked events in its place; others see the base alert). Counts use the same clause, so they agree with lists.
 */
function alertWhere(filter: AlertFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.status) add('status = ?', filter.status);
  if (filter.hs) add('hs = ?', filter.hs);
  if (filter.reporter) add('reporter = ?', filter.reporter);
  if (filter.partner) add('partner = ?', filter.partner);
  if (filter.itemId) add('item_id = ?', filter.itemId);
  if (filter.minLevel) add('level >= ?', filter.minLevel);
  if (filter.level) add('level = ?', filter.level);
  if (filter.from) add('period >= ?', filter.from);
  if (filter.to) add('period <= ?', filter.to);
  const readable = (column: string) => {
    if (!filter.reader) return 'true';
    const r = readableSql(filter.reader, column, params.length + 1);
    params.push(...r.params);
    return `(${r.sql})`;
  };
  where.push(readable('ews_alerts.marking'));
  if (filter.reader) {
    // An alert follows its item's dataset's marking (issue 18): one on a dataset the reader may not read is left out.
    params.push(unreadableDatasets());
    where.push(
      `(ews_alerts.item_id IS NULL OR NOT EXISTS (SELECT 1 FROM ews_items i WHERE i.id = ews_alerts.item_id AND i.dataset = ANY($${params.length}::text[])))`,
    );
  }
  where.push(
    `NOT EXISTS (SELECT 1 FROM ews_alerts s WHERE s.supersedes = ews_alerts.id AND ${readable('s.marking')})`,
  );
  return { sql: ` WHERE ${where.join(' AND ')}`, params };
}

/** A page of alerts, newest month and highest level first, with the total under the same filter. */
export async function listAlerts(
  db: StateDb,
  filter: AlertFilter,
  page = 1,
  pageSize = 50,
): Promise<{ items: AlertRecord[]; total: number }> {
  const { sql, params } = alertWhere(filter);
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ews_alerts${sql}`, params))[0]
    .n;
  const n = params.length;
  const rows = await db.query<AlertRow>(
    `SELECT ${alertColumns} FROM ews_alerts${sql} ORDER BY period DESC, level DESC, hs, partner LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, Math.max(1, Math.min(500, pageSize)), Math.max(0, page - 1) * pageSize],
  );
  return { items: rows.map(alertRecord), total };
}

export async function getAlert(db: StateDb, id: string): Promise<AlertRecord | undefined> {
  const rows = await db.query<AlertRow>(`SELECT ${alertColumns} FROM ews_alerts WHERE id = $1`, [id]);
  return rows[0] ? alertRecord(rows[0]) : undefined;
}

export type AlertAction =
  | { action: 'acknowledge' }
  | { action: 'assign'; assignee: string }
  | { action: 'resolve'; feedback: 'true_alarm' | 'false_alarm'; reason?: string };

const allowed: Record<AlertAction['action'], AlertStatus[]> = {
  acknowledge: ['new'],
  assign: ['new', 'acknowledged', 'assigned'],
  resolve: ['new', 'acknowledged', 'assigned'],
};

/** Moves an alert along its lifecycle; a false alarm needs a reason. Recorded in the alert's history. */
export async function transitionAlert(
  db: StateDb,
  id: string,
  change: AlertAction,
  actor: string | null,
): Promise<AlertRecord> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<AlertRow>('SELECT * FROM ews_alerts WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0]) throw new ChokepointError('not_found', 'alert not found', { field: 'id' });
    const current = rows[0].status;
    if (!allowed[change.action].includes(current)) {
      throw new ChokepointError('conflict', `cannot ${change.action} an alert that is ${current}`, {
        field: 'status',
      });
    }
    let note: string | null = null;
    if (change.action === 'acknowledge') {
      await tx.query(`UPDATE ews_alerts SET status = 'acknowledged', updated_at = now() WHERE id = $1`, [id]);
    } else if (change.action === 'assign') {
      if (!change.assignee)
        throw new ChokepointError('bad_input', 'assign needs an assignee', { field: 'assignee' });
      note = change.assignee;
      await tx.query(
        `UPDATE ews_alerts SET status = 'assigned', assignee = $2, updated_at = now() WHERE id = $1`,
        [id, change.assignee],
      );
    } else {
      if (change.feedback !== 'true_alarm' && change.feedback !== 'false_alarm')
        throw new ChokepointError('bad_input', 'feedback must be true_alarm or false_alarm', {
          field: 'feedback',
        });
      if (change.feedback === 'false_alarm' && !change.reason?.trim())
        throw new ChokepointError('bad_input', 'a false alarm needs a reason', { field: 'reason' });
      note = [change.feedback, change.reason].filter(Boolean).join(': ');
      await tx.query(
        `UPDATE ews_alerts SET status = 'resolved', feedback = $2, feedback_reason = $3, updated_at = now() WHERE id = $1`,
        [id, change.feedback, change.reason ?? null],
      );
    }
    await tx.query('INSERT INTO ews_alert_history (alert_id, action, actor, note) VALUES ($1, $2, $3, $4)', [
      id,
      change.action,
      actor,
      note,
    ]);
    return alertRecord(
      (await tx.query<AlertRow>(`SELECT ${alertColumns} FROM ews_alerts WHERE id = $1`, [id]))[0],
    );
  });
}

export async function alertHistory(
  db: StateDb,
  id: string,
): Promise<{ action: string; actor: string | null; note: string | null; at: string }[]> {
  const rows = await db.query<{ action: string; actor: string | null; note: string | null; at: string }>(
    'SELECT action, actor, note, at FROM ews_alert_history WHERE alert_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at)! }));
}

/** Precision per rule from the feedback on resolved alerts (those the reader may read, when a reader is given). */
export async function rulePrecision(db: StateDb, reader?: Reader): Promise<RulePrecision[]> {
  const { sql, params } = alertWhere({ status: 'resolved', reader });
  const rows = await db.query<{ rules: Alert['rules']; feedback: 'true_alarm' | 'false_alarm' | null }>(
    `SELECT rules, feedback FROM ews_alerts${sql}`,
    params,
  );
  return precisionByRule(rows.map((r) => ({ rules: r.rules.map((x) => x.id), feedback: r.feedback })));
}
