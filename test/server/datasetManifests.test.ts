import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { manifests } from '../../src/data/manifests/index.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import type { StateDb } from '../../src/data/state/db.ts';

/** GET /api/dataset-manifests: what the Home page offers to fetch, and whether a mirror makes it fetchable. */
describe.each(stateBackends)('dataset manifests API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let viewer: Record<string, string>;
  const mirrorBefore = process.env.CHOKEPOINT_MIRROR;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  }, 60_000);
  afterAll(async () => {
    if (mirrorBefore === undefined) delete process.env.CHOKEPOINT_MIRROR;
    else process.env.CHOKEPOINT_MIRROR = mirrorBefore;
    await app.close();
    await state.close();
  });

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/dataset-manifests' })).statusCode).toBe(401);
  });

  it('lists every manifest; mirror-only datasets are fetchable only with a mirror', async () => {
    delete process.env.CHOKEPOINT_MIRROR;
    const without = (await app.inject({ url: '/api/dataset-manifests', headers: viewer })).json();
    expect(without.mirror).toBe(false);
    expect(without.total).toBe(manifests.length);
    const baci = without.items.find((m: { id: string }) => m.id === 'baci-critical-minerals');
    // The BACI extract exists only in mirrors (its manifest has no download URL for the file).
    const manifest = manifests.find((m) => m.id === 'baci-critical-minerals')!;
    expect(manifest.files.every((f) => f.url)).toBe(false);
    expect(baci).toMatchObject({ fetchable: false, present: false, publisher: manifest.publisher });
    expect(baci.bytes).toBe(manifest.files.reduce((s, f) => s + f.bytes, 0));

    process.env.CHOKEPOINT_MIRROR = sharedData;
    const withMirror = (await app.inject({ url: '/api/dataset-manifests', headers: viewer })).json();
    expect(withMirror.mirror).toBe(true);
    expect(withMirror.items.every((m: { fetchable: boolean }) => m.fetchable)).toBe(true);
  });
});
