import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { openStateDb, type OpenStateOptions, type StateDb } from '../../src/data/state/db.ts';
import { stateChangeChannel } from '../../src/data/state/stateChanges.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Sessions are kept in memory between requests (src/server/security/stateWatch.ts), on PGlite and on PostgreSQL.
 * Whatever changes a session's user — disabling, logout, a password reset, a lower clearance or sharing cap, a
 * new role — must be seen by the very next request, whether it came through the API or straight into the state
 * database; on PostgreSQL also when another server instance commits it (seen once its notification arrives), and
 * nothing may be served from memory while the LISTEN connection is down.
 */

/** Counts the state queries made through `db` while `fn` runs. */
async function stateQueries(db: StateDb, fn: () => Promise<unknown>): Promise<number> {
  const original = db.query;
  let count = 0;
  db.query = ((sql: string, params?: unknown[]) => {
    count++;
    return original.call(db, sql, params);
  }) as StateDb['query'];
  try {
    await fn();
  } finally {
    db.query = original;
  }
  return count;
}

/** Resolves when `db` delivers a state-change notification with this payload (the app's watch hears it first). */
async function notified(db: StateDb, table: string): Promise<void> {
  let heard!: () => void;
  const promise = new Promise<void>((resolve) => (heard = resolve));
  const unlisten = await db.listen(stateChangeChannel, (payload) => payload === table && heard());
  await promise;
  await unlisten();
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A second connection to the same PostgreSQL schema, as a second server instance (or the CLI) would hold. */
async function openPostgres(schema: string, options: Partial<OpenStateOptions> = {}): Promise<StateDb> {
  return openStateDb({ databaseUrl: process.env.TEST_DATABASE_URL, schema, ...options });
}

async function schemaOf(db: StateDb): Promise<string> {
  return (await db.query<{ schema: string }>('SELECT current_schema() AS schema'))[0].schema;
}

describe.each(stateBackends)('session cache never outlives a change (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let admin: Record<string, string>;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    admin = (await testSession(app, { role: 'administrator', level: 3 })).headers;
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const me = (headers: Record<string, string>) => app.inject({ url: '/api/auth/me', headers });

  it('a repeated request reads no state', async () => {
    await until(() => app.stateWatch.reliable, 'the state watch to be listening', 20_000);
    const { headers } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    const queries = await stateQueries(state, async () => {
      for (let i = 0; i < 5; i++) expect((await me(headers)).statusCode).toBe(200);
    });
    expect(state.notificationsReliable).toBe(true);
    expect(app.stateWatch.reliable).toBe(true);
    expect(queries).toBe(0);
  });

  it('a user disabled by an administrator is refused on the next request', async () => {
    const { headers, user } = await testSession(app, { role: 'viewer' });
    for (let i = 0; i < 3; i++) expect((await me(headers)).statusCode).toBe(200);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
      headers: admin,
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('a user disabled directly in the state database is refused on the next request', async () => {
    const { headers, user } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    await state.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('a session ended by logout is refused on the next request', async () => {
    const { headers } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('an administrator password reset ends the cached session', async () => {
    const { headers, user } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin,
    });
    expect(reset.statusCode).toBe(200);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('a lower clearance, a lower sharing cap and a new role apply to the next request', async () => {
    const { headers, user } = await testSession(app, {
      role: 'analyst',
      level: 3,
      compartments: ['semiconductors'],
      organisation: `cache-org-${backend}`,
      sharingCap: 3,
    });
    const read = async () =>
      (await me(headers)).json() as { role: string; clearance: { level: number; compartments: string[] } };
    expect((await read()).clearance).toMatchObject({ level: 3, compartments: ['semiconductors'] });
    await state.query(`UPDATE users SET clearance_level = 2, compartments = '[]'::jsonb WHERE id = $1`, [
      user.id,
    ]);
    expect((await read()).clearance).toMatchObject({ level: 2, compartments: [] });
    await state.query('UPDATE organisations SET sharing_cap = 1 WHERE id = $1', [`cache-org-${backend}`]);
    expect((await read()).clearance.level).toBe(1);
    await state.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [user.id]);
    expect((await read()).role).toBe('viewer');
    // The viewer may no longer create users (403), checked against the new role.
    const create = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { username: 'x', organisationId: `cache-org-${backend}`, role: 'viewer', clearanceLevel: 0 },
    });
    expect(create.statusCode).toBe(403);
  });

  it('a change rolled back leaves the session usable', async () => {
    const { headers, user } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    await expect(
      state.transaction(async (tx) => {
        await tx.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect((await me(headers)).statusCode).toBe(200);
  });

  it.runIf(backend === 'postgres')(
    'a disable or a logout committed by another server instance applies once its notification arrives',
    async () => {
      const other = await openPostgres(await schemaOf(state));
      try {
        const disabled = await testSession(app, { role: 'viewer' });
        const loggedOut = await testSession(app, { role: 'viewer' });
        for (const s of [disabled, loggedOut]) {
          expect((await me(s.headers)).statusCode).toBe(200);
          expect(await stateQueries(state, () => me(s.headers))).toBe(0);
        }
        let heard = notified(state, 'users');
        await other.query('UPDATE users SET disabled = true WHERE id = $1', [disabled.user.id]);
        await heard;
        expect((await me(disabled.headers)).statusCode).toBe(401);
        heard = notified(state, 'sessions');
        await other.query('DELETE FROM sessions WHERE user_id = $1', [loggedOut.user.id]);
        await heard;
        expect((await me(loggedOut.headers)).statusCode).toBe(401);
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(backend === 'postgres')(
    'while the LISTEN connection is down every request reads the state; caching resumes after it reconnects',
    async () => {
      // Its own schema, so that only this server's LISTEN connection is terminated; reconnection after 3 s, so
      // that the requests below run while it is down.
      const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const db = await openPostgres(schema, { listenBackoff: { firstMs: 3_000, maxMs: 3_000 } });
      const other = await openPostgres(schema);
      const server = await buildApp({ dataDir: tempDir(), webDir: false, state: db });
      const ask = (headers: Record<string, string>) => server.inject({ url: '/api/auth/me', headers });
      const listenPids = async () =>
        (
          await other.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
            `chokepoint-listen:${schema}`,
          ])
        ).map((r) => r.pid);
      try {
        // Sessions are cached only while changes are heard: wait for the server's LISTEN connection (slower to
        // open on a busy machine) before the first request.
        await until(() => server.stateWatch.reliable, 'the LISTEN connection to open', 20_000);
        const { headers, user } = await testSession(server, { role: 'analyst' });
        expect((await ask(headers)).statusCode).toBe(200);
        expect(await stateQueries(db, () => ask(headers))).toBe(0);
        const before = await listenPids();
        expect(before).toHaveLength(1);
        const generation = server.stateWatch.generation;

        await other.query('SELECT pg_terminate_backend($1)', [before[0]]);
        await until(() => !db.notificationsReliable, 'the drop to be noticed', 5_000);
        expect(server.stateWatch.reliable).toBe(false);
        expect(server.stateWatch.generation).toBeGreaterThan(generation);
        // Down: the session is read from the state on every request, so a change committed elsewhere now is
        // seen by the next request whether or not any notification reaches this server.
        const queries = await stateQueries(db, async () => {
          for (let i = 0; i < 3; i++) expect((await ask(headers)).statusCode).toBe(200);
        });
        // Per request: the session, and the datasets' markings for the enforcement point (security/enforcement.ts).
        expect(queries).toBe(6);
        await other.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [user.id]);
        expect(((await ask(headers)).json() as { role: string }).role).toBe('viewer');
        expect(db.notificationsReliable).toBe(false); // all of the above ran while it was down

        await until(() => db.notificationsReliable, 'the LISTEN connection to be reopened', 20_000);
        const after = await listenPids();
        expect(after).toHaveLength(1);
        expect(after[0]).not.toBe(before[0]);
        // Caching resumes, from empty caches: one read of the session and one of the datasets' markings, then none.
        expect(
          await stateQueries(db, async () => {
            for (let i = 0; i < 3; i++) expect((await ask(headers)).statusCode).toBe(200);
          }),
        ).toBe(2);
        // And changes elsewhere are heard again.
        const heard = notified(db, 'users');
        await other.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
        await heard;
        expect((await ask(headers)).statusCode).toBe(401);
      } finally {
        await server.close();
        await db.close();
        await other.exec(`DROP SCHEMA ${schema} CASCADE`);
        await other.close();
      }
    },
  );
});
