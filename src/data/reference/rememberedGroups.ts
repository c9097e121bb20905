import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, type DataDir } from '../catalog/dataDir.ts';
import { embeddedStateFingerprint } from '../state/embeddedStateFingerprint.ts';
import { builtInGroups, type CountryGroup } from './groups.ts';

/**
 * The partner groups a screen classifies suppliers by (countries of concern, like-minded countries), as this data
 * directory last read them from the state database, kept in cache/partner-groups.json. Two uses:
 * - a guess to start a screen with while the database opens; the screen checks it against the stored groups
 *   before it writes anything (screenAllToFile), so a stale or deleted copy only costs time;
 * - with the embedded database, the stored groups themselves, when the database's files are exactly as they were
 *   when it was last closed after reading them (embeddedStateFingerprint): then nothing can have changed them.
 */
const partnerGroupIds = ['CONCERN', 'LIKE_MINDED'];

interface Remembered {
  groups: CountryGroup[];
  /** The embedded database's fingerprint after it was closed, the groups read from it unchanged. */
  stateFingerprint?: string;
}

function fileOf(dataDir: DataDir): string {
  return path.join(dataDir.cacheDir, 'partner-groups.json');
}

function partnerGroups(groups: readonly CountryGroup[]): CountryGroup[] {
  return groups
    .filter((g) => partnerGroupIds.includes(g.id))
    .map(({ id, en, ja, members, example }) => ({ id, en, ja, members, example }));
}

function isGroup(value: unknown): value is CountryGroup {
  const g = value as CountryGroup;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.id === 'string' &&
    typeof g.en === 'string' &&
    typeof g.ja === 'string' &&
    Array.isArray(g.members) &&
    g.members.every((m) => typeof m === 'string')
  );
}

function read(dataDir: DataDir): Remembered | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as Partial<Remembered>;
    if (!Array.isArray(parsed.groups) || !parsed.groups.every(isGroup)) return undefined;
    const fingerprint = typeof parsed.stateFingerprint === 'string' ? parsed.stateFingerprint : undefined;
    return { groups: parsed.groups, stateFingerprint: fingerprint };
  } catch {
    return undefined; // no copy yet, or an unreadable one
  }
}

function write(dataDir: DataDir, remembered: Remembered): void {
  const text = JSON.stringify(remembered, null, 2);
  let current: string | undefined;
  try {
    current = fs.readFileSync(fileOf(dataDir), 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileAtomic(fileOf(dataDir), text);
}

/** The groups last remembered here, or the built-in ones when there are none (or the copy is unreadable). */
export function readRememberedGroups(dataDir: DataDir): readonly CountryGroup[] {
  return read(dataDir)?.groups ?? partnerGroups(builtInGroups);
}

/**
 * The stored partner groups, known without opening the embedded database: the remembered copy when the
 * database's files are exactly as they were after the groups were read and the database closed. Undefined
 * otherwise (never for a PostgreSQL server: other processes write to it).
 */
export function storedGroupsIfUnchanged(dataDir: DataDir): readonly CountryGroup[] | undefined {
  const remembered = read(dataDir);
  if (!remembered?.stateFingerprint) return undefined;
  return remembered.stateFingerprint === embeddedStateFingerprint(dataDir.stateDir)
    ? remembered.groups
    : undefined;
}

/** Keeps a copy of the stored partner groups for the next screen (written only when it changes). */
export function rememberGroups(dataDir: DataDir, stored: readonly CountryGroup[]): void {
  write(dataDir, { groups: partnerGroups(stored) });
}

/**
 * Call once the embedded database, from which rememberGroups' copy was just read, is closed: records its
 * fingerprint, so that storedGroupsIfUnchanged can trust the copy until anything touches the database. (The
 * database is closed and nobody else had it open in between: PGlite serves one process at a time.)
 */
export function vouchForRememberedGroups(dataDir: DataDir): void {
  const remembered = read(dataDir);
  const fingerprint = embeddedStateFingerprint(dataDir.stateDir);
  if (remembered && fingerprint) write(dataDir, { groups: remembered.groups, stateFingerprint: fingerprint });
}

/** True when both name the same countries of concern and like-minded countries, in the same order. */
export function samePartnerGroups(a: readonly CountryGroup[], b: readonly CountryGroup[]): boolean {
  const members = (groups: readonly CountryGroup[], id: string) =>
    JSON.stringify(groups.find((g) => g.id === id)?.members ?? []);
  return partnerGroupIds.every((id) => members(a, id) === members(b, id));
}
