import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { manifests } from '../../src/data/manifests/index.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { setDatasetMarking } from '../../src/data/security/datasetMarkings.ts';

/** GET /api/dataset-manifests: what the Home page offers to fetch, and whether a mirror makes it fetchable. */
describe.each(stateBackends)('dataset manifests API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let viewer: Record<string, string>;
  let cleared: Record<string, string>;
  const mirrorBefore = process.env.CHOKEPOINT_MIRROR;
  beforeAll(async () => {
    state = await openTestState(backend);
    const dataDir = new DataDir(tempDir()).ensure();
    // The real BACI ZAF/AFG sample under its manifest's id, marked 秘 (level 2).
    await importBaci({
      dataDir,
      inputs: [path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv')],
      hs: 'HS92',
      datasetId: 'baci-sample-zaf-afg',
    });
    await setDatasetMarking(
      state,
      'baci-sample-zaf-afg',
      { level: 2, compartments: [], releasableTo: null },
      'test',
    );
    app = await buildApp({ dataDir: dataDir.root, webDir: false, state });
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
    cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
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

  it('says a marked dataset is present only to users cleared for it', async () => {
    const present = async (headers: Record<string, string>) =>
      (await app.inject({ url: '/api/dataset-manifests', headers }))
        .json()
        .items.find((m: { id: string }) => m.id === 'baci-sample-zaf-afg').present;
    expect(await present(cleared)).toBe(true);
    expect(await present(viewer)).toBe(false);
  });
});
