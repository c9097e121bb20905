import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';
import { notifyStateChange } from '../state/stateChanges.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import type { CriticalHsCode, HsMatch } from './criticalGoods.ts';
import type { PatentFieldRef } from './technologies.ts';
import { isDomainId, type DomainId } from './domains.ts';
import {
  registryDefault,
  registryDefaults,
  type RegistryDefinition,
  type RegistryKind,
  type RegistryStatus,
} from './registryDefaults.ts';

/**
 * The registry of critical goods and technologies in application state (table critical_goods, migrations 400 and
 * 951): the shipped entries (registryDefaults.ts) copied in on first read — an entry shipped by a later version is
 * added then too — and whatever users add, change, adopt or retire. Nothing is deleted: a retired entry stays with
 * its history, and every write appends a snapshot of the entry as it then is to registry_history (who, when, why).
 * Writes announce themselves on the state-change channel (the server's screen cache keys on the registry).
 */
export interface RegistryEntryRecord extends RegistryDefinition {
  marking: Marking;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** True when the entry ships with chokepoint (registryDefaults.ts). */
  shipped: boolean;
  /** True when the HS mapping differs from the shipped one (or the entry was not shipped). */
  edited: boolean;
}

export interface RegistryHistoryRecord {
  id: number;
  entryId: string;
  version: number;
  /** seed, migrated, add, update, adopt, retire, restore, reset. */
  action: string;
  snapshot: RegistryDefinition;
  reason: string;
  actor: string | null;
  at: string;
  marking: Marking;
}

interface EntryRow {
  id: string;
  kind: RegistryKind;
  status: RegistryStatus;
  name_ja: string;
  name_en: string;
  designation: RegistryDefinition['designation'] | string;
  ministry: RegistryDefinition['ministry'] | string;
  hs: CriticalHsCode[] | string;
  patent_fields: PatentFieldRef[] | string | null;
  domains: DomainId[] | string | null;
  note: string;
  marking: Marking | string;
  version: number;
  updated_at: string | Date;
  updated_by: string | null;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : String(v));

/** One HS code in a fixed key order (jsonb does not keep it), `source` only when there is one. */
function codeOf(c: CriticalHsCode): CriticalHsCode {
  return { hs6: c.hs6, match: c.match, note: c.note, ...(c.source ? { source: c.source } : {}) };
}

function fromRow(row: EntryRow): RegistryEntryRecord {
  const shipped = registryDefault(row.id);
  const hs = json(row.hs).map(codeOf);
  return {
    id: row.id,
    kind: row.kind,
    ja: row.name_ja,
    en: row.name_en,
    designation: json(row.designation),
    ministry: json(row.ministry),
    hs,
    // NULL = the shipped default (rows of migration 400 and entries never edited since).
    patentFields: (row.patent_fields === null ? shipped?.patentFields : json(row.patent_fields)) ?? [],
    domains: (row.domains === null ? shipped?.domains : json(row.domains)) ?? [],
    note: row.note,
    status: row.status,
    marking: json(row.marking),
    version: Number(row.version),
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    shipped: shipped !== undefined,
    edited: !shipped || JSON.stringify(shipped.hs.map(codeOf)) !== JSON.stringify(hs),
  };
}

/** The definition part of an entry (what a history snapshot keeps). */
export function definitionOf(entry: RegistryDefinition): RegistryDefinition {
  return {
    id: entry.id,
    kind: entry.kind,
    ja: entry.ja,
    en: entry.en,
    designation: entry.designation,
    ministry: entry.ministry,
    hs: entry.hs.map(codeOf),
    patentFields: entry.patentFields.map((f) => ({ source: f.source, field: f.field })),
    domains: [...entry.domains],
    note: entry.note,
    status: entry.status,
  };
}

const matches: HsMatch[] = ['exact', 'approximate', 'input'];
const statuses: RegistryStatus[] = ['active', 'proposed', 'retired'];
const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const fieldPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Checks HS6 codes: six digits, listed once, a known match grade; returns them trimmed. */
export function validateHsCodes(codes: CriticalHsCode[]): CriticalHsCode[] {
  const seen = new Set<string>();
  return codes.map((c, n) => {
    const hs6 = String(c.hs6 ?? '').trim();
    if (!/^\d{6}$/.test(hs6)) {
      throw new ChokepointError('unknown_code', `HS code "${c.hs6}" is not six digits`, {
        field: `hs[${n}].hs6`,
      });
    }
    if (seen.has(hs6))
      throw new ChokepointError('bad_input', `HS code ${hs6} is listed twice`, { field: `hs[${n}].hs6` });
    seen.add(hs6);
    const match = c.match ?? 'approximate';
    if (!matches.includes(match)) {
      throw new ChokepointError('bad_input', `match "${match}" must be one of ${matches.join(', ')}`, {
        field: `hs[${n}].match`,
      });
    }
    const source = String(c.source ?? '').trim();
    return codeOf({ hs6, match, note: String(c.note ?? ''), source });
  });
}

