import type { StateDb } from '../state/db.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { mayRead, recordObjectRead } from '../security/readContext.ts';
import { assertMembers, builtInGroups, expandReporter, type CountryGroup, type ExpandedReporter } from './groups.ts';

/** A group as stored: the definition plus who may see it and when it last changed. */
export interface StoredGroup extends CountryGroup {
  builtIn: boolean;
  marking: Marking;
  updatedAt: string;
  updatedBy?: string;
}

interface Row {
  id: string;
  name_en: string;
  name_ja: string;
  members: string[];
  example: boolean;
  built_in: boolean;
  as_of: string | null;
  source: string | null;
  note: string | null;
  marking: Marking;
  updated_at: string | Date;
  updated_by: string | null;
}

/** Ids of the built-in groups copied in so far (a group shipped later is added once; one the user deleted is not). */
const seededIdsKey = 'country_groups.seeded_ids';
/** Before the ids were kept, one flag said the first eight built-in groups had been copied. */
const seededFlagKey = 'country_groups.seeded';
const firstBuiltIns = ['EU27', 'G7', 'ASEAN', 'OECD', 'QUAD', 'FIVE_EYES', 'LIKE_MINDED', 'CONCERN'];
const groupIdPattern = /^[A-Z][A-Z0-9_]{0,31}$/;

function fromRow(r: Row): StoredGroup {
  return {
    id: r.id,
    en: r.name_en,
    ja: r.name_ja,
    members: r.members,
    example: r.example,
    asOf: r.as_of ?? undefined,
    source: r.source ?? undefined,
    note: r.note ?? undefined,
    builtIn: r.built_in,
    marking: r.marking,
    updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
    updatedBy: r.updated_by ?? undefined,
  };
}

/**
 * Copies each built-in group into the table once: all of them on a new installation, a group shipped by a later
 * version on the first read after it (settings keep the ids copied, so a group the user deleted does not come back).
 */
export async function seedGroups(db: StateDb): Promise<void> {
  const seededIds = async (q: StateDb): Promise<Set<string>> => {
    const rows = await q.query<{ key: string; value: unknown }>('SELECT key, value FROM settings WHERE key = ANY($1::text[])', [
      [seededIdsKey, seededFlagKey],
    ]);
    const ids = rows.find((r) => r.key === seededIdsKey)?.value;
    if (ids) return new Set(typeof ids === 'string' ? (JSON.parse(ids) as string[]) : (ids as string[]));
    return new Set(rows.length ? firstBuiltIns : []);
  };
  const done = await seededIds(db);
  if (builtInGroups.every((g) => done.has(g.id))) return;
  await db.transaction(async (tx) => {
    const seeded = await seededIds(tx);
    for (const g of builtInGroups) {
      if (seeded.has(g.id)) continue;
      await tx.query(
        `INSERT INTO country_groups (id, name_en, name_ja, members, example, built_in, as_of, source, note, marking)
         VALUES ($1, $2, $3, $4::jsonb, $5, true, $6, $7, $8, $9::jsonb) ON CONFLICT (id) DO NOTHING`,
        [
          g.id,
          g.en,
          g.ja,
          JSON.stringify(g.members),
          g.example,
          g.asOf ?? null,
          g.source ?? null,
          g.note ?? null,
          JSON.stringify(publicMarking),
        ],
      );
      seeded.add(g.id);
    }
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [seededIdsKey, JSON.stringify([...seeded].sort())],
    );
  });
}

/**
 * The groups the current reader may read (readContext.ts): to a reader, a group marked above their clearance does
 * not exist — a screen then uses no countries of concern rather than hidden ones. Outside a read context, all.
 */
export async function listGroups(db: StateDb): Promise<StoredGroup[]> {
  return (await listAllGroups(db)).filter((g) => mayRead(g.marking));
}

/** Every group, whoever reads (for writes, which must see what they would replace). */
export async function listAllGroups(db: StateDb): Promise<StoredGroup[]> {
  await seedGroups(db);
  return (await db.query<Row>('SELECT * FROM country_groups ORDER BY built_in DESC, example, id')).map(
    fromRow,
  );
}

