import type { StateDb } from '../state/db.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';
import { raiseJobMarkings } from '../state/jobStore.ts';

/** Markings of datasets (a dataset without a row is public). */
export function normalizeMarking(m: Marking): Marking {
  return {
    level: m.level,
    compartments: [...new Set(m.compartments)].sort(),
    releasableTo: m.releasableTo === null ? null : [...new Set(m.releasableTo)].sort(),
  };
}

export async function getDatasetMarking(db: StateDb, datasetId: string): Promise<Marking> {
  const rows = await db.query<{ marking: Marking }>(
    'SELECT marking FROM dataset_markings WHERE dataset_id = $1',
    [datasetId],
  );
  return rows.length ? rows[0].marking : publicMarking;
}

export async function setDatasetMarking(
  db: StateDb,
  datasetId: string,
  marking: Marking,
  by: string,
): Promise<Marking> {
  const normal = normalizeMarking(marking);
  await db.query(
    `INSERT INTO dataset_markings (dataset_id, marking, updated_by) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [datasetId, JSON.stringify(normal), by],
  );
  await raiseJobMarkings(db, datasetId, normal);
  return normal;
}

/** Every dataset's own marking (datasets without a row are public and absent). */
export async function ownDatasetMarkings(db: StateDb): Promise<Map<string, Marking>> {
  const rows = await db.query<{ dataset_id: string; marking: Marking }>(
    'SELECT dataset_id, marking FROM dataset_markings',
  );
  return new Map(rows.map((r) => [r.dataset_id, r.marking]));
}

/**
 * The marking a dataset's contents carry: its own joined with the effective markings of the datasets it was
 * derived from (sea-network from maritime, patents from patents-ncses …), transitively, so raising a source
 * raises everything built from it. A cycle (which an import cannot make, but a hand-edited catalog could) joins
 * the markings of all datasets on it. Only datasets whose effective marking is not public are in the result.
 */
export function effectiveDatasetMarkings(
  own: ReadonlyMap<string, Marking>,
  entries: readonly { id: string; derivedFrom?: readonly string[] }[],
): Map<string, Marking> {
  const sourcesOf = new Map(entries.map((e) => [e.id, e.derivedFrom ?? []]));
  const out = new Map<string, Marking>();
  for (const id of new Set([...own.keys(), ...sourcesOf.keys()])) {
    const reached = new Set([id]);
    for (const next of reached) for (const source of sourcesOf.get(next) ?? []) reached.add(source);
    const m = joinMarkings([...reached].map((r) => own.get(r) ?? publicMarking));
    if (m.level > 0 || m.compartments.length > 0 || m.releasableTo !== null) out.set(id, m);
  }
  return out;
}

/** The effective marking of every marked dataset now (own markings from the state, sources from the catalog). */
export async function currentDatasetMarkings(
  db: StateDb,
  catalog: { derivations(): { id: string; derivedFrom?: string[] }[] },
): Promise<Map<string, Marking>> {
  return effectiveDatasetMarkings(await ownDatasetMarkings(db), catalog.derivations());
}
