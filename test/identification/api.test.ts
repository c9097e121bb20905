import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';
import { ensureCriticalGoodsList } from '../../src/data/ews/criticalGoodsList.ts';
import { listItems } from '../../src/data/ews/ewsState.ts';
import { criticalHsCodes } from '../../src/data/reference/criticalGoodsRegistry.ts';
import { domainIds } from '../../src/data/reference/domains.ts';
import { riskLevels, riskTypeIds } from '../../src/analysis/risks/riskTypes.ts';
import { Domain, RiskLevel, RiskType } from '../../src/server/routes/identification/schemas.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

const restricted = { level: 2, compartments: [], releasableTo: null };
const publicMarking = { level: 0, compartments: [], releasableTo: null };

describe('identification schemas', () => {
  it('list exactly the domains, risk types and levels of the data layer', () => {
    const values = (s: { anyOf: { const: string }[] }) => s.anyOf.map((l) => l.const);
    expect(values(Domain as never)).toEqual([...domainIds]);
    expect(values(RiskType as never)).toEqual([...riskTypeIds]);
    expect(values(RiskLevel as never)).toEqual([...riskLevels]);
  });
});

describe.each(stateBackends)('identification API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let declassifier: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    await importSharedTrade(app.services.dataDir);
    analyst = (await testSession(app, { role: 'analyst', level: 2 })).headers;
    declassifier = (await testSession(app, { role: 'analyst', level: 2, permissions: ['declassify'] })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('a good added through the API reaches the critical HS codes and the early-warning list; marked, it stays hidden', async () => {
    const listId = await ensureCriticalGoodsList(state, new Date());
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/entries',
      headers: analyst,
      payload: {
        id: 'test-perovskite',
        kind: 'good',
        ja: 'ペロブスカイト太陽電池',
        en: 'Perovskite solar cells',
        hs: [{ hs6: '854142', match: 'approximate', note: 'photovoltaic cells assembled in modules', source: 'test' }],
        domains: ['clean-tech'],
        marking: restricted,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ews.find((s: { list: string }) => s.list === listId)).toMatchObject({ added: 1 });
    expect((await criticalHsCodes(state)).get('854142')).toEqual(['test-perovskite']);
    const item = (await listItems(state, { listId })).find((i) => i.hs === '854142')!;
    expect(item).toMatchObject({ grade: 'B', marking: restricted });
    // Hidden from a reader below its marking: 404 like a missing entry, and left out of lists.
    const hidden = await app.inject({ url: '/api/registry/entries/test-perovskite', headers: viewer });
    const missing = await app.inject({ url: '/api/registry/entries/no-such-entry', headers: viewer });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const list = (await app.inject({ url: '/api/registry/entries', headers: viewer })).json();
    expect(list.items.some((e: { id: string }) => e.id === 'test-perovskite')).toBe(false);
    const audit = await listAudit(state, { action: 'registry.add' });
    expect(audit.items.some((a) => a.objectId === 'test-perovskite')).toBe(true);
  });

  it('risk register: a judgement is marked and audited; lowering it needs declassify and a reason', async () => {
    const assess = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/identification/risk-register/assessments', headers, payload });
    const base = {
      entryId: 'semiconductors',
      reporter: 'JPN',
      riskType: 'coercion-technology-transfer',
      judgement: 'Equipment makers depend on one market for a third of sales.',
      evidence: [{ kind: 'analysis', ref: '/api/identification/coercion?reporter=JPN&direction=exports', note: '' }],
    };
    const first = await assess(analyst, { ...base, level: 'high', marking: restricted });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ level: 'high', marking: restricted });
    const row = (who: Record<string, string>) =>
      app
        .inject({ url: '/api/identification/risk-register?reporter=JPN&entry=semiconductors', headers: who })
        .then((r) => r.json().items[0]?.risks.find((c: { riskType: string }) => c.riskType === base.riskType));
    expect((await row(analyst)).assessment.level).toBe('high');
    expect((await row(viewer)).assessment).toBeNull();
    const lower = { ...base, level: 'medium', marking: publicMarking };
    expect((await assess(analyst, lower)).statusCode).toBe(403);
    expect((await assess(declassifier, lower)).json().error.place).toEqual({ field: 'reason' });
    const lowered = await assess(declassifier, { ...lower, reason: 'figures are from public trade data' });
    expect(lowered.statusCode, lowered.body).toBe(201);
    expect((await row(viewer)).assessment.level).toBe('medium');
    const audit = await listAudit(state, { action: 'risk.assess' });
    expect(audit.items.find((a) => a.details?.declassified)?.details).toMatchObject({
      declassified: 'figures are from public trade data',
    });
    // A viewer may not write, an unknown entry answers 404, a bad evidence link names its place.
    expect((await assess(viewer, { ...base, level: 'low' })).statusCode).toBe(403);
    expect((await assess(analyst, { ...base, entryId: 'nothing', level: 'low' })).statusCode).toBe(404);
    const bad = await assess(analyst, { ...base, level: 'low', evidence: [{ kind: 'link', ref: 'file:///etc', note: '' }] });
    expect(bad.json().error.place).toEqual({ field: 'evidence[0].ref' });
  });

  it('coercion, surges, supplier push, mineral chains and leakage answer with a marking and provenance', async () => {
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: viewer });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json();
    };
    const coercion = await get('/api/identification/coercion?reporter=JPN&coercer=CHN&year=2024&direction=imports');
    expect(coercion.counts).toMatchObject({ products: 28, atRisk: 6 });
    expect(coercion.marking).toEqual(publicMarking);
    expect(coercion.provenance.dataset).toBe('baci-hs17');
    const alternatives = await get('/api/identification/alternatives?reporter=AUS&coercer=CHN&year=2024&hs6=260600&direction=exports&limit=3');
    expect(alternatives.items).toHaveLength(3);
    const surges = await get('/api/identification/surges?reporter=USA&supplier=CHN&year=2024');
    expect(surges.counts.surges).toBe(0);
    const push = await get('/api/identification/supplier-push?hs6=811292&year=2024&limit=5');
    expect(push.fromYear).toBe(2021);
    const chains = await get('/api/identification/mineral-chains?reporter=JPN&year=2024&mineral=cobalt');
    expect(chains.items[0].stages.map((s: { stage: string }) => s.stage)).toEqual(['mining', 'refining', 'trade', 'imports']);
    const leakage = await get('/api/identification/leakage?reporter=JPN&concern=RUS&year=2024&hs=811292');
    expect(leakage.items[0].hs6).toBe('811292');
    const bad = await app.inject({ url: '/api/identification/coercion?reporter=JPN&year=2024&direction=sideways', headers: viewer });
    expect(bad.statusCode).toBe(400);
  });
});
