import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { ChokepointError } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import type { CriticalHsCode } from '../reference/criticalGoods.ts';
import type { PatentFieldRef } from '../reference/technologies.ts';
import type { DomainId } from '../reference/domains.ts';
import {
  registryDefault,
  type RegistryDefinition,
  type RegistryKind,
  type RegistryStatus,
} from '../reference/registryDefaults.ts';
import {
  getRegistryEntry,
  writeRegistryEntry,
  type RegistryEntryRecord,
} from '../reference/registryStore.ts';
import { syncCriticalGoodsLists, type ListSync } from '../ews/criticalGoodsList.ts';

/**
 * Editable identification (issue 25): adding, changing, adopting, retiring and resetting registry entries from the
 * CLI and the API. Each change, in one transaction: the entry and its history snapshot (registryStore.ts), an
 * entry in the hash-chained audit log, and the early-warning critical-goods lists brought in line
 * (criticalGoodsList.ts). The screen's critical filter, the zones, the dossier and the risk register read the
 * registry directly, so they follow at once.
 */
export interface Actor {
  id: string | null;
  name: string;
}

export interface EntryInput {
  id: string;
  kind: RegistryKind;
  ja: string;
  en: string;
  designation?: { ja: string; en: string };
  ministry?: { ja: string; en: string };
  hs?: CriticalHsCode[];
  patentFields?: PatentFieldRef[];
  domains?: DomainId[];
  note?: string;
  /** A new entry is in force ('active') unless proposed. */
  status?: Exclude<RegistryStatus, 'retired'>;
}

export type EntryChange = Partial<Omit<EntryInput, 'id' | 'status'>>;

export interface RegistryWrite {
  entry: RegistryEntryRecord;
  /** What the early-warning lists gained and lost. */
  ews: ListSync[];
}

const userDesignation = { ja: '分析者が追加', en: 'added by an analyst' };

async function write(
  db: StateDb,
  definition: RegistryDefinition,
  marking: Marking,
  action: string,
  actor: Actor,
  reason: string | undefined,
  details: Record<string, unknown> = {},
): Promise<RegistryWrite> {
  return db.transaction(async (tx) => {
    const entry = await writeRegistryEntry(tx, definition, marking, { action, reason, actor: actor.name });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: `registry.${action}`,
      objectType: 'registry-entry',
      objectId: entry.id,
      marking: entry.marking,
      details: {
        version: entry.version,
        status: entry.status,
        hs: entry.hs.map((c) => c.hs6),
        ...(reason ? { reason } : {}),
        ...details,
      },
    });
    const ews = await syncCriticalGoodsLists(tx, new Date());
    return { entry, ews };
  });
}

/** Adds a good or technology (in force unless `status: 'proposed'`). */
export async function addEntry(
  db: StateDb,
  input: EntryInput,
  actor: Actor,
  options: { marking?: Marking; reason?: string } = {},
): Promise<RegistryWrite> {
  const definition: RegistryDefinition = {
    id: input.id,
    kind: input.kind,
    ja: input.ja,
    en: input.en,
    designation: input.designation ?? userDesignation,
    ministry: input.ministry ?? { ja: '', en: '' },
    hs: input.hs ?? [],
    patentFields: input.patentFields ?? [],
    domains: input.domains ?? [],
    note: input.note ?? '',
    status: input.status ?? 'active',
  };
  return write(db, definition, options.marking ?? publicMarking, 'add', actor, options.reason);
}

/** Changes an entry's fields (those given); a marking given replaces the entry's. */
export async function changeEntry(
  db: StateDb,
  id: string,
  change: EntryChange,
  actor: Actor,
  options: { marking?: Marking; reason?: string } = {},
): Promise<RegistryWrite> {
  const current = await getRegistryEntry(db, id);
  const next: RegistryDefinition = {
    ...current,
    ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
  };
  const changed = Object.keys(change).filter((k) => change[k as keyof EntryChange] !== undefined);
  return write(db, next, options.marking ?? current.marking, 'update', actor, options.reason, { changed });
}

const transitions: Record<RegistryStatus, Partial<Record<RegistryStatus, string>>> = {
  proposed: { active: 'adopt', retired: 'retire' },
  active: { retired: 'retire', proposed: 'propose' },
  retired: { active: 'restore', proposed: 'restore' },
};

/**
 * Moves an entry between proposed, in force and retired (adopt, retire, restore). Retiring needs a reason; the
 * entry stays in the registry with its history, out of the screen filter, the zones and the early-warning lists.
 */
export async function setEntryStatus(
  db: StateDb,
  id: string,
  status: RegistryStatus,
  actor: Actor,
  reason: string,
): Promise<RegistryWrite> {
  const current = await getRegistryEntry(db, id);
  if (current.status === status) {
    throw new ChokepointError('conflict', `registry entry "${id}" is already ${status}`, { field: 'status' });
  }
  const action = transitions[current.status][status];
  if (!action)
    throw new ChokepointError('bad_input', `status "${status}" must be active, proposed or retired`, {
      field: 'status',
    });
  if (status === 'retired' && reason.trim().length < 5) {
    throw new ChokepointError('bad_input', 'retiring an entry needs a reason (at least 5 characters)', {
      field: 'reason',
    });
  }
  return write(db, { ...current, status }, current.marking, action, actor, reason, { from: current.status });
}

/** Puts a shipped entry back as shipped (its marking is kept). */
export async function resetEntry(
  db: StateDb,
  id: string,
  actor: Actor,
  reason?: string,
): Promise<RegistryWrite> {
  const shipped = registryDefault(id);
  if (!shipped)
    throw new ChokepointError('not_found', `"${id}" is not a shipped registry entry`, { field: 'id' });
  const current = await getRegistryEntry(db, id);
  return write(db, shipped, current.marking, 'reset', actor, reason);
}
