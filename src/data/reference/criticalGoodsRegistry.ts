import type { StateDb } from '../state/db.ts';
import { criticalGoodsDefaults, type CriticalGood, type CriticalHsCode } from './criticalGoods.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { publicMarking } from '../../analysis/marking.ts';
import { mayRead, recordObjectRead } from '../security/readContext.ts';
import { registryDefault } from './registryDefaults.ts';
import {
  findRegistryEntry,
  listRegistry,
  seedRegistry,
  writeRegistryEntry,
  type RegistryEntryRecord,
} from './registryStore.ts';

/**
 * The critical goods of the registry (registryStore.ts) as the screen, the product dossier and /api/critical-goods
 * see them: the goods in force ('active'). Screens filter to the union of the HS6 codes of every entry in force,
 * goods and technologies alike (`--critical`). Edits here keep the registry's history; the auditing service is
 * src/data/identification/registryService.ts.
 */
export type RegisteredCriticalGood = RegistryEntryRecord;

/** Copies the shipped entries in (the screen route seeds at start so that its first read changes no state version). */
export const seedCriticalGoods = seedRegistry;

export async function listCriticalGoods(db: StateDb): Promise<RegisteredCriticalGood[]> {
  return listRegistry(db, { kind: 'good', status: ['active'] });
}

export async function getCriticalGood(db: StateDb, id: string): Promise<RegisteredCriticalGood> {
  const goods = await listCriticalGoods(db);
  const good = goods.find((g) => g.id === id);
  if (!good)
    throw notFound(`no critical good "${id}" (known: ${goods.map((g) => g.id).join(', ')})`, { field: 'id' });
  return good;
}

/**
 * The HS6 codes of the entries in force (or of some of them), each with the entries it belongs to. Entries the
 * current reader may not read are left out; the marked ones used are recorded as read (their marking joins the
 * result's).
 */
export async function criticalHsCodes(db: StateDb, ids?: string[]): Promise<Map<string, string[]>> {
  const entries = (await listRegistry(db, { status: ['active'] })).filter((e) => mayRead(e.marking));
  if (ids) {
    const unknown = ids.filter((id) => !entries.some((e) => e.id === id));
    if (unknown.length) {
      throw notFound(
        `no critical good or technology in force "${unknown.join(', ')}" (known: ${entries.map((e) => e.id).join(', ')})`,
        {
          field: 'id',
        },
      );
    }
  }
  const out = new Map<string, string[]>();
  for (const entry of entries) {
    if (ids && !ids.includes(entry.id)) continue;
    if (entry.hs.length) recordObjectRead('registry-entry', entry.id, entry.marking);
    for (const code of entry.hs) out.set(code.hs6, [...(out.get(code.hs6) ?? []), entry.id]);
  }
  return out;
}

/** Replaces a good's HS mapping (and optionally its note and names); returns the updated good. */
export async function updateCriticalGood(
  db: StateDb,
  id: string,
  change: { hs?: CriticalHsCode[]; note?: string; ja?: string; en?: string },
  user: string | null,
): Promise<RegisteredCriticalGood> {
  const current = await getCriticalGood(db, id);
  return writeRegistryEntry(
    db,
    {
      ...current,
      hs: change.hs ?? current.hs,
      note: change.note ?? current.note,
      ja: change.ja ?? current.ja,
      en: change.en ?? current.en,
    },
    current.marking,
    { action: 'update', actor: user },
  );
}

/** Adds a good that is not among the defaults (e.g. one designated later), in force at once. */
export async function addCriticalGood(
  db: StateDb,
  good: CriticalGood,
  user: string | null,
): Promise<RegisteredCriticalGood> {
  if (await findRegistryEntry(db, good.id)) {
    throw new ChokepointError('conflict', `critical good "${good.id}" exists already`, { field: 'id' });
  }
  return writeRegistryEntry(
    db,
    { ...good, kind: 'good', patentFields: [], domains: [], status: 'active' },
    publicMarking,
    { action: 'add', actor: user },
  );
}

/** Puts a shipped entry back as shipped (HS mapping, names, note, fields, domains, status). */
export async function resetCriticalGood(
  db: StateDb,
  id: string,
  user: string | null,
): Promise<RegisteredCriticalGood> {
  const standard = registryDefault(id);
  if (!standard || !criticalGoodsDefaults.some((g) => g.id === id)) {
    throw notFound(`"${id}" is not one of the default critical goods`, { field: 'id' });
  }
  const current = await findRegistryEntry(db, id);
  return writeRegistryEntry(db, standard, current?.marking ?? publicMarking, {
    action: 'reset',
    actor: user,
  });
}
