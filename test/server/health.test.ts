import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';

describe('server', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ dataDir: tempDir(), webDir: false });
  });
  afterAll(async () => app.close());

  it('answers health without a session and publishes OpenAPI', async () => {
    const health = await app.inject({ url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', state: 'pglite', analytics: 'duckdb' });
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/health');
    expect(doc.paths['/api/health'].get.security).toEqual([]);
  });

  it('requires a session for the dataset list', async () => {
    const anonymous = await app.inject({ url: '/api/datasets' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const { headers } = await testSession(app, { role: 'viewer' });
    const listed = await app.inject({ url: '/api/datasets', headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [], total: 0, defaultTradeDataset: null });
  });

  it('returns JSON 404 for unknown API paths', async () => {
    const res = await app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
