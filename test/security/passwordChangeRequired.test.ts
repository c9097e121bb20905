import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { createFirstAdministrator } from '../../src/data/security/users.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Issue 27: a generated one-time password (the first administrator's, a new account's, a reset's) must be changed
 * at the first sign-in. Until then the session — or an API token — reaches only /auth/me, /auth/password and
 * /auth/logout; everything else answers 403 `password_change_required`. Checked on both state back ends.
 */
describe.each(stateBackends)('one-time passwords are changed at the first sign-in (%s)', (backend) => {
  let app: App;
  let state: StateDb;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  /** Signs in through the API as a browser would; returns the headers of the new session and the login body. */
  async function signIn(username: string, password: string) {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(login.statusCode).toBe(200);
    const cookies = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const body = login.json<{ user: { mustChangePassword: boolean }; csrfToken: string }>();
    return { headers: { cookie: cookies, 'x-csrf-token': body.csrfToken }, body };
  }

  const changePassword = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword, newPassword } });

  it('holds the first administrator at the password form, then opens everything', async () => {
    const first = await createFirstAdministrator(state);
    expect(first?.user.mustChangePassword).toBe(true);
    const { headers, body } = await signIn('admin', first!.password);
    expect(body.user.mustChangePassword).toBe(true);

    const me = await app.inject({ url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/users', '/api/datasets', '/api/ews/alerts', '/api/tokens']) {
      const refused = await app.inject({ url, headers });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code, url).toBe('password_change_required');
    }
    // No way round it: creating an API token or a user is refused too.
    const token = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'script' },
    });
    expect(token.statusCode).toBe(403);

    // The same password again is refused by the field; a new one opens the session it was changed in.
    expect((await changePassword(headers, first!.password, first!.password)).statusCode).toBe(400);
    expect((await changePassword(headers, first!.password, 'a much longer passphrase 7')).statusCode).toBe(200);
    const after = await app.inject({ url: '/api/auth/me', headers });
    expect(after.json().mustChangePassword).toBe(false);
    expect((await app.inject({ url: '/api/users', headers })).statusCode).toBe(200);
    const audit = await state.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE object_id = $1 AND action = 'user.change_password'",
      [first!.user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('asks again after an administrator resets the password; an account added through the API starts held', async () => {
    const admin = (await testSession(app, { role: 'administrator', level: 3 })).headers;
    const added = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'sato', organisationId: 'test-ministry', role: 'analyst' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().user.mustChangePassword).toBe(true);
    const held = await signIn('sato', added.json().password as string);
    expect((await app.inject({ url: '/api/datasets', headers: held.headers })).statusCode).toBe(403);
    const next = 'sato chose this one 2026';
    expect((await changePassword(held.headers, added.json().password as string, next)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/datasets', headers: held.headers })).statusCode).toBe(200);

    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${added.json().user.id as string}/reset-password`,
      headers: admin,
    });
    expect(reset.json().user.mustChangePassword).toBe(true);
    const again = await signIn('sato', reset.json().password as string);
    expect(again.body.user.mustChangePassword).toBe(true);
    expect((await app.inject({ url: '/api/datasets', headers: again.headers })).statusCode).toBe(403);
    // Signing out still works while held.
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: again.headers })).statusCode).toBe(
      200,
    );
  });

  it('refuses an API token of a held user (a reset after the token was made)', async () => {
    const s = await testSession(app, { role: 'analyst' });
    const made = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: s.headers,
      payload: { name: 'nightly' },
    });
    expect(made.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${made.json().secret as string}` };
    expect((await app.inject({ url: '/api/datasets', headers: bearer })).statusCode).toBe(200);
    await state.query('UPDATE users SET must_change_password = true WHERE id = $1', [s.user.id]);
    const refused = await app.inject({ url: '/api/datasets', headers: bearer });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_change_required');
  });
});
