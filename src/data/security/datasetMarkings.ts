import type { StateDb } from '../state/db.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
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
