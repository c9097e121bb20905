import type { StateDb } from './db.ts';

/**
 * Announcements of committed state changes that the server caches depend on (migration 102 sends them from
 * triggers; tables created after it, such as critical_goods, announce from their write functions). NOTIFY inside
 * a transaction is delivered at commit, and not at all when it rolls back.
 */
export const stateChangeChannel = 'chokepoint_state_change';

export async function notifyStateChange(db: StateDb, table: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [stateChangeChannel, table]);
}
