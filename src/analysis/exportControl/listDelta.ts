/**
 * A screening-list entry as every list importer writes it, and the difference between two versions of a list.
 * Entries are identified by `id`, stable across versions: the publisher's identifier where the list has one
 * (MOFCOM, FollowTheMoney, a user's CSV), otherwise derived from the country and the compact name (METI lists,
 * whose row numbers change with every revision), so a renamed entry shows as one removed and one added.
 */
export interface ListEntry {
  id: string;
  /** The entry's name first, then its aliases. */
  names: string[];
  /** ISO 3166 alpha-3 codes. */
  countries: string[];
  identifiers: string[];
  /** End User List concern codes (B, C, M, N, CW) or the list's own categories. */
  concerns: string[];
  /** A sub-list (e.g. russia / belarus / third_country; MOFCOM's unreliable-entity list). */
  programme?: string;
  address?: string;
  /** The list's own remarks (reason for listing, date added …). */
  notes?: string;
  /** Where in the source file the entry was read (1-based row or line). */
  sourceRow: number;
}

export interface ChangedEntry {
  before: ListEntry;
  after: ListEntry;
  /** Which fields differ: names, countries, identifiers, concerns, programme, address, notes. */
  fields: string[];
}

export interface ListDelta {
  added: ListEntry[];
  removed: ListEntry[];
  changed: ChangedEntry[];
  unchanged: number;
}

const comparedFields = [
  'names',
  'countries',
  'identifiers',
  'concerns',
  'programme',
  'address',
  'notes',
] as const;

/**
 * What identifies an entry's content (everything but the source row): two versions of an entry with the same
 * fingerprint are the same; a decision taken on an entry holds while its fingerprint does.
 */
export function entryFingerprint(entry: ListEntry): string {
  return JSON.stringify(comparedFields.map((f) => entry[f] ?? null));
}

/** The compact form of a name used in derived ids: NFKC, lower case, leading bullets gone, letters and digits only. */
export function compactName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\s・･•*]+/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Added, removed and changed entries from `before` to `after`, each in the order of its version. */
export function listDelta(before: readonly ListEntry[], after: readonly ListEntry[]): ListDelta {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Set(after.map((e) => e.id));
  const delta: ListDelta = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const entry of after) {
    const prior = old.get(entry.id);
    if (!prior) {
      delta.added.push(entry);
      continue;
    }
    const fields = comparedFields.filter(
      (f) => JSON.stringify(prior[f] ?? null) !== JSON.stringify(entry[f] ?? null),
    );
    if (fields.length) delta.changed.push({ before: prior, after: entry, fields: [...fields] });
    else delta.unchanged++;
  }
  for (const entry of before) if (!now.has(entry.id)) delta.removed.push(entry);
  return delta;
}
