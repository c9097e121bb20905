import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openStateDb, type StateDb } from '../../src/data/state/db.ts';

/**
 * The application-state back ends to test against: PGlite always; a PostgreSQL server too when
 * TEST_DATABASE_URL is set (CI starts the machine's PostgreSQL and sets it). Each call gets a fresh schema.
 */
export const stateBackends: string[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

let stateCopy: Blob | undefined;

/**
 * A new database on the back end: on PostgreSQL a new schema; on PGlite an in-memory database started from the
 * migrated copy made before the run (globalSetup.ts), or created from nothing with `fresh` (what a first start
 * does: the migrations' own test).
 */
export async function openTestState(backend: string, options: { fresh?: boolean } = {}): Promise<StateDb> {
  if (backend === 'postgres') {
    return openStateDb({
      databaseUrl: process.env.TEST_DATABASE_URL,
      schema: `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    });
  }
  if (options.fresh) return openStateDb({});
  stateCopy ??= new Blob([fs.readFileSync(inject('stateCopyFile'))]);
  return openStateDb({ startFrom: stateCopy });
}