/** Checks a whole definition before it is written; every problem names its field. */
export function validateDefinition(d: RegistryDefinition): RegistryDefinition {
  if (!idPattern.test(d.id ?? '')) {
    throw new ChokepointError(
      'bad_input',
      `entry id "${d.id}" must be 1–64 lower-case letters, digits and '-'`,
      { field: 'id' },
    );
  }
  if (d.kind !== 'good' && d.kind !== 'technology') {
    throw new ChokepointError('bad_input', `kind "${d.kind}" must be good or technology`, { field: 'kind' });
  }
  if (!d.ja?.trim() || !d.en?.trim()) {
    throw new ChokepointError('bad_input', 'an entry needs a Japanese and an English name', {
      field: d.ja?.trim() ? 'en' : 'ja',
    });
  }
  if (!statuses.includes(d.status)) {
    throw new ChokepointError('bad_input', `status "${d.status}" must be one of ${statuses.join(', ')}`, {
      field: 'status',
    });
  }
  d.domains.forEach((domain, n) => {
    if (!isDomainId(domain)) {
      throw new ChokepointError(
        'bad_input',
        `domain "${domain}" must be computing, clean-tech, biotech or defence-space`,
        { field: `domains[${n}]` },
      );
    }
  });
  d.patentFields.forEach((f, n) => {
    if (!fieldPattern.test(f.source ?? '') || !fieldPattern.test(f.field ?? '')) {
      throw new ChokepointError(
        'bad_input',
        `patent field "${f.source}/${f.field}" must be source/field in lower case (e.g. pct/chemistry)`,
        {
          field: `patentFields[${n}]`,
        },
      );
    }
  });
  return definitionOf({
    ...d,
    ja: d.ja.trim(),
    en: d.en.trim(),
    hs: validateHsCodes(d.hs),
    domains: [...new Set(d.domains)],
  });
}

async function appendHistory(
  db: StateDb,
  entry: RegistryDefinition,
  version: number,
  change: { action: string; reason: string; actor: string | null },
  marking: Marking,
): Promise<void> {
  await db.query(
    `INSERT INTO registry_history (entry_id, version, action, snapshot, reason, actor, marking)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb)`,
    [
      entry.id,
      version,
      change.action,
      JSON.stringify(definitionOf(entry)),
      change.reason,
      change.actor,
      JSON.stringify(marking),
    ],
  );
}


/** The entry's columns $1…$12 (id … marking), in the order of the INSERT and UPDATE below. */
function columnValues(d: RegistryDefinition, marking: Marking): unknown[] {
  return [
    d.id,
    d.kind,
    d.status,
    d.ja,
    d.en,
    JSON.stringify(d.designation),
    JSON.stringify(d.ministry),
    JSON.stringify(d.hs),
    JSON.stringify(d.patentFields),
    JSON.stringify(d.domains),
    d.note,
    JSON.stringify(marking),
  ];
}

async function insertEntry(
  db: StateDb,
  d: RegistryDefinition,
  marking: Marking,
  user: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO critical_goods (id, kind, status, name_ja, name_en, designation, ministry, hs, patent_fields, domains, note,
       marking, version, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12::jsonb, 1, $13)`,
    [...columnValues(d, marking), user],
  );
}

/** Copies in the shipped entries missing from the table (all of them on a new installation), with a 'seed' snapshot. */
export async function seedRegistry(db: StateDb): Promise<void> {
  const have = async (q: StateDb) =>
    new Set((await q.query<{ id: string }>('SELECT id FROM critical_goods')).map((r) => r.id));
  const present = await have(db);
  if (registryDefaults.every((d) => present.has(d.id))) return;
  await db.transaction(async (tx) => {
    const again = await have(tx);
    for (const d of registryDefaults) {
      if (again.has(d.id)) continue;
      await insertEntry(tx, d, publicMarking, null);
      await appendHistory(tx, d, 1, { action: 'seed', reason: '', actor: null }, publicMarking);
    }
    await notifyStateChange(tx, 'critical_goods');
  });
}

export interface RegistryFilter {
  kind?: RegistryKind;
  status?: RegistryStatus[];
  /** Only the entries this reader may read (none given: every entry, as for the CLI operator). */
  reader?: Reader;
}

const shippedOrder = new Map(registryDefaults.map((d, n) => [d.id, n]));

/** Entries in shipped order first, then the others by id. */
export async function listRegistry(db: StateDb, filter: RegistryFilter = {}): Promise<RegistryEntryRecord[]> {
  await seedRegistry(db);
  const readable = readableSql(filter.reader, 'marking', 1);
  const params: unknown[] = [...readable.params];
  const where: string[] = [readable.sql];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`kind = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = ANY($${params.length}::text[])`);
  }
  const rows = await db.query<EntryRow>(
    `SELECT * FROM critical_goods WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows
    .map(fromRow)
    .sort(
      (a, b) => (shippedOrder.get(a.id) ?? 1e9) - (shippedOrder.get(b.id) ?? 1e9) || a.id.localeCompare(b.id),
    );
}

