import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { Marking } from '../../src/analysis/marking.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { authzFixtures } from '../helpers/authzFixtures.ts';

/** Propagation to derived results, refused exports, declassification, sharing within caps, audited reads. */
describe.each(stateBackends)('marking flow (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let chips: string;
  let batteries: string;
  let cleared: Awaited<ReturnType<typeof testSession>>;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    cleared = await testSession(app, {
      role: 'analyst',
      level: 3,
      compartments: ['batteries', 'semiconductors'],
    });
    await testSession(app, {
      role: 'viewer',
      organisation: 'acme',
      organisationKind: 'company',
      sharingCap: 2,
    });
    await testSession(app, {
      role: 'viewer',
      organisation: 'smallco',
      organisationKind: 'company',
      sharingCap: 1,
    });
    chips = await authzFixtures.dataset(app, {
      level: 2,
      compartments: ['semiconductors'],
      releasableTo: ['acme', 'test-ministry'],
    });
    batteries = await authzFixtures.dataset(app, {
      level: 1,
      compartments: ['batteries'],
      releasableTo: ['test-ministry'],
    });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const auditActions = async (objectId: string) =>
    await state.query<{ action: string; details: Record<string, unknown> | null }>(
      'SELECT action, details FROM audit_log WHERE object_id = $1 ORDER BY seq',
      [objectId],
    );

  it('a derived export carries the join of its inputs: max level, union of compartments, intersection of releasability', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/exports/datasets',
      headers: cleared.headers,
      payload: { datasets: [chips, batteries] },
    });
    expect(res.statusCode).toBe(200);
    const expected: Marking = {
      level: 2,
      compartments: ['batteries', 'semiconductors'],
      releasableTo: ['test-ministry'],
    };
    expect(res.json().marking).toEqual(expected);
    expect(res.json().markingLabel).toEqual({ ja: '秘', en: 'confidential' });
    expect(JSON.parse(String(res.headers['x-chokepoint-marking']))).toEqual(expected);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(
      res
        .json()
        .datasets.map((d: { provenance: { dataset: string; synthetic: boolean } }) => [
          d.provenance.dataset,
          d.provenance.synthetic,
        ]),
    ).toEqual([
      [chips, true],
      [batteries, true],
    ]);
    const [entry] = await state.query<{ marking: Marking; details: { datasets: string[] } }>(
      "SELECT marking, details FROM audit_log WHERE action = 'export' AND object_type = 'dataset_bundle' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry.marking).toEqual(expected);
    expect(entry.details.datasets).toEqual([chips, batteries]);
  });

  it('an export of a marked dataset is refused as "not found" to an uncleared user, and not audited as an export', async () => {
    const uncleared = await testSession(app, { role: 'analyst', level: 1, compartments: ['semiconductors'] });
    const single = await app.inject({ url: `/api/exports/datasets/${chips}`, headers: uncleared.headers });
    const missing = await app.inject({
      url: '/api/exports/datasets/no-such-dataset',
      headers: uncleared.headers,
    });
    expect(single.statusCode).toBe(404);
    expect(single.json()).toEqual(missing.json());
    const bundle = await app.inject({
      method: 'POST',
      url: '/api/exports/datasets',
      headers: uncleared.headers,
      payload: { datasets: [batteries, chips] },
    });
    expect(bundle.statusCode).toBe(404);
    const exports = await state.query("SELECT 1 FROM audit_log WHERE action = 'export' AND actor_id = $1", [
      uncleared.user.id,
    ]);
    expect(exports).toEqual([]);
    const ok = await app.inject({ url: `/api/exports/datasets/${chips}`, headers: cleared.headers });
    expect(ok.statusCode).toBe(200);
    expect((await auditActions(chips)).map((a) => a.action)).toContain('export');
  });

  it('reading a marked object is audited', async () => {
    const res = await app.inject({ url: `/api/datasets/${batteries}/marking`, headers: cleared.headers });
    expect(res.statusCode).toBe(200);
    expect((await auditActions(batteries)).map((a) => a.action)).toContain('read');
  });

  it('raising needs analysis.write; lowering needs declassify and a reason, and is audited with it', async () => {
    const id = await authzFixtures.dataset(app, { level: 1, compartments: [], releasableTo: null });
    const put = (headers: Record<string, string>, body: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/datasets/${id}/marking`, headers, payload: body });
    const viewer = await testSession(app, { role: 'viewer', level: 3 });
    expect(
      (await put(viewer.headers, { marking: { level: 2, compartments: [], releasableTo: null } })).statusCode,
    ).toBe(403);
    const raised = await put(cleared.headers, {
      marking: { level: 2, compartments: ['semiconductors'], releasableTo: null },
    });
    expect(raised.json()).toMatchObject({
      declassified: false,
      marking: { level: 2, compartments: ['semiconductors'] },
    });
    const lower = { marking: { level: 0, compartments: [], releasableTo: null } };
    expect((await put(cleared.headers, lower)).statusCode).toBe(403);
    const declassifier = await testSession(app, {
      role: 'analyst',
      level: 3,
      compartments: ['semiconductors'],
      permissions: ['declassify'],
    });
    const noReason = await put(declassifier.headers, lower);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.place.field).toBe('reason');
    const done = await put(declassifier.headers, { ...lower, reason: 'published in the 2026 white paper' });
    // releasableTo: null must stay null (unrestricted), not be coerced into [""].
    expect(done.json()).toEqual({
      id,
      declassified: true,
      marking: { level: 0, compartments: [], releasableTo: null },
    });
    const audit = await auditActions(id);
    expect(audit.map((a) => a.action)).toEqual(['marking.change', 'declassify']);
    expect(audit[1].details).toMatchObject({
      reason: 'published in the 2026 white paper',
      before: { level: 2 },
      after: { level: 0 },
    });
    // Nobody may mark above their own clearance.
    expect(
      (
        await put(declassifier.headers, {
          marking: { level: 3, compartments: ['batteries'], releasableTo: null },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("sharing respects the recipients' caps, widens releasability and is audited", async () => {
    const id = await authzFixtures.dataset(app, {
      level: 2,
      compartments: [],
      releasableTo: ['test-ministry'],
    });
    const share = (organisations: string[]) =>
      app.inject({
        method: 'POST',
        url: `/api/datasets/${id}/share`,
        headers: cleared.headers,
        payload: { organisations, reason: 'joint review' },
      });
    const capped = await share(['smallco']);
    expect(capped.statusCode).toBe(400);
    expect(capped.json().error.message).toMatch(/smallco may receive at most level 1/);
    const acmeUser = await testSession(app, { role: 'viewer', level: 2, organisation: 'acme' });
    const before = await app.inject({ url: '/api/datasets', headers: acmeUser.headers });
    expect(before.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const shared = await share(['acme']);
    expect(shared.json().marking.releasableTo).toEqual(['acme', 'test-ministry']);
    const after = await app.inject({ url: '/api/datasets', headers: acmeUser.headers });
    expect(after.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const audit = await auditActions(id);
    expect(audit.find((a) => a.action === 'share')?.details).toEqual({
      recipients: ['acme'],
      reason: 'joint review',
    });
  });

  it('the auditor view shows and counts only entries the auditor is cleared for', async () => {
    const auditor = await testSession(app, { role: 'auditor', level: 1 });
    const res = await app.inject({ url: '/api/audit?limit=1000', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    const all = await state.query<{ marking: Marking | null }>('SELECT marking FROM audit_log');
    const visible = all.filter(
      (e) =>
        !e.marking ||
        (e.marking.level <= 1 &&
          e.marking.compartments.length === 0 &&
          (e.marking.releasableTo === null || e.marking.releasableTo.includes('test-ministry'))),
    );
    expect(visible.length).toBeLessThan(all.length);
    expect(res.json().total).toBe(visible.length);
    for (const item of res.json().items) if (item.marking) expect(item.marking.level).toBeLessThanOrEqual(1);
    const verify = await app.inject({ url: '/api/audit/verify', headers: auditor.headers });
    expect(verify.json()).toMatchObject({ ok: true, problems: [] });
    expect((await app.inject({ url: '/api/audit', headers: cleared.headers })).statusCode).toBe(403);
  });
});
