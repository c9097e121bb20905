import type { StateDb } from '../state/db.ts';
import { notifyStateChange } from '../state/stateChanges.ts';
import { criticalGoodsDefaults, type CriticalGood, type CriticalHsCode, type HsMatch } from './criticalGoods.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';

/**
 * The editable critical goods registry in application state (table critical_goods, migration 400). It is
 * seeded from the defaults in reference/criticalGoods.ts the first time it is read; edits are kept with who
 * made them and when. Screens filter to the union of its HS6 codes (`--critical`).
 */
export interface RegisteredCriticalGood extends CriticalGood {
  marking: Marking;
  updatedAt: string;
  updatedBy: string | null;
  /** True when the HS mapping differs from the shipped default (or the good is not a default one). */
  edited: boolean;
}

interface GoodRow {
  id: string;
  name_ja: string;
  name_en: string;
  designation: CriticalGood['designation'] | string;
  ministry: CriticalGood['ministry'] | string;
  hs: CriticalHsCode[] | string;
  note: string;
  marking: Marking | string;
  updated_at: string | Date;
  updated_by: string | null;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function fromRow(row: GoodRow): RegisteredCriticalGood {
  // jsonb does not keep key order; rebuild each code in a fixed order.
  const hs = json(row.hs).map((c) => ({ hs6: c.hs6, match: c.match, note: c.note }));
  const standard = criticalGoodsDefaults.find((g) => g.id === row.id);
  return {
    id: row.id,
    ja: row.name_ja,
    en: row.name_en,
    designation: json(row.designation),
    ministry: json(row.ministry),
    hs,
    note: row.note,
    marking: json(row.marking),
    updatedAt: row.updated_at instanceof Date ? row.updated_at.toISOString() : String(row.updated_at),
    updatedBy: row.updated_by,
    edited: !standard || JSON.stringify(standard.hs) !== JSON.stringify(hs),
  };
}

async function insertGood(db: StateDb, good: CriticalGood, user: string | null): Promise<void> {
  await db.query(
    `INSERT INTO critical_goods (id, name_ja, name_en, designation, ministry, hs, note, updated_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [good.id, good.ja, good.en, JSON.stringify(good.designation), JSON.stringify(good.ministry), JSON.stringify(good.hs), good.note, user],
  );
  await notifyStateChange(db, 'critical_goods');
}

/** Copies the defaults in, once per installation. */
export async function seedCriticalGoods(db: StateDb): Promise<void> {
  const seeded = await db.query('SELECT 1 FROM critical_goods_seed LIMIT 1');
  if (seeded.length) return;
  await db.transaction(async (tx) => {
    const again = await tx.query('SELECT 1 FROM critical_goods_seed LIMIT 1');
    if (again.length) return;
    for (const good of criticalGoodsDefaults) await insertGood(tx, good, null);
    await tx.query('INSERT INTO critical_goods_seed DEFAULT VALUES');
  });
}

export async function listCriticalGoods(db: StateDb): Promise<RegisteredCriticalGood[]> {
  await seedCriticalGoods(db);
  const rows = await db.query<GoodRow>('SELECT * FROM critical_goods');
  const order = new Map(criticalGoodsDefaults.map((g, n) => [g.id, n]));
  return rows.map(fromRow).sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99) || a.id.localeCompare(b.id));
}

export async function getCriticalGood(db: StateDb, id: string): Promise<RegisteredCriticalGood> {
  const good = (await listCriticalGoods(db)).find((g) => g.id === id);
  if (!good) {
    const ids = (await listCriticalGoods(db)).map((g) => g.id);
    throw notFound(`no critical good "${id}" (known: ${ids.join(', ')})`, { field: 'id' });
  }
  return good;
}

/** The HS6 codes of all registered goods (or of some), each with the goods it belongs to. */
export async function criticalHsCodes(db: StateDb, ids?: string[]): Promise<Map<string, string[]>> {
  const goods = await listCriticalGoods(db);
  if (ids) for (const id of ids) if (!goods.some((g) => g.id === id)) await getCriticalGood(db, id);
  const out = new Map<string, string[]>();
  for (const good of goods) {
    if (ids && !ids.includes(good.id)) continue;
    for (const code of good.hs) out.set(code.hs6, [...(out.get(code.hs6) ?? []), good.id]);
  }
  return out;
}

const matches: HsMatch[] = ['exact', 'approximate', 'input'];

export function validateHsCodes(codes: CriticalHsCode[]): CriticalHsCode[] {
  const seen = new Set<string>();
  return codes.map((c, n) => {
    const hs6 = String(c.hs6 ?? '').trim();
    if (!/^\d{6}$/.test(hs6)) {
      throw new ChokepointError('unknown_code', `HS code "${c.hs6}" is not six digits`, { field: `hs[${n}].hs6` });
    }
    if (seen.has(hs6)) throw new ChokepointError('bad_input', `HS code ${hs6} is listed twice`, { field: `hs[${n}].hs6` });
    seen.add(hs6);
    const match = c.match ?? 'approximate';
    if (!matches.includes(match)) {
      throw new ChokepointError('bad_input', `match "${match}" must be one of ${matches.join(', ')}`, { field: `hs[${n}].match` });
    }
    return { hs6, match, note: String(c.note ?? '') };
  });
}

/** Replaces a good's HS mapping (and optionally its note); returns the updated good. */
export async function updateCriticalGood(
  db: StateDb,
  id: string,
  change: { hs?: CriticalHsCode[]; note?: string; ja?: string; en?: string },
  user: string | null,
): Promise<RegisteredCriticalGood> {
  const current = await getCriticalGood(db, id);
  const hs = change.hs ? validateHsCodes(change.hs) : current.hs;
  await db.query(
    `UPDATE critical_goods SET hs = $2::jsonb, note = $3, name_ja = $4, name_en = $5, updated_at = now(), updated_by = $6 WHERE id = $1`,
    [id, JSON.stringify(hs), change.note ?? current.note, change.ja ?? current.ja, change.en ?? current.en, user],
  );
  await notifyStateChange(db, 'critical_goods');
  return getCriticalGood(db, id);
}

/** Adds a good that is not among the defaults (e.g. one designated later). */
export async function addCriticalGood(db: StateDb, good: CriticalGood, user: string | null): Promise<RegisteredCriticalGood> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(good.id)) {
    throw new ChokepointError('bad_input', `critical good id "${good.id}" must be lower-case letters, digits and '-'`, { field: 'id' });
  }
  if (!good.ja?.trim() || !good.en?.trim()) {
    throw new ChokepointError('bad_input', 'a critical good needs a Japanese and an English name', { field: good.ja?.trim() ? 'en' : 'ja' });
  }
  await seedCriticalGoods(db);
  const exists = await db.query('SELECT 1 FROM critical_goods WHERE id = $1', [good.id]);
  if (exists.length) throw new ChokepointError('conflict', `critical good "${good.id}" exists already`, { field: 'id' });
  await insertGood(db, { ...good, hs: validateHsCodes(good.hs) }, user);
  return getCriticalGood(db, good.id);
}

/** Puts a default good back as shipped (HS mapping, names, note). */
export async function resetCriticalGood(db: StateDb, id: string, user: string | null): Promise<RegisteredCriticalGood> {
  const standard = criticalGoodsDefaults.find((g) => g.id === id);
  if (!standard) throw notFound(`"${id}" is not one of the default critical goods`, { field: 'id' });
  await seedCriticalGoods(db);
  await db.query('DELETE FROM critical_goods WHERE id = $1', [id]);
  await insertGood(db, standard, user);
  return getCriticalGood(db, id);
}
