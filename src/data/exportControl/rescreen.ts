import type { Catalog } from '../catalog/catalog.ts';
import type { StateDb } from '../state/db.ts';
import { listCases, replaceCaseResult } from './caseStore.ts';
import type { Actor } from './decisionStore.ts';
import { screenParty, type ScreenMatch, type ScreenQuery, type ScreenResult } from './screeningService.ts';

/**
 * After a list changes, every party-screening case not closed is screened again against the current versions: a
 * case whose hits changed — a new hit, a hit whose entry changed (new fingerprint), a hit gone — gets the new result
 * and a 'rescreened' event naming the changes. Cases whose hits are the same are left alone.
 */
export interface RescreenChange {
  caseId: string;
  title: string;
  /** New hits, and hits whose entry changed since the case was screened. */
  added: { list: string; entryId: string; name: string; score: number; entryChanged: boolean }[];
  removed: { list: string; entryId: string }[];
}

const hitKey = (m: { list: string; entryId: string }) => `${m.list}\u0000${m.entryId}`;

export async function rescreenOpenCases(
  db: StateDb,
  catalog: Catalog,
  actor: Actor,
): Promise<RescreenChange[]> {
  const changes: RescreenChange[] = [];
  for (const c of await listCases(db)) {
    if (c.status === 'closed' || c.kind !== 'party-screening') continue;
    const subject = c.subject as ScreenQuery;
    const before = ((c.result as ScreenResult | null)?.matches ?? []) as ScreenMatch[];
    const after = screenParty(catalog, subject);
    const old = new Map(before.map((m) => [hitKey(m), m]));
    const now = new Set(after.matches.map(hitKey));
    const added = after.matches
      .filter((m) => old.get(hitKey(m))?.entryFingerprint !== m.entryFingerprint)
      .map((m) => ({
        list: m.list,
        entryId: m.entryId,
        name: m.name,
        score: m.score,
        entryChanged: old.has(hitKey(m)),
      }));
    const removed = before
      .filter((m) => !now.has(hitKey(m)))
      .map((m) => ({ list: m.list, entryId: m.entryId }));
    if (!added.length && !removed.length) continue;
    const lists = after.lists.map((l) => `${l.list} ${l.version}`);
    await replaceCaseResult(db, c.id, after, { added, removed, lists }, actor);
    changes.push({ caseId: c.id, title: c.title, added, removed });
  }
  return changes;
}
