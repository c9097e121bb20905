import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { Marking } from '../../src/analysis/marking.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { testSession } from '../helpers/auth.ts';
import { authzFixtures } from '../helpers/authzFixtures.ts';

/** The dataset list shows a dataset only to users whose clearance dominates its marking. */
describe.each(stateBackends)('dataset list respects markings (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  const ids: Record<string, string> = {};
  const markings: Record<string, Marking> = {
    open: { level: 0, compartments: [], releasableTo: null },
    restricted: { level: 1, compartments: [], releasableTo: null },
    secretChips: { level: 2, compartments: ['semiconductors'], releasableTo: null },
    ministryOnly: { level: 1, compartments: [], releasableTo: ['test-ministry'] },
  };
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    for (const [name, marking] of Object.entries(markings))
      ids[name] = await authzFixtures.dataset(app, marking);
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const listed = async (headers: Record<string, string>) => {
    const res = await app.inject({ url: '/api/datasets', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string; marking: Marking }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.id).sort();
  };

  it('level 0 sees only the public dataset', async () => {
    const { headers } = await testSession(app, { role: 'viewer', level: 0 });
    expect(await listed(headers)).toEqual([ids.open]);
  });

  it('level 2 without the compartment does not see the semiconductor dataset', async () => {
    const { headers } = await testSession(app, { role: 'analyst', level: 2 });
    expect(await listed(headers)).toEqual([ids.open, ids.restricted, ids.ministryOnly].sort());
  });

  it('a company user does not see what is releasable only to the ministry', async () => {
    const { headers } = await testSession(app, {
      role: 'viewer',
      level: 2,
      compartments: ['semiconductors'],
      organisation: 'acme',
      organisationKind: 'company',
      sharingCap: 2,
    });
    expect(await listed(headers)).toEqual([ids.open, ids.restricted, ids.secretChips].sort());
  });

  it('the sharing cap limits a member: clearance 2 in an organisation capped at 1 reads level ≤ 1', async () => {
    const { headers, user } = await testSession(app, {
      role: 'viewer',
      level: 1,
      compartments: ['semiconductors'],
      organisation: 'smallco',
      organisationKind: 'company',
      sharingCap: 1,
    });
    expect(user.clearance.level).toBe(1);
    await state.query('UPDATE users SET clearance_level = 2 WHERE id = $1', [user.id]);
    expect(await listed(headers)).toEqual([ids.open, ids.restricted].sort());
  });
});
