import { randomUUID } from 'node:crypto';
import { openStateDb, type StateDb } from '../../src/data/state/db.ts';

/**
 * The application-state back ends to test against: PGlite always; a PostgreSQL server too when
 * TEST_DATABASE_URL is set (CI starts the machine's PostgreSQL and sets it). Each call gets a fresh schema.
 */
export const stateBackends: string[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export async function openTestState(backend: string): Promise<StateDb> {
  if (backend === 'postgres') {
    return openStateDb({
      databaseUrl: process.env.TEST_DATABASE_URL,
      schema: `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    });
  }
  return openStateDb({});
}
