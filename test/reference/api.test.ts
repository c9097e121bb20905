import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { setGroup } from '../../src/data/reference/groupStore.ts';

describe.each(stateBackends)('groups and countries API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), state, webDir: false });
    analyst = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/groups' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/countries' })).statusCode).toBe(401);
  });

  it('lists the countries with codes and both names', async () => {
    const res = await app.inject({ url: '/api/countries', headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const twn = body.items.find((c: { iso3: string }) => c.iso3 === 'TWN');
    expect(twn).toMatchObject({ baciCodes: [490], customsCode: 106, ja: '台湾', regionJa: '東アジア' });
    expect(body.total).toBe(body.items.length);
    const historical = (await app.inject({ url: '/api/countries?kind=historical', headers: viewer })).json();
    expect(historical.items.map((c: { iso3: string }) => c.iso3).sort()).toEqual([
      'ANT',
      'CSK',
      'DDR',
      'SCG',
      'SUN',
      'YUG',
    ]);
  });

  it('lists groups with the examples labelled, and reads one', async () => {
    const list = (await app.inject({ url: '/api/groups', headers: viewer })).json();
    const concern = list.items.find((g: { id: string }) => g.id === 'CONCERN');
    expect(concern.example).toBe(true);
    expect(concern.exampleLabel.en).toBe('example — edit to your policy');
    const eu = (await app.inject({ url: '/api/groups/EU27', headers: viewer })).json();
    expect(eu.members).toHaveLength(27);
    expect(eu.members.find((m: { iso3: string }) => m.iso3 === 'DEU')).toEqual({
      iso3: 'DEU',
      en: 'Germany',
      ja: 'ドイツ',
    });
  });

  it('lets an analyst replace members; a viewer may not; unknown members are refused with their place', async () => {
    const body = { members: ['CHN', 'Russia', 'prk'] };
    const forbidden = await app.inject({
      method: 'PUT',
      url: '/api/groups/CONCERN',
      headers: viewer,
      payload: body,
    });
    expect(forbidden.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/groups/CONCERN',
      headers: analyst,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().members.map((m: { iso3: string }) => m.iso3)).toEqual(['CHN', 'RUS', 'PRK']);
    expect(ok.json().example).toBe(false);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/groups/CONCERN',
      headers: analyst,
      payload: { members: ['Atlantis'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'unknown_code', place: { field: 'members[0]' } });
  });

  it('hides a marked group from users without clearance, like a missing one', async () => {
    await setGroup(state, {
      id: 'SECRET_SUPPLIERS',
      members: ['AUS'],
      marking: { level: 2, compartments: [], releasableTo: null },
    });
    const hidden = await app.inject({ url: '/api/groups/SECRET_SUPPLIERS', headers: viewer });
    const missing = await app.inject({ url: '/api/groups/NO_SUCH_GROUP', headers: viewer });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const list = (await app.inject({ url: '/api/groups', headers: analyst })).json();
    expect(list.items.map((g: { id: string }) => g.id)).not.toContain('SECRET_SUPPLIERS');
  });
});
