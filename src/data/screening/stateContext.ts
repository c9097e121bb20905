import type { StateDb } from '../state/db.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';

/** What a cached screen (or a result built on one) depends on in the application state. */
export interface StateContext {
  /** Changes whenever a country group or a critical good changes (max updated_at and count of each). */
  version: string;
  /** The join of the markings of the datasets used (public when none has one). */
  marking: Marking;
}

/**
 * The state context of results read from these datasets, in ONE query: the versions of the country groups and of
 * the critical goods registry, and the markings of the datasets. A cache keyed on it needs no further state
 * query on a hit; an edit of a group or a critical good, or a new marking, changes the key.
 */
export async function readStateContext(db: StateDb, datasetIds: string[]): Promise<StateContext> {
  const [row] = await db.query<{
    groups: string | null;
    critical: string | null;
    markings: Marking[] | string | null;
  }>(
    `SELECT
       (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM country_groups) AS groups,
       (SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) FROM critical_goods) AS critical,
       (SELECT jsonb_agg(marking) FROM dataset_markings WHERE dataset_id = ANY($1::text[])) AS markings`,
    [datasetIds],
  );
  const markings =
    typeof row.markings === 'string' ? (JSON.parse(row.markings) as Marking[]) : (row.markings ?? []);
  return { version: `${row.groups}|${row.critical}`, marking: joinMarkings([publicMarking, ...markings]) };
}
