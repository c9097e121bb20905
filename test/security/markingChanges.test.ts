import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';

/**
 * Issue 18, items 2 and 7: an analyst at level 2 replaced a level-3 rule set and made it level 0, and rule sets,
 * events, groups and scenarios accepted level 3 and compartments their writer does not hold. Every write that
 * sets a marking now goes through one rule (src/server/security/markingChanges.ts).
 */
const level = (n: number, compartments: string[] = []) => ({ level: n, compartments, releasableTo: null });

describe('marking changes', () => {
  let app: App;
  let secret: Record<string, string>;
  let declassifier: Record<string, string>;
  let analyst2: Record<string, string>;
  let ruleBody: unknown;

  beforeAll(async () => {
    app = await buildApp({ dataDir: tempDir(), webDir: false });
    secret = (await testSession(app, { role: 'analyst', level: 3 })).headers;
    declassifier = (await testSession(app, { role: 'analyst', level: 3, permissions: ['declassify'] })).headers;
    analyst2 = (await testSession(app, { role: 'analyst', level: 2 })).headers;
    const sets = (await app.inject({ url: '/api/ews/rule-sets', headers: secret })).json();
    ruleBody = sets.items.find((s: { id: string }) => s.id === 'default').body;
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/ews/rule-sets/top',
      headers: secret,
      payload: { body: ruleBody, marking: level(3) },
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => app?.close());

  const ruleSet = async (headers: Record<string, string>) =>
    (await app.inject({ url: '/api/ews/rule-sets', headers })).json().items.find((s: { id: string }) => s.id === 'top');

  it('a rule set the caller cannot read is not replaced: 404 exactly like a missing one, and it stays as it was', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/ews/rule-sets/top',
      headers: analyst2,
      payload: { body: ruleBody, marking: level(0) },
    });
    expect(put.statusCode).toBe(404);
    expect(put.json().error.message).toBe('rule set not found');
    expect((await ruleSet(secret)).marking).toEqual(level(3));
    expect(await ruleSet(analyst2)).toBeUndefined();
  });

  it('lowering a marking needs declassify and a reason, and is audited as a declassification', async () => {
    const lower = { method: 'PUT' as const, url: '/api/ews/rule-sets/top' };
    const without = await app.inject({ ...lower, headers: secret, payload: { body: ruleBody, marking: level(1) } });
    expect(without.statusCode).toBe(403);
    const noReason = await app.inject({ ...lower, headers: declassifier, payload: { body: ruleBody, marking: level(1) } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.place.field).toBe('reason');
    const ok = await app.inject({
      ...lower,
      headers: declassifier,
      payload: { body: ruleBody, marking: level(1), reason: 'released for the partners exercise' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await ruleSet(analyst2)).marking).toEqual(level(1));
    const { items } = await listAudit(app.services.state, { action: 'declassify' });
    expect(items.find((e) => e.objectId === 'top')?.details).toEqual({ reason: 'released for the partners exercise' });
  });

  it('nobody marks above their clearance or with a compartment they do not hold: rule sets, events, groups, scenarios', async () => {
    const event = {
      country: 'CHN',
      hs: ['2504'],
      announced: '2023-10-20',
      effective: '2023-12-01',
      title: { ja: '黒鉛の輸出管理', en: 'Graphite export control' },
      source: 'https://example.org/announcement',
    };
    for (const marking of [level(3), level(1, ['nuclear'])]) {
      const writes = [
        { method: 'PUT' as const, url: '/api/ews/rule-sets/mine', payload: { body: ruleBody, marking } },
        { method: 'POST' as const, url: '/api/ews/events', payload: { ...event, marking } },
        { method: 'PUT' as const, url: '/api/groups/MINE', payload: { members: ['JPN', 'KOR'], marking } },
        { method: 'POST' as const, url: '/api/scenarios', payload: { text: 'name: x', marking } },
      ];
      for (const write of writes) {
        const res = await app.inject({ ...write, headers: analyst2 });
        expect(res.statusCode, `${write.method} ${write.url} ${JSON.stringify(marking)}`).toBe(403);
        expect(res.json().error.place.field).toBe('marking');
      }
    }
    // At their own level they may.
    const own = await app.inject({
      method: 'PUT',
      url: '/api/groups/MINE',
      headers: analyst2,
      payload: { members: ['JPN', 'KOR'], marking: level(2) },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().marking).toEqual(level(2));
  });
});
