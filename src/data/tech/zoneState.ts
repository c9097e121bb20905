import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { ChokepointError } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { isZone, type Zone } from '../../analysis/zones/zone.ts';
import { measureById } from '../../analysis/policy/measures.ts';
import { parseRuleSet, type ZoneRuleSet } from '../../analysis/zones/rules.ts';
import { defaultRuleSet } from '../../analysis/zones/defaultRules.ts';

/** Zone overrides, applied measures and the active rule set in application state (migration 410). */
export interface ZoneOverride {
  id: number;
  entryId: string;
  reporter: string;
  /** null: the override was withdrawn. */
  zone: Zone | null;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  marking: Marking;
}

export interface AppliedMeasure {
  id: number;
  entryId: string;
  /** The country or group the measure is applied by (migration 951; rows recorded before are Japan's). */
  reporter: string;
  measureId: string;
  status: 'planned' | 'in-force' | 'ended';
  note: string;
  since: string | null;
  createdBy: string | null;
  createdAt: string;
  marking: Marking;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

function toOverride(r: Record<string, unknown>): ZoneOverride {
  return {
    id: Number(r.id),
    entryId: String(r.entry_id),
    reporter: String(r.reporter),
    zone: (r.zone as Zone | null) ?? null,
    reason: String(r.reason),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: text(r.created_at),
    marking: json(r.marking as Marking),
  };
}

function toMeasure(r: Record<string, unknown>): AppliedMeasure {
  return {
    id: Number(r.id),
    entryId: String(r.entry_id),
    reporter: String(r.reporter),
    measureId: String(r.measure_id),
    status: r.status as AppliedMeasure['status'],
    note: String(r.note),
    since: r.since === null || r.since === undefined ? null : text(r.since).slice(0, 10),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: text(r.created_at),
    marking: json(r.marking as Marking),
  };
}

export async function addZoneOverride(
  db: StateDb,
  input: {
    entryId: string;
    reporter: string;
    zone: Zone | null;
    reason: string;
    createdBy: string | null;
    marking?: Marking;
  },
): Promise<ZoneOverride> {
  if (input.zone !== null && !isZone(input.zone)) {
    throw new ChokepointError(
      'bad_input',
      `zone must be disruptive, advantage or dependence (or none to withdraw)`,
      { field: 'zone' },
    );
  }
  if (!input.reason.trim())
    throw new ChokepointError('bad_input', 'an override needs a reason', { field: 'reason' });
  const [row] = await db.query<Record<string, unknown>>(
    `INSERT INTO zone_overrides (entry_id, reporter, zone, reason, created_by, marking)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING *`,
    [
      input.entryId,
      input.reporter,
      input.zone,
      input.reason.trim(),
      input.createdBy,
      JSON.stringify(input.marking ?? publicMarking),
    ],
  );
  return toOverride(row);
}

/** Every override in force (newest per entry and reporter, withdrawn ones left out). */
export async function currentZoneOverrides(
  db: StateDb,
  reporter: string,
): Promise<Map<string, ZoneOverride>> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (entry_id) * FROM zone_overrides WHERE reporter = $1 ORDER BY entry_id, id DESC`,
    [reporter],
  );
  return new Map(
    rows
      .map(toOverride)
      .filter((o) => o.zone !== null)
      .map((o) => [o.entryId, o]),
  );
}

export async function zoneOverrideHistory(db: StateDb, entryId: string): Promise<ZoneOverride[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM zone_overrides WHERE entry_id = $1 ORDER BY id DESC`,
    [entryId],
  );
  return rows.map(toOverride);
}

