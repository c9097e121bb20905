import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { assertDatasetId, type Catalog, type CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { recordDatasetRead } from '../security/readContext.ts';
import { listDelta, type ListDelta, type ListEntry } from '../../analysis/exportControl/listDelta.ts';
import type { ListRole } from '../../analysis/exportControl/transactionCheck.ts';
import { formatOf, knownList, parseListFile, type ListFormat } from './screeningLists.ts';

/**
 * Screening lists as versioned datasets. List `<id>` is the dataset `list-<id>` in the catalog; each import of a
 * changed file is a new version whose store folder holds
 *   entries.json          the normalised entries (ListEntry[])
 *   delta.json            added, removed and changed entries against the previous version (null for the first)
 *   history/<key>/…       the entries and delta of every earlier version, hard links to the files as first written
 *                         (never changed once written), so the catalog's one-folder-per-dataset rule keeps them
 * and the catalog entry's extra.screeningList lists the versions. The file is parsed completely before anything is
 * written: a malformed file is an error naming file and row, and the current version stays in place. Importing the
 * same bytes again changes nothing.
 */
export interface ListVersion {
  key: string;
  version: string;
  importedAt: string;
  file: string;
  sha256: string;
  format: ListFormat;
  entries: number;
  added: number;
  removed: number;
  changed: number;
}

export interface ScreeningListMeta {
  list: string;
  role: ListRole;
  title: { ja: string; en: string };
  versions: ListVersion[];
}

export const listDatasetId = (list: string) => `list-${list}`;

export function listMeta(entry: CatalogEntry): ScreeningListMeta | undefined {
  return (entry.extra as { screeningList?: ScreeningListMeta } | undefined)?.screeningList;
}

/** The screening lists present in the data directory, with their versions. */
export function presentLists(catalog: Catalog): ScreeningListMeta[] {
  return catalog
    .list()
    .map(listMeta)
    .filter((m): m is ScreeningListMeta => m !== undefined)
    .sort((a, b) => a.list.localeCompare(b.list));
}

function listEntryOf(catalog: Catalog, list: string): CatalogEntry {
  const entry = catalog.find(listDatasetId(list));
  if (!entry || !listMeta(entry)) {
    const present = presentLists(catalog).map((m) => m.list);
    throw new ChokepointError(
      'not_found',
      `no screening list "${list}" (present: ${present.join(', ') || 'none; import one with chokepoint lists import FILE --list ID or fetch meti-end-user-list'})`,
      { field: 'list' },
    );
  }
  return entry;
}

export interface ImportListOptions {
  catalog: Catalog;
  dataDir: DataDir;
  file: string;
  list: string;
  format?: string;
  /** Version label; default: a YYYY-MM-DD date in the file name, else the import date. */
  version?: string;
  /** For lists chokepoint does not know: what a hit means (default 'user'). */
  role?: ListRole;
  title?: string;
  source?: CatalogEntry['source'];
  retrievedAt?: string;
}

export interface ImportListResult {
  entry: CatalogEntry;
  version: ListVersion;
  /** null for the first version, or when the same file was imported again (unchanged). */
  delta: ListDelta | null;
  unchanged: boolean;
  skipped: { what: string; count: number }[];
}

const roles: ListRole[] = ['end-user-list', 'export-ban', 'sanctions', 'foreign-control', 'user'];

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Hard-links a file (the store never changes a written file); copies when the file system cannot link. */
function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

export async function importList(options: ImportListOptions): Promise<ImportListResult> {
  const { catalog, dataDir, list } = options;
  assertDatasetId(listDatasetId(list));
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  if (options.role && !roles.includes(options.role))
    throw new ChokepointError('bad_input', `role must be one of ${roles.join(', ')}`, { field: 'role' });
  const format = formatOf(list, file, options.format);
  const parsed = await parseListFile(file, format);
  if (parsed.entries.length === 0)
    throw new ChokepointError('no_data', 'the file holds no list entries', { file });

  const digest = sha256(file);
  const key = digest.slice(0, 16);
  const previous = catalog.find(listDatasetId(list));
  const previousMeta = previous ? listMeta(previous) : undefined;
  if (previous && !previousMeta)
    throw new ChokepointError('conflict', `dataset ${previous.id} exists and is not a screening list`, {
      field: 'list',
    });
  const known = previousMeta?.versions.find((v) => v.key === key);
  if (previous && previousMeta && known) {
    return { entry: previous, version: known, delta: null, unchanged: true, skipped: parsed.skipped };
  }

  const before = previous ? readEntriesAt(dataDir, previous.path) : null;
  const delta = before ? listDelta(before, parsed.entries) : null;
  const info = knownList(list);
  const now = new Date().toISOString();
  const version: ListVersion = {
    key,
    version: options.version ?? /\d{4}-\d{2}-\d{2}/.exec(path.basename(file))?.[0] ?? now.slice(0, 10),
    importedAt: now,
    file: path.basename(file),
    sha256: digest,
    format,
    entries: parsed.entries.length,
    added: delta?.added.length ?? parsed.entries.length,
    removed: delta?.removed.length ?? 0,
    changed: delta?.changed.length ?? 0,
  };
  const meta: ScreeningListMeta = {
    list,
    role: options.role ?? previousMeta?.role ?? info?.role ?? 'user',
    title: info?.title ?? previousMeta?.title ?? { ja: options.title ?? list, en: options.title ?? list },
    versions: [...(previousMeta?.versions ?? []), version],
  };
  const scratch = dataDir.scratch(`list-${list}`);
  try {
    fs.writeFileSync(path.join(scratch, 'entries.json'), JSON.stringify(parsed.entries));
    fs.writeFileSync(path.join(scratch, 'delta.json'), JSON.stringify(delta));
    if (previous && previousMeta) {
      const from = dataDir.absolute(previous.path);
      for (const v of previousMeta.versions) {
        const dir = v.key === previousMeta.versions.at(-1)!.key ? from : path.join(from, 'history', v.key);
        for (const name of ['entries.json', 'delta.json'])
          linkOrCopy(path.join(dir, name), path.join(scratch, 'history', v.key, name));
      }
    }
    const entry = catalog.publish(
      {
        id: listDatasetId(list),
        kind: 'other',
        title: meta.title.en,
        publisher: info?.publisher ?? previous?.publisher ?? 'user',
        url: info?.url,
        version: version.version,
        licence: info?.licence ?? previous?.licence,
        source: options.source ?? 'import',
        retrievedAt: options.retrievedAt ?? now,
        importedAt: now,
        synthetic: false,
        files: [{ name: version.file, sha256: digest, bytes: fs.statSync(file).size }],
        rows: parsed.entries.length,
        rejectedRows: 0,
        notes: parsed.skipped.length
          ? `not screened: ${parsed.skipped.map((s) => `${s.count} ${s.what}`).join(', ')}`
          : undefined,
        extra: { screeningList: meta, titleJa: meta.title.ja },
      },
      scratch,
      key,
    );
    return { entry, version, delta, unchanged: false, skipped: parsed.skipped };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

function readEntriesAt(dataDir: DataDir, relative: string, key?: string): ListEntry[] {
  const dir = dataDir.absolute(relative);
  const file = key ? path.join(dir, 'history', key, 'entries.json') : path.join(dir, 'entries.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ListEntry[];
}

function versionOf(meta: ScreeningListMeta, wanted: string): ListVersion {
  const v = meta.versions.find((x) => x.key === wanted || x.version === wanted);
  if (!v)
    throw new ChokepointError(
      'not_found',
      `list ${meta.list} has no version "${wanted}" (versions: ${meta.versions.map((x) => x.version).join(', ')})`,
      { field: 'version' },
    );
  return v;
}

export function listVersions(catalog: Catalog, list: string): ScreeningListMeta {
  const entry = listEntryOf(catalog, list);
  recordDatasetRead(entry.id);
  return listMeta(entry)!;
}

/** The entries of a list's current version, or of an earlier one (by version label or key). */
export function readListEntries(
  catalog: Catalog,
  list: string,
  version?: string,
): { entries: ListEntry[]; version: ListVersion } {
  const entry = listEntryOf(catalog, list);
  recordDatasetRead(entry.id);
  const meta = listMeta(entry)!;
  const current = meta.versions.at(-1)!;
  const v = version ? versionOf(meta, version) : current;
  const entries = readEntriesAt(catalog.dataDir, entry.path, v.key === current.key ? undefined : v.key);
  return { entries, version: v };
}

/**
 * The delta between two versions of a list (default: the previous and the current one): the stored delta for
 * consecutive versions, computed for any other pair.
 */
export function readListDelta(
  catalog: Catalog,
  list: string,
  options: { from?: string; to?: string } = {},
): { from: ListVersion | null; to: ListVersion; delta: ListDelta | null } {
  const entry = listEntryOf(catalog, list);
  recordDatasetRead(entry.id);
  const meta = listMeta(entry)!;
  const to = options.to ? versionOf(meta, options.to) : meta.versions.at(-1)!;
  const toIndex = meta.versions.indexOf(to);
  const from = options.from ? versionOf(meta, options.from) : (meta.versions[toIndex - 1] ?? null);
  if (!from) return { from: null, to, delta: null };
  const current = meta.versions.at(-1)!;
  const dirOf = (v: ListVersion) =>
    v.key === current.key
      ? catalog.dataDir.absolute(entry.path)
      : path.join(catalog.dataDir.absolute(entry.path), 'history', v.key);
  if (meta.versions.indexOf(from) === toIndex - 1) {
    const delta = JSON.parse(fs.readFileSync(path.join(dirOf(to), 'delta.json'), 'utf8')) as ListDelta | null;
    return { from, to, delta };
  }
  const read = (v: ListVersion) =>
    JSON.parse(fs.readFileSync(path.join(dirOf(v), 'entries.json'), 'utf8')) as ListEntry[];
  return { from, to, delta: listDelta(read(from), read(to)) };
}
