import type { StateDb } from '../state/db.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import type { Framework } from '../../analysis/cyber/framework.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import { shippedFrameworks } from './shippedFrameworks.ts';

/** Requirement catalogues: the shipped ones (public) and those users imported (cyber_frameworks, marked). */
export interface StoredFramework {
  framework: Framework;
  shipped: boolean;
  marking: Marking;
}

export async function saveFramework(
  db: StateDb,
  framework: Framework,
  marking: Marking,
  userId: string | null,
): Promise<StoredFramework> {
  if (shippedFrameworks.some((f) => f.id === framework.id))
    throw new ChokepointError(
      'conflict',
      `"${framework.id}" is a shipped catalogue: give the imported one another id`,
      { field: 'id' },
    );
  await db.query(
    `INSERT INTO cyber_frameworks (id, definition, marking, created_by) VALUES ($1, $2::jsonb, $3::jsonb, $4)
     ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition, marking = EXCLUDED.marking, created_by = EXCLUDED.created_by, created_at = now()`,
    [framework.id, JSON.stringify(framework), JSON.stringify(marking), userId],
  );
  return { framework, shipped: false, marking };
}

export async function findFramework(db: StateDb, id: string): Promise<StoredFramework | undefined> {
  const shipped = shippedFrameworks.find((f) => f.id === id);
  if (shipped) return { framework: shipped, shipped: true, marking: publicMarking };
  const [row] = await db.query<{ definition: Framework; marking: Marking }>(
    'SELECT definition, marking FROM cyber_frameworks WHERE id = $1',
    [id],
  );
  return row ? { framework: row.definition, shipped: false, marking: row.marking } : undefined;
}

export async function listFrameworks(
  db: StateDb,
  reader?: Reader,
): Promise<StoredFramework[]> {
  const filter = readableSql(reader, 'f.marking', 1);
  const rows = await db.query<{ definition: Framework; marking: Marking }>(
    `SELECT f.definition, f.marking FROM cyber_frameworks f WHERE ${filter.sql} ORDER BY f.id`,
    filter.params,
  );
  return [
    ...shippedFrameworks.map((framework) => ({ framework, shipped: true, marking: publicMarking })),
    ...rows.map((r) => ({ framework: r.definition, shipped: false, marking: r.marking })),
  ];
}
