import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('server', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ dataDir: tempDir(), webDir: false });
  });
  afterAll(async () => app.close());

  it('answers health and publishes OpenAPI', async () => {
    const health = await app.inject({ url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', state: 'pglite', analytics: 'duckdb' });
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });

  it('returns JSON 404 for unknown API paths', async () => {
    const res = await app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