export async function recordMeasure(
  db: StateDb,
  input: {
    entryId: string;
    /** Default JPN, the default perspective (PRODUCT.md §1). */
    reporter?: string;
    measureId: string;
    status: AppliedMeasure['status'];
    note?: string;
    since?: string | null;
    createdBy: string | null;
    marking?: Marking;
  },
): Promise<AppliedMeasure> {
  if (!measureById(input.measureId))
    throw new ChokepointError(
      'bad_input',
      `unknown measure "${input.measureId}" (see chokepoint policy measures)`,
      { field: 'measure' },
    );
  if (!['planned', 'in-force', 'ended'].includes(input.status))
    throw new ChokepointError('bad_input', 'status must be planned, in-force or ended', { field: 'status' });
  if (input.since && !/^\d{4}-\d{2}-\d{2}$/.test(input.since))
    throw new ChokepointError('bad_input', 'since must be a date YYYY-MM-DD', { field: 'since' });
  const [row] = await db.query<Record<string, unknown>>(
    `INSERT INTO policy_measures_applied (entry_id, measure_id, status, note, since, created_by, marking, reporter)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING *`,
    [
      input.entryId,
      input.measureId,
      input.status,
      input.note ?? '',
      input.since ?? null,
      input.createdBy,
      JSON.stringify(input.marking ?? publicMarking),
      input.reporter ?? 'JPN',
    ],
  );
  return toMeasure(row);
}

/** Measures applied, of one entry and/or one reporter (all when not given). */
export async function appliedMeasures(
  db: StateDb,
  entryId?: string,
  reporter?: string,
): Promise<AppliedMeasure[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (entryId) where.push(`entry_id = $${params.push(entryId)}`);
  if (reporter) where.push(`reporter = $${params.push(reporter)}`);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM policy_measures_applied${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY entry_id, id`,
    params,
  );
  return rows.map(toMeasure);
}

export async function activeRuleSet(db: StateDb): Promise<ZoneRuleSet> {
  const [row] = await db.query<{ rules: unknown }>(`SELECT rules FROM zone_rule_sets WHERE name = 'active'`);
  return row ? parseRuleSet(json(row.rules as string), 'zone_rule_sets') : defaultRuleSet;
}

/** Stores a rule set as the active one (checked first); null restores the shipped default. */
export async function setActiveRuleSet(
  db: StateDb,
  rules: ZoneRuleSet | null,
  updatedBy: string | null,
): Promise<ZoneRuleSet> {
  if (rules === null) {
    await db.query(`DELETE FROM zone_rule_sets WHERE name = 'active'`);
    return defaultRuleSet;
  }
  const checked = parseRuleSet(rules);
  await db.query(
    `INSERT INTO zone_rule_sets (name, rules, updated_by) VALUES ('active', $1::jsonb, $2)
     ON CONFLICT (name) DO UPDATE SET rules = EXCLUDED.rules, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(checked), updatedBy],
  );
  return checked;
}

export interface Actor {
  id: string | null;
  name: string;
}

/** Records an analyst's override (or its withdrawal) and its audit entry in one transaction. */
export async function overrideZone(
  db: StateDb,
  input: {
    entryId: string;
    reporter: string;
    zone: Zone | null;
    reason: string;
    marking?: Marking;
    ruleZone: Zone | null;
    ruleId: string | null;
  },
  actor: Actor,
): Promise<ZoneOverride> {
  return db.transaction(async (tx) => {
    const override = await addZoneOverride(tx, { ...input, createdBy: actor.name });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: input.zone === null ? 'zone.override_withdrawn' : 'zone.override',
      objectType: 'zone',
      objectId: `${input.reporter}/${input.entryId}`,
      marking: override.marking,
      details: {
        zone: input.zone,
        reason: override.reason,
        ruleZone: input.ruleZone,
        rule: input.ruleId,
        overrideId: override.id,
      },
    });
    return override;
  });
}

/** Records a measure applied to an entry and its audit entry in one transaction. */
export async function applyMeasure(
  db: StateDb,
  input: Omit<Parameters<typeof recordMeasure>[1], 'createdBy'>,
  actor: Actor,
): Promise<AppliedMeasure> {
  return db.transaction(async (tx) => {
    const measure = await recordMeasure(tx, { ...input, createdBy: actor.name });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'policy.measure_applied',
      objectType: 'policy_measure',
      objectId: String(measure.id),
      marking: measure.marking,
      details: { entry: measure.entryId, reporter: measure.reporter, measure: measure.measureId, status: measure.status },
    });
    return measure;
  });
}
