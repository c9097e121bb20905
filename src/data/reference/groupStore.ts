import type { StateDb } from '../state/db.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { mayRead, recordObjectRead } from '../security/readContext.ts';
import { assertMembers, builtInGroups, type CountryGroup } from './groups.ts';

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

const seededKey = 'country_groups.seeded';
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
 * Copies the built-in groups into the table the first time (a settings flag records it, so a group the user
 * deleted does not come back).
 */
export async function seedGroups(db: StateDb): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx.query('SELECT 1 FROM settings WHERE key = $1', [seededKey]);
    if (done.length) return;
    for (const g of builtInGroups) {
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
    }
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`,
      [seededKey],
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
}

/**
 * Creates or replaces a group. Members are checked against the countries table (names and codes are turned
 * into ISO3). A built-in group stays flagged built-in but is no longer an "example" once a user has set it.
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
  await db.query(
    `INSERT INTO country_groups (id, name_en, name_ja, members, example, built_in, as_of, source, note, marking, updated_at, updated_by)
     VALUES ($1, $2, $3, $4::jsonb, false, false, NULL, NULL, $5, $6::jsonb, now(), $7)
     ON CONFLICT (id) DO UPDATE SET name_en = $2, name_ja = $3, members = $4::jsonb, example = false,
       note = $5, marking = $6::jsonb, updated_at = now(), updated_by = $7`,
    [id, en, ja, JSON.stringify(members), note, JSON.stringify(marking), updatedBy ?? null],
  );
  return (await findGroup(db, id))!;
}
