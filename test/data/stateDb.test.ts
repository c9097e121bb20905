import { describe, expect, it } from 'vitest';
import { migrate, newStateCopy, openStateDb } from '../../src/data/state/db.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

describe.each(stateBackends)('application state on %s', (backend) => {
  it('applies migrations once and keeps them recorded', async () => {
    const db = await openTestState(backend, { fresh: true });
    try {
      const names = (
        await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      ).map((r) => r.name);
      expect(names).toContain('001_settings.sql');
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('rolls a failed transaction back', async () => {
    const db = await openTestState(backend);
    try {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO settings (key, value) VALUES ('a', '1'::jsonb)`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query(`SELECT * FROM settings WHERE key = 'a'`)).toEqual([]);
      await db.transaction((tx) =>
        tx.query(`INSERT INTO settings (key, value) VALUES ('b', '{"x":2}'::jsonb)`),
      );
      const rows = await db.query<{ value: { x: number } }>(`SELECT value FROM settings WHERE key = 'b'`);
      expect(rows[0].value.x).toBe(2);
    } finally {
      await db.close();
    }
  });
});

describe('a new embedded database started from a copy (newStateCopy, startFrom)', () => {
  it('has every migration, and what is written to one copy is not in another', async () => {
    const copy = await newStateCopy();
    const [a, b] = [await openStateDb({ startFrom: copy }), await openStateDb({ startFrom: copy })];
    try {
      const fresh = await openTestState('pglite', { fresh: true });
      const names = (db: typeof a) =>
        db
          .query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
          .then((r) => r.map((x) => x.name));
      expect(await names(a)).toEqual(await names(fresh));
      await fresh.close();
      expect(await migrate(a)).toEqual([]);
      await a.query(`INSERT INTO settings (key, value) VALUES ('only-in-a', '1'::jsonb)`);
      expect(await b.query(`SELECT * FROM settings WHERE key = 'only-in-a'`)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses to start a database that exists, or a PostgreSQL server, from a copy', async () => {
    const copy = await newStateCopy();
    const dir = tempDir();
    await (await openStateDb({ dataDir: dir })).close();
    await expect(openStateDb({ dataDir: dir, startFrom: copy })).rejects.toThrow(/already holds a database/);
    await expect(openStateDb({ databaseUrl: 'postgres://x@127.0.0.1:1/x', startFrom: copy })).rejects.toThrow(
      /cannot start a PostgreSQL server/,
    );
  });
});