export async function findGroup(db: StateDb, id: string): Promise<StoredGroup | undefined> {
  const group = await findAnyGroup(db, id);
  return group && mayRead(group.marking) ? group : undefined;
}

async function findAnyGroup(db: StateDb, id: string): Promise<StoredGroup | undefined> {
  await seedGroups(db);
  const rows = await db.query<Row>('SELECT * FROM country_groups WHERE id = $1', [id.trim().toUpperCase()]);
  return rows.length ? fromRow(rows[0]) : undefined;
}

/**
 * A reporter (country or stored group) with the id analyses key it by: the ISO3 of a country, the id of a group.
 * The group's marking joins the current work's.
 */
export async function resolveReporter(db: StateDb, text: string): Promise<ExpandedReporter & { id: string }> {
  const expanded = expandReporter(text, await listGroups(db));
  if (expanded.group) recordGroupsUsed([expanded.group]);
  return { ...expanded, id: expanded.isGroup ? expanded.group!.id : expanded.members[0] };
}

/** Records that the current work used these groups' members (their markings join the result's). */
export function recordGroupsUsed(groups: readonly (CountryGroup & { marking?: Marking })[]): void {
  for (const g of groups) if (g.marking) recordObjectRead('group', g.id, g.marking);
}

export interface GroupInput {
  id: string;
  en?: string;
  ja?: string;
  members: string[];
  note?: string;
  marking?: Marking;
  /** Where the membership is defined (a treaty, a ministry's page) and the date it describes (YYYY-MM-DD). */
  source?: string;
  asOf?: string;
}

/**
 * Creates or replaces a group. Members are checked against the countries table (names and codes are turned
 * into ISO3). A built-in group stays flagged built-in but is no longer an "example" once a user has set it.
 * Its source and date are kept unless new ones are given.
 */
export async function setGroup(db: StateDb, input: GroupInput, updatedBy?: string): Promise<StoredGroup> {
  const id = input.id.trim().toUpperCase();
  if (!groupIdPattern.test(id)) {
    throw new ChokepointError(
      'bad_input',
      `group id "${input.id}" must be 1–32 characters A–Z, 0–9 or _, starting with a letter`,
      { field: 'id' },
    );
  }
  if (input.members.length === 0)
    throw new ChokepointError('bad_input', 'a group needs at least one member', { field: 'members' });
  const members = assertMembers(input.members);
  const existing = await findAnyGroup(db, id);
  if (existing && !mayRead(existing.marking)) {
    // An update needs read access to what it replaces; a hidden group answers like a missing one elsewhere.
    throw new ChokepointError('not_found', `group "${id}" not found`, { field: 'id' });
  }
  const en = input.en ?? existing?.en ?? id;
  const ja = input.ja ?? existing?.ja ?? id;
  const marking = input.marking ?? existing?.marking ?? publicMarking;
  const note = input.note ?? existing?.note ?? null;
  if (input.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf)) {
    throw new ChokepointError('bad_input', `as-of date "${input.asOf}" must be YYYY-MM-DD`, { field: 'asOf' });
  }
  const source = input.source?.trim() || existing?.source || null;
  const asOf = input.asOf ?? existing?.asOf ?? null;
  await db.query(
    `INSERT INTO country_groups (id, name_en, name_ja, members, example, built_in, as_of, source, note, marking, updated_at, updated_by)
     VALUES ($1, $2, $3, $4::jsonb, false, false, $8, $9, $5, $6::jsonb, now(), $7)
     ON CONFLICT (id) DO UPDATE SET name_en = $2, name_ja = $3, members = $4::jsonb, example = false,
       note = $5, marking = $6::jsonb, updated_at = now(), updated_by = $7, as_of = $8, source = $9`,
    [id, en, ja, JSON.stringify(members), note, JSON.stringify(marking), updatedBy ?? null, asOf, source],
  );
  return (await findGroup(db, id))!;
}
