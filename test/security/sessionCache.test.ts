import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Sessions are kept in memory between requests on embedded PGlite (src/server/security/stateWatch.ts). Whatever
 * changes a session's user — disabling, logout, a password reset, a lower clearance or sharing cap, a new role —
 * must be seen by the very next request, whether it came through the API or straight into the state database
 * (as another tool writing the same state would). PostgreSQL keeps no such cache; the same rules are checked there.
 */
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

  /** Counts the state queries made while `fn` runs. */
  async function stateQueries(fn: () => Promise<unknown>): Promise<number> {
    const original = state.query;
    let count = 0;
    state.query = ((sql: string, params?: unknown[]) => {
      count++;
      return original.call(state, sql, params);
    }) as StateDb['query'];
    try {
      await fn();
    } finally {
      state.query = original;
    }
    return count;
  }

  it('a repeated request reads no state on PGlite, and reads it every time on PostgreSQL', async () => {
    const { headers } = await testSession(app, { role: 'viewer' });
    expect((await me(headers)).statusCode).toBe(200);
    const queries = await stateQueries(async () => {
      for (let i = 0; i < 5; i++) expect((await me(headers)).statusCode).toBe(200);
    });
    expect(app.stateWatch.enabled).toBe(backend === 'pglite');
    expect(queries).toBe(backend === 'pglite' ? 0 : 5);
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
});
