import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { maxFailedLogins } from '../../src/server/routes/auth.ts';
import { addressBackoff } from '../../src/data/security/loginThrottle.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/** Session fixation, CSRF, brute force, token handling, injection in every text field, oversized bodies. */
type LoginExtra = { headers?: Record<string, string>; remoteAddress?: string };

function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : [];
  return Object.fromEntries(list.map((c) => [c.split('=')[0], c]));
}
const valueOf = (setCookie: string) => setCookie.split(';')[0].split('=').slice(1).join('=');

describe.each(stateBackends)('attacks on the security layer (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let admin: Awaited<ReturnType<typeof testSession>>;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    admin = await testSession(app, { role: 'administrator', level: 3 });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const login = (username: string, password: string, extra: LoginExtra = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: extra.headers,
      remoteAddress: extra.remoteAddress,
    });

  it('login sets an HttpOnly SameSite=Strict session cookie, Secure behind TLS; hashes are argon2id', async () => {
    const { user, password } = await testSession(app, { role: 'viewer' });
    const res = await login(user.username, password, { remoteAddress: '10.0.0.1' });
    expect(res.statusCode).toBe(200);
    const cookies = cookiesOf(res);
    expect(cookies.chokepoint_session).toMatch(/HttpOnly/);
    expect(cookies.chokepoint_session).toMatch(/SameSite=Strict/);
    expect(cookies.chokepoint_session).not.toMatch(/Secure/);
    expect(cookies.chokepoint_csrf).not.toMatch(/HttpOnly/);
    const tls = await login(user.username, password, {
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(cookiesOf(tls).chokepoint_session).toMatch(/Secure/);
    const [row] = await state.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(password);
    const sessionHashes = await state.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(sessionHashes.map((s) => s.id_hash)).not.toContain(valueOf(cookies.chokepoint_session));
  });

  it('session fixation: a session id planted before login is never promoted and is ended', async () => {
    const attacker = await testSession(app, { role: 'viewer' });
    const planted = valueOf(attacker.headers.cookie.split('; ')[0] + ';');
    const victim = await testSession(app, { role: 'analyst', level: 2 });
    const res = await login(victim.user.username, victim.password, {
      remoteAddress: '10.0.0.2',
      headers: { cookie: `chokepoint_session=${planted}` },
    });
    expect(res.statusCode).toBe(200);
    const issued = valueOf(cookiesOf(res).chokepoint_session);
    expect(issued).not.toBe(planted);
    const asPlanted = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: `chokepoint_session=${planted}` },
    });
    expect(asPlanted.statusCode).toBe(401);
    const asIssued = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: `chokepoint_session=${issued}` },
    });
    expect(asIssued.json().username).toBe(victim.user.username);
  });

  it('CSRF: a cookie-authenticated change needs x-csrf-token equal to the cookie and bound to the session', async () => {
    const a = await testSession(app, { role: 'analyst' });
    const b = await testSession(app, { role: 'analyst' });
    const sessionOnly = a.headers.cookie.split('; ')[0];
    const create = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'ci' } });
    expect((await create({ cookie: sessionOnly })).statusCode).toBe(403);
    expect((await create({ cookie: a.headers.cookie })).statusCode).toBe(403);
    expect((await create({ cookie: a.headers.cookie, 'x-csrf-token': 'guess' })).statusCode).toBe(403);
    // The attacker's own CSRF pair (valid for session b) does not work with session a.
    const bCsrf = b.headers['x-csrf-token'];
    expect(
      (await create({ cookie: `${sessionOnly}; chokepoint_csrf=${bCsrf}`, 'x-csrf-token': bCsrf }))
        .statusCode,
    ).toBe(403);
    expect((await create(a.headers)).statusCode).toBe(201);
    // Safe methods need no token.
    expect((await app.inject({ url: '/api/tokens', headers: { cookie: sessionOnly } })).statusCode).toBe(200);
  });

  it('API tokens: stored hashed, work as Bearer without CSRF, stop working when revoked or the user is disabled', async () => {
    const s = await testSession(app, { role: 'analyst', level: 1 });
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: s.headers,
        payload: { name: 'nightly script' },
      })
    ).json();
    expect(created.secret).toMatch(/^cpt_/);
    const stored = await state.query<{ token_hash: string }>(
      'SELECT token_hash FROM api_tokens WHERE id = $1',
      [created.token.id],
    );
    expect(stored[0].token_hash).toHaveLength(64);
    expect(stored[0].token_hash).not.toContain(created.secret.slice(4, 20));
    const bearer = { authorization: `Bearer ${created.secret}` };
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).json().username).toBe(
      s.user.username,
    );
    // A token cannot mint tokens; a POST by token needs no CSRF header but is still checked by role.
    expect(
      (await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(403);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${created.token.id}`,
      headers: s.headers,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);

    const second = (
      await app.inject({ method: 'POST', url: '/api/tokens', headers: s.headers, payload: { name: 'two' } })
    ).json();
    const disable = await app.inject({
      method: 'POST',
      url: `/api/users/${s.user.id}/disable`,
      headers: admin.headers,
    });
    expect(disable.statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${second.secret}` } }))
        .statusCode,
    ).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it(`account lock: ${maxFailedLogins} wrong passwords from unknown clients lock it for them; an administrator's reset unlocks it`, async () => {
    const s = await testSession(app, { role: 'viewer' });
    // One failure from each of many addresses (a distributed attack): no address is slowed, the account locks.
    for (let i = 0; i < maxFailedLogins; i++) {
      expect(
        (await login(s.user.username, 'wrong password!', { remoteAddress: `10.0.3.${i + 1}` })).statusCode,
      ).toBe(401);
    }
    const locked = await login(s.user.username, s.password, { remoteAddress: '10.0.0.4' });
    expect(locked.statusCode).toBe(401);
    // Same message for unknown users, wrong passwords and locked accounts: nothing to enumerate.
    const unknown = await login('nobody-here', 'whatever', { remoteAddress: '10.0.0.4' });
    expect(locked.json()).toEqual(unknown.json());
    const audit = await state.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'login%' ORDER BY seq",
      [s.user.id],
    );
    expect(audit.map((a) => a.action)).toContain('login.locked');
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${s.user.id}/reset-password`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    const fresh = reset.json().password as string;
    expect((await login(s.user.username, s.password, { remoteAddress: '10.0.0.5' })).statusCode).toBe(401);
    expect((await login(s.user.username, fresh, { remoteAddress: '10.0.0.5' })).statusCode).toBe(200);
  });

  it(`address back-off: after ${addressBackoff.freeFailures} failures over any usernames the next one blocks the address, a right password included, while the delay runs`, async () => {
    const s = await testSession(app, { role: 'viewer' });
    for (let i = 0; i <= addressBackoff.freeFailures; i++) {
      expect((await login(`spray-${i}`, 'Password123!', { remoteAddress: '10.0.0.9' })).statusCode).toBe(401);
    }
    const refused = await login(s.user.username, s.password, { remoteAddress: '10.0.0.9' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect((await login(s.user.username, s.password, { remoteAddress: '10.0.0.10' })).statusCode).toBe(200);
  });

  it('injection strings in every text field of every request body are refused or stored verbatim, never executed', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
    };
    const payloads = [
      "' OR '1'='1",
      "x'); DROP TABLE users; --",
      '<script>alert(1)</script>',
      '{{7*7}} ${7*7}',
      '../../../etc/passwd',
      '$where: 1, "$gt": ""',
      'nul\u0000byte',
      '重要経済安保情報 🚢',
    ];
    let fields = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema || path === '/api/auth/logout') continue;
        for (const field of stringFields(schema)) {
          fields++;
          for (const text of payloads) {
            const res = await app.inject({
              method: method.toUpperCase() as 'POST',
              url: path.replace(/\{\w+\}/g, 'x'),
              headers: admin.headers,
              payload: sample(schema, field, text) as Record<string, unknown>,
              remoteAddress: '10.0.1.1',
            });
            expect(
              res.statusCode,
              `${method} ${path} ${field} = ${JSON.stringify(text)}: ${res.body}`,
            ).toBeLessThan(500);
            if (text.includes('\u0000')) expect(res.statusCode).toBe(400);
          }
        }
      }
    }
    expect(fields).toBeGreaterThan(8);
    const [users] = await state.query<{ n: number | string }>('SELECT count(*) AS n FROM users');
    expect(Number(users.n)).toBeGreaterThan(3);
    expect((await app.inject({ url: '/api/auth/me', headers: admin.headers })).statusCode).toBe(200);
    // Stored verbatim: the consultation desk keeps exactly what was typed.
    const opened = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      payload: { topic: 'other', question: payloads[1] },
    });
    const read = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases/read',
      payload: { token: opened.json().caseToken },
    });
    expect(read.json().messages[0].body).toBe(payloads[1]);
  });

  it('changing my password needs the current one and ends my other sessions', async () => {
    const s = await testSession(app, { role: 'viewer' });
    const other = await login(s.user.username, s.password, { remoteAddress: '10.0.2.1' });
    const otherCookie = `chokepoint_session=${valueOf(cookiesOf(other).chokepoint_session)}`;
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers,
        payload: { currentPassword, newPassword: 'a brand new passphrase' },
      });
    expect((await change('not my password')).statusCode).toBe(403);
    expect((await change(s.password)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: s.headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(
      401,
    );
    expect(
      (await login(s.user.username, 'a brand new passphrase', { remoteAddress: '10.0.2.1' })).statusCode,
    ).toBe(200);
  });

  it('oversized bodies get 413, on public and signed-in routes', async () => {
    const huge = 'x'.repeat(11 * 1024 * 1024);
    const open = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      headers: { 'content-type': 'application/json' },
      payload: `{"topic":"other","question":"${huge}"}`,
    });
    expect(open.statusCode).toBe(413);
    expect(open.json().error.code).toBe('too_large');
    const signed = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: `{"name":"${huge}"}`,
    });
    expect(signed.statusCode).toBe(413);
  });
});

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** Dotted paths of every string property (arrays of strings as `field[]`). */
function stringFields(schema: Schema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isFreeString(prop)) out.push(path);
    else if (prop.type === 'array' && prop.items && isFreeString(prop.items)) out.push(`${path}[]`);
    else if (prop.type === 'object') out.push(...stringFields(prop, path));
  }
  return out;
}
function isFreeString(s: Schema): boolean {
  return s.type === 'string' && !s.enum && s.const === undefined;
}

/** A body that is valid apart from the text under test: required fields filled with plausible values. */
function sample(schema: Schema, field: string, text: string, prefix = ''): unknown {
  const pick = (s: Schema, path: string): unknown => {
    if (path === field) return text;
    if (`${path}[]` === field) return [text];
    const alt = s.anyOf ?? s.oneOf;
    if (alt) return pick(alt[0], path);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === 'object') return sample(s, field, text, path);
    if (type === 'array') return [];
    if (type === 'integer' || type === 'number') return 0;
    if (type === 'boolean') return false;
    if (type === 'null') return null;
    return 'plain text value';
  };
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (
      schema.required?.includes(name) ||
      path === field ||
      field.startsWith(`${path}.`) ||
      `${path}[]` === field
    ) {
      out[name] = pick(prop, path);
    }
  }
  return out;
}
