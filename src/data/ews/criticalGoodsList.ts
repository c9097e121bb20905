import type { StateDb } from '../state/db.ts';
import { listRegistry, type RegistryEntryRecord } from '../reference/registryStore.ts';
import type { HsMatch } from '../reference/criticalGoods.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';
import { addItems, createList, defaultCadence, listItems, type Grade } from './ewsState.ts';

/**
 * The default monitored lists: one per reporter (`critical-goods-<iso3>`), imports of every HS6 code of the
 * registry's entries in force (the twelve specified critical goods by default, plus whatever analysts add or
 * adopt). One item per code, graded by the best match any entry gives it: exact A (weekly), approximate B, input C.
 * The lists follow the registry: `syncCriticalGoodsLists` adds the codes of new entries, regrades and relabels,
 * and removes the items of codes no entry in force names any more (their alerts stay, detached from the item).
 * An item is marked with the join of the markings of the entries naming its code (a marked entry's codes and name
 * are not shown to readers below it).
 * It runs after every registry change (identification/registryService.ts) and at each scheduler tick.
 */
const gradeOf: Record<HsMatch, Grade> = { exact: 'A', approximate: 'B', input: 'C' };
const listKind = 'critical-goods';

export interface MonitoredCode {
  hs: string;
  grade: Grade;
  label: { ja: string; en: string };
  marking: Marking;
}

/** One monitored code per HS6 of the entries, with the best grade, the entries' names and their markings' join. */
export function monitoredCodes(
  entries: readonly Pick<RegistryEntryRecord, 'ja' | 'en' | 'hs' | 'marking'>[],
): MonitoredCode[] {
  const byCode = new Map<string, { grade: Grade; ja: string[]; en: string[]; markings: Marking[] }>();
  for (const entry of entries) {
    for (const code of entry.hs) {
      const seen = byCode.get(code.hs6) ?? { grade: 'D' as Grade, ja: [], en: [], markings: [publicMarking] };
      const grade = gradeOf[code.match] ?? 'C';
      if (grade < seen.grade) seen.grade = grade;
      seen.ja.push(entry.ja);
      seen.en.push(entry.en);
      seen.markings.push(entry.marking);
      byCode.set(code.hs6, seen);
    }
  }
  return [...byCode]
    .map(([hs, c]) => ({
      hs,
      grade: c.grade,
      label: { ja: `${c.ja.join('・')} (${hs})`, en: `${c.en.join(', ')} (${hs})` },
      marking: joinMarkings(c.markings),
    }))
    .sort((a, b) => a.hs.localeCompare(b.hs));
}

export interface ListSync {
  list: string;
  added: number;
  removed: number;
  changed: number;
}

async function syncList(
  db: StateDb,
  listId: string,
  reporter: string,
  dataset: string | null,
  codes: MonitoredCode[],
  now: Date,
): Promise<ListSync> {
  const wanted = new Map(codes.map((c) => [c.hs, c]));
  const items = (await listItems(db, { listId })).filter((i) => i.partner === null && i.flow === 'import');
  const seen = new Set<string>();
  let removed = 0;
  let changed = 0;
  for (const it of items) {
    const code = wanted.get(it.hs);
    if (!code || seen.has(it.hs)) {
      // Not named by any entry in force, or a second item for the same code (lists made before one item per code).
      await db.query('DELETE FROM ews_items WHERE id = $1', [it.id]);
      removed++;
      continue;
    }
    seen.add(it.hs);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (it.grade !== code.grade || !same(it.label, code.label) || !same(it.marking, code.marking)) {
      await db.query(
        'UPDATE ews_items SET grade = $2, cadence = $3, label = $4, marking = $5 WHERE id = $1',
        [
          it.id,
          code.grade,
          defaultCadence[code.grade],
          JSON.stringify(code.label),
          JSON.stringify(code.marking),
        ],
      );
      changed++;
    }
  }
  const missing = codes.filter((c) => !seen.has(c.hs));
  const added = await addItems(
    db,
    listId,
    missing.map((c) => ({
      reporter,
      hs: c.hs,
      flow: 'import' as const,
      grade: c.grade,
      dataset,
      label: c.label,
      marking: c.marking,
    })),
    now,
  );
  return { list: listId, added, removed, changed };
}

/** The list's reporter and dataset, from its items (or its id when it has none). */
async function listSettings(
  db: StateDb,
  listId: string,
): Promise<{ reporter: string; dataset: string | null }> {
  const [first] = await db.query<{ reporter: string; dataset: string | null }>(
    'SELECT reporter, dataset FROM ews_items WHERE list_id = $1 ORDER BY created_at, id LIMIT 1',
    [listId],
  );
  return first ?? { reporter: listId.replace(/^critical-goods-/, '').toUpperCase(), dataset: null };
}

async function activeCodes(db: StateDb): Promise<MonitoredCode[]> {
  return monitoredCodes(await listRegistry(db, { status: ['active'] }));
}

/** Brings every critical-goods list in line with the registry. */
export async function syncCriticalGoodsLists(db: StateDb, now: Date): Promise<ListSync[]> {
  const lists = await db.query<{ id: string }>('SELECT id FROM ews_lists WHERE kind = $1 ORDER BY id', [
    listKind,
  ]);
  if (!lists.length) return [];
  const codes = await activeCodes(db);
  const out: ListSync[] = [];
  for (const { id } of lists) {
    const { reporter, dataset } = await listSettings(db, id);
    out.push(await db.transaction((tx) => syncList(tx, id, reporter, dataset, codes, now)));
  }
  return out;
}

/** The reporter's critical-goods list, created when missing and brought in line with the registry; returns its id. */
export async function ensureCriticalGoodsList(
  db: StateDb,
  now: Date,
  reporter = 'JPN',
  dataset: string | null = null,
): Promise<string> {
  const id = `critical-goods-${reporter.toLowerCase()}`;
  const codes = await activeCodes(db);
  await db.transaction(async (tx) => {
    const existing = await tx.query('SELECT id FROM ews_lists WHERE id = $1', [id]);
    if (!existing.length) {
      await createList(tx, {
        id,
        kind: listKind,
        name: { ja: '特定重要物資', en: 'Specified critical goods' },
        description: `imports of ${reporter}`,
      });
    }
    await syncList(
      tx,
      id,
      reporter,
      existing.length ? (await listSettings(tx, id)).dataset : dataset,
      codes,
      now,
    );
  });
  return id;
}