export async function findRegistryEntry(db: StateDb, id: string): Promise<RegistryEntryRecord | undefined> {
  await seedRegistry(db);
  const [row] = await db.query<EntryRow>('SELECT * FROM critical_goods WHERE id = $1', [id]);
  return row ? fromRow(row) : undefined;
}

export async function getRegistryEntry(db: StateDb, id: string): Promise<RegistryEntryRecord> {
  const entry = await findRegistryEntry(db, id);
  if (!entry) throw notFound(`no registry entry "${id}" (see chokepoint registry list)`, { field: 'id' });
  return entry;
}

export interface RegistryChange {
  /** add, update, adopt, retire, restore, reset. */
  action: string;
  reason?: string;
  /** Who (a user name, or 'cli'). */
  actor: string | null;
}

/**
 * Writes an entry (a new one for action 'add', else the existing one replaced) and its history snapshot; returns
 * the entry as stored. Run it inside the caller's transaction to keep the audit entry with it.
 */
export async function writeRegistryEntry(
  db: StateDb,
  definition: RegistryDefinition,
  marking: Marking,
  change: RegistryChange,
): Promise<RegistryEntryRecord> {
  const d = validateDefinition(definition);
  await seedRegistry(db);
  const reason = change.reason?.trim() ?? '';
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ version: number }>(
      'SELECT version FROM critical_goods WHERE id = $1 FOR UPDATE',
      [d.id],
    );
    if (change.action === 'add') {
      if (current)
        throw new ChokepointError('conflict', `registry entry "${d.id}" exists already`, { field: 'id' });
      await insertEntry(tx, d, marking, change.actor);
      await appendHistory(tx, d, 1, { action: 'add', reason, actor: change.actor }, marking);
    } else {
      if (!current)
        throw notFound(`no registry entry "${d.id}" (see chokepoint registry list)`, { field: 'id' });
      const version = Number(current.version) + 1;
      await tx.query(
        `UPDATE critical_goods SET kind = $2, status = $3, name_ja = $4, name_en = $5, designation = $6::jsonb, ministry = $7::jsonb,
           hs = $8::jsonb, patent_fields = $9::jsonb, domains = $10::jsonb, note = $11, marking = $12::jsonb, version = $13,
           updated_at = now(), updated_by = $14
         WHERE id = $1`,
        [...columnValues(d, marking), version, change.actor],
      );
      await appendHistory(tx, d, version, { action: change.action, reason, actor: change.actor }, marking);
    }
    await notifyStateChange(tx, 'critical_goods');
    const [row] = await tx.query<EntryRow>('SELECT * FROM critical_goods WHERE id = $1', [d.id]);
    return fromRow(row);
  });
}

/** The entry's snapshots the reader may read (every one without a reader), oldest first. */
export async function registryHistory(db: StateDb, id: string, reader?: Reader): Promise<RegistryHistoryRecord[]> {
  const readable = readableSql(reader, 'marking', 2);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM registry_history WHERE entry_id = $1 AND ${readable.sql} ORDER BY id`,
    [id, ...readable.params],
  );
  return rows.map((r) => {
    // Snapshots of migration 951 predate patent fields and domains.
    const snapshot = json(r.snapshot as RegistryDefinition);
    return {
      id: Number(r.id),
      entryId: String(r.entry_id),
      version: Number(r.version),
      action: String(r.action),
      snapshot: { ...snapshot, patentFields: snapshot.patentFields ?? [], domains: snapshot.domains ?? [] },
      reason: String(r.reason),
      actor: (r.actor as string | null) ?? null,
      at: iso(r.at as string | Date),
      marking: json(r.marking as Marking),
    };
  });
}
