import type { StateDb } from '../state/db.ts';

/**
 * Requests counted per name and clock hour, all clients together and without any address (migration 104), in the
 * state database so that every server process adds to the same count. Used for the consultation desk's overall
 * limit on new cases.
 */
export async function countThisHour(
  db: StateDb,
  name: string,
): Promise<{ count: number; hourEndsInMs: number }> {
  const [row] = await db.query<{ count: number; ends_ms: number | string }>(
    `INSERT INTO request_counts AS c (name, window_start, count) VALUES ($1, date_trunc('hour', now()), 1)
     ON CONFLICT (name, window_start) DO UPDATE SET count = c.count + 1
     RETURNING c.count, (extract(epoch FROM date_trunc('hour', now()) + interval '1 hour' - now()) * 1000)::float8 AS ends_ms`,
    [name],
  );
  await db.query("DELETE FROM request_counts WHERE name = $1 AND window_start < now() - interval '1 day'", [
    name,
  ]);
  return { count: Number(row.count), hourEndsInMs: Math.ceil(Number(row.ends_ms)) };
}
