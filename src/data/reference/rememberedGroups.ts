import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, type DataDir } from '../dataDir.ts';
import { builtInGroups, type CountryGroup } from './groups.ts';

/**
 * The partner groups a screen classifies suppliers by (countries of concern, like-minded countries), as this data
 * directory last read them from the state database. A screen may start from them while the database is still
 * opening; it always checks them against the stored groups before it writes anything (see screenAllToFile), so a
 * stale or deleted copy only costs time, never a wrong figure.
 */
const partnerGroupIds = ['CONCERN', 'LIKE_MINDED'];

function fileOf(dataDir: DataDir): string {
  return path.join(dataDir.cacheDir, 'partner-groups.json');
}

function partnerGroups(groups: readonly CountryGroup[]): CountryGroup[] {
  return groups.filter((g) => partnerGroupIds.includes(g.id));
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

/** The groups last remembered here, or the built-in ones when there are none (or the copy is unreadable). */
export function readRememberedGroups(dataDir: DataDir): readonly CountryGroup[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8'));
    if (Array.isArray(parsed) && parsed.every(isGroup)) return parsed;
  } catch {
    // no copy yet, or an unreadable one: start from the built-in groups
  }
  return partnerGroups(builtInGroups);
}

/** Keeps a copy of the stored partner groups for the next screen (written only when they changed). */
export function rememberGroups(dataDir: DataDir, stored: readonly CountryGroup[]): void {
  const wanted = partnerGroups(stored).map(({ id, en, ja, members, example }) => ({
    id,
    en,
    ja,
    members,
    example,
  }));
  const text = JSON.stringify(wanted, null, 2);
  let current: string | undefined;
  try {
    current = fs.readFileSync(fileOf(dataDir), 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileAtomic(fileOf(dataDir), text);
}

/** True when both name the same countries of concern and like-minded countries, in the same order. */
export function samePartnerGroups(a: readonly CountryGroup[], b: readonly CountryGroup[]): boolean {
  const members = (groups: readonly CountryGroup[], id: string) =>
    JSON.stringify(groups.find((g) => g.id === id)?.members ?? []);
  return partnerGroupIds.every((id) => members(a, id) === members(b, id));
}
