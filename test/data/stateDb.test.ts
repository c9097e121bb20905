import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/state/db.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

describe.each(stateBackends)('application state on %s', (backend) => {
  it('applies migrations once and keeps them recorded', async () => {
    const db = await openTestState(backend);
    try {
      const names = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
        (r) => r.name,
      );
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
      await db.transaction((tx) => tx.query(`INSERT INTO settings (key, value) VALUES ('b', '{"x":2}'::jsonb)`));
      const rows = await db.query<{ value: { x: number } }>(`SELECT value FROM settings WHERE key = 'b'`);
      expect(rows[0].value.x).toBe(2);
    } finally {
      await db.close();
    }
  });
});
