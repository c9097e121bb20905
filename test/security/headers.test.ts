import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { contentSecurityPolicy } from '../../src/server/security/headers.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/** Issue 18 item 9: security headers on every response; no-store on every API answer; HSTS only behind TLS. */
describe.each(stateBackends)('security headers (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let viewer: Awaited<ReturnType<typeof testSession>>;

  beforeAll(async () => {
    state = await openTestState(backend);
    const webDir = tempDir();
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>chokepoint</title>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp({ dataDir: tempDir(), webDir, state });
    viewer = await testSession(app, { role: 'viewer' });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const expectHardened = (res: { headers: Record<string, unknown> }, what: string) => {
    expect(res.headers['content-security-policy'], what).toBe(contentSecurityPolicy);
    expect(res.headers['x-frame-options'], what).toBe('DENY');
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    expect(res.headers['referrer-policy'], what).toBe('no-referrer');
    expect(res.headers['strict-transport-security'], what).toBeUndefined();
  };

  it('every kind of response carries them: API answers, errors, 404s, the web app and its files', async () => {
    const responses = {
      'API 200': await app.inject({ url: '/api/auth/me', headers: viewer.headers }),
      'API 401': await app.inject({ url: '/api/auth/me' }),
      'API 404': await app.inject({ url: '/api/no-such-route' }),
      'API 400': await app.inject({ url: '/api/groups/a%00b', headers: viewer.headers }),
      'API 413': await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'p'.repeat(100_000) },
      }),
      'web app': await app.inject({ url: '/' }),
      'client route': await app.inject({ url: '/screening' }),
      asset: await app.inject({ url: '/assets/app.js' }),
      OpenAPI: await app.inject({ url: '/openapi.json' }),
    };
    expect(responses['API 413'].statusCode).toBe(413);
    for (const [what, res] of Object.entries(responses)) expectHardened(res, what);
    for (const what of ['API 200', 'API 401', 'API 404', 'API 400', 'API 413'] as const) {
      expect(responses[what].headers['cache-control'], what).toBe('no-store');
    }
    expect(responses['web app'].headers['cache-control']).not.toContain('no-store');
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('Strict-Transport-Security only when the request came over TLS', async () => {
    const tls = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await app.inject({ url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-store');
  });
});
