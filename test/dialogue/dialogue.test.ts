import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { openCase } from '../../src/data/security/consultation.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

/**
 * Dialogue records (官民対話; issue 24) through the API: a hearing about neodymium magnets with its findings and
 * follow-ups, filters in SQL, hidden records, bad input by field, a finding applied to the critical goods registry
 * through the registry's own write path, and a scenario draft opened from a finding.
 */
const publicMarking = { level: 0, compartments: [], releasableTo: null };
const confidential = { level: 2, compartments: [], releasableTo: null };

const hearing = (over: Record<string, unknown> = {}) => ({
  heldOn: '2026-11-20',
  kind: 'hearing',
  title: 'Hearing with a magnet maker on NdFeB supply',
  participants: [
    { name: 'Taro Yamada', organisation: 'Magnet Co.', role: 'procurement head' },
    { name: 'Keiko Ito', organisation: 'METI', role: null },
  ],
  organisations: ['magnet-co'],
  topics: ['rare earths', 'dysprosium'],
  products: ['850511'],
  technologies: ['tech-electrical'],
  cases: [],
  summary: 'Dysprosium for high-temperature magnets comes almost entirely through one processor.',
  findings: [
    {
      text: 'Sintered NdFeB magnet alloys (HS 850511 inputs) come from China; no qualified alternative for 18 months.',
      product: '850511',
      country: 'CHN',
      registryProposal: {
        good: 'permanent-magnets',
        hs: [
          {
            hs6: '720299',
            match: 'input',
            note: 'other ferro-alloys (NdFeB master alloy), from the hearing',
          },
        ],
        note: null,
      },
    },
    { text: 'Inventory covers about 40 days.', product: null, country: null, registryProposal: null },
  ],
  followUps: [
    { action: 'Send the hearing minutes for review', owner: 'k.ito', dueOn: '2026-12-04', done: false },
    { action: 'Ask JOGMEC about stockpile levels', owner: 'k.ito', dueOn: '2027-01-15', done: false },
  ],
  marking: publicMarking,
  ...over,
});

describe.each(stateBackends)('dialogue records (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let high: Record<string, string>;
  let low: Record<string, string>;
  let viewer: Record<string, string>;
  let recordId: string;

  beforeAll(async () => {
    state = await openTestState(backend, { fresh: true });
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    analyst = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    high = (await testSession(app, { role: 'analyst', level: 2, permissions: [] })).headers;
    low = (await testSession(app, { role: 'analyst', level: 0 })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 2 })).headers;
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const post = (headers: Record<string, string>, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers, payload: payload as object });

  it('records a hearing with findings and follow-ups, audited, and reads it back', async () => {
    const res = await post(analyst, '/api/dialogue', hearing());
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    recordId = saved.id;
    expect(saved.findings).toHaveLength(2);
    expect(saved.findings[0]).toMatchObject({ product: '850511', country: 'CHN', scenarioId: null });
    expect(saved.followUps.map((f: { dueOn: string }) => f.dueOn)).toEqual(['2026-12-04', '2027-01-15']);
    const read = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: viewer })).json();
    expect(read.participants[0]).toEqual({
      name: 'Taro Yamada',
      organisation: 'Magnet Co.',
      role: 'procurement head',
    });
    expect(read.heldOn).toBe('2026-11-20');
    const [entry] = await state.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_type = 'dialogue-record' AND object_id = $1`,
      [recordId],
    );
    expect(entry.action).toBe('create');
  });

  it('a new record is restricted unless marked; a confidential one is hidden like a missing one, also in totals', async () => {
    const restricted = await post(
      analyst,
      '/api/dialogue',
      hearing({
        marking: undefined,
        title: 'Association meeting',
        kind: 'association-meeting',
        products: ['284690'],
      }),
    );
    expect(restricted.json().marking.level).toBe(1);
    const secret = await post(
      high,
      '/api/dialogue',
      hearing({ marking: confidential, title: 'Confidential hearing' }),
    );
    expect(secret.statusCode).toBe(201);
    const id = secret.json().id;
    const missing = await app.inject({ url: '/api/dialogue/no-such-record', headers: analyst });
    const hidden = await app.inject({ url: `/api/dialogue/${id}`, headers: analyst });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    // Totals count only readable rows: level 2 sees 3 records, level 1 two, level 0 one.
    const total = async (h: Record<string, string>, q = '') =>
      (await app.inject({ url: `/api/dialogue${q}`, headers: h })).json().total;
    expect(await total(high)).toBe(3);
    expect(await total(analyst)).toBe(2);
    expect(await total(low)).toBe(1);
    // Filters (SQL): product, kind, technology, words, dates, open follow-ups.
    expect(await total(high, '?product=850511')).toBe(2);
    expect(await total(high, '?product=284690')).toBe(1);
    expect(await total(high, '?kind=association-meeting')).toBe(1);
    expect(await total(high, '?technology=tech-electrical')).toBe(3);
    expect(await total(high, '?q=Confidential')).toBe(1);
    expect(await total(analyst, '?q=Confidential')).toBe(0);
    expect(await total(high, '?from=2026-11-21')).toBe(0);
    expect(await total(high, '?openFollowUps=true')).toBe(3);
    // Follow-ups due by the end of 2026: one per record the reader may read.
    const due = (
      await app.inject({ url: '/api/dialogue/follow-ups?before=2026-12-31', headers: analyst })
    ).json();
    expect(due.total).toBe(2);
    expect(due.items.every((f: { dueOn: string }) => f.dueOn === '2026-12-04')).toBe(true);
  });

  it('bad input is refused naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ technologies: ['tech-unknown'] }, 'technologies[0]'],
      [{ heldOn: '2026-02-30' }, 'heldOn'],
      [
        { findings: [{ text: 'x', product: '850511', country: 'XXX', registryProposal: null }] },
        'findings[0].country',
      ],
    ];
    for (const [over, field] of cases) {
      const res = await post(analyst, '/api/dialogue', hearing(over));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.place.field).toBe(field);
    }
    // Nobody marks above their own clearance.
    expect((await post(analyst, '/api/dialogue', hearing({ marking: confidential }))).statusCode).toBe(403);
  });

  it('links consultation-desk cases only for desk staff, and only existing ones', async () => {
    const { id: caseId } = await openCase(
      state,
      'technology_leakage',
      'A buyer asked for our magnet recipes.',
    );
    const desk = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    const ok = await post(desk, '/api/dialogue', hearing({ cases: [caseId] }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().cases).toEqual([caseId]);
    const missingCase = await post(desk, '/api/dialogue', hearing({ cases: ['no-such-case'] }));
    expect(missingCase.json().error.place.field).toBe('cases[0]');
    const nonDesk = (await testSession(app, { role: 'viewer', level: 1 })).headers;
    expect((await post(nonDesk, '/api/dialogue', hearing({ cases: [caseId] }))).statusCode).toBe(403);
  });

  it('applies a finding’s proposal through the registry’s write path, once', async () => {
    const record = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: analyst })).json();
    const finding = record.findings[0].id;
    const url = `/api/dialogue/${recordId}/findings/${finding}/apply-registry`;
    expect((await post(viewer, url, {})).statusCode).toBe(403);
    const res = await post(analyst, url, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hs).toEqual(['850511', '850519', '280530', '284690', '720299']);
    const good = (await app.inject({ url: '/api/critical-goods/permanent-magnets', headers: viewer })).json();
    expect(good.hs.map((h: { hs6: string }) => h.hs6)).toContain('720299');
    const [entry] = await state.query<{ actor: string; details: { from: { dialogue: string } } }>(
      `SELECT actor, details FROM audit_log WHERE object_type = 'critical-good' AND object_id = 'permanent-magnets'`,
    );
    expect(entry.details.from.dialogue).toBe(recordId);
    expect((await post(analyst, url, {})).statusCode).toBe(409);
    const after = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: analyst })).json();
    expect(after.findings[0].registryAppliedAt).not.toBeNull();
  });

  it('a marked record’s proposal reaches the public registry only with declassify and a reason', async () => {
    const res = await post(
      analyst,
      '/api/dialogue',
      hearing({ marking: { level: 1, compartments: [], releasableTo: null } }),
    );
    const record = res.json();
    const url = `/api/dialogue/${record.id}/findings/${record.findings[0].id}/apply-registry`;
    const refused = await post(analyst, url, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/declassify/);
  });

  it('opens a scenario draft from a finding: its country cuts exports of its product, marked as the record', async () => {
    const record = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: analyst })).json();
    const res = await post(
      analyst,
      `/api/dialogue/${recordId}/findings/${record.findings[0].id}/scenario`,
      {},
    );
    expect(res.statusCode, res.body).toBe(201);
    const scenario = (
      await app.inject({ url: `/api/scenarios/${res.json().scenario}`, headers: analyst })
    ).json();
    expect(scenario.marking).toEqual(publicMarking);
    expect(scenario.text).toContain('exporter: "CHN"');
    expect(scenario.text).toContain('products: ["850511"]');
    const after = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: analyst })).json();
    expect(after.findings[0].scenarioId).toBe(res.json().scenario);
    // A finding without product and country cannot open one.
    const none = await post(
      analyst,
      `/api/dialogue/${recordId}/findings/${record.findings[1].id}/scenario`,
      {},
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().error.place.field).toBe('findings[1]');
  });

  it('edits keep findings’ ids and what was done from them; follow-ups are marked done', async () => {
    const record = (await app.inject({ url: `/api/dialogue/${recordId}`, headers: analyst })).json();
    const body = hearing({
      findings: record.findings.map((f: Record<string, unknown>) => ({
        id: f.id,
        text: f.text,
        product: f.product,
        country: f.country,
        registryProposal: f.registryProposal,
      })),
      followUps: record.followUps.map((f: Record<string, unknown>) => ({
        id: f.id,
        action: f.action,
        owner: f.owner,
        dueOn: f.dueOn,
        done: f.done,
      })),
      summary: 'edited',
    });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/dialogue/${recordId}`,
      headers: analyst,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary).toBe('edited');
    expect(res.json().findings[0]).toMatchObject({
      id: record.findings[0].id,
      scenarioId: record.findings[0].scenarioId,
    });
    expect(res.json().findings[0].registryAppliedAt).not.toBeNull();
    const done = await post(analyst, `/api/dialogue/${recordId}/follow-ups/${record.followUps[0].id}/done`, {
      done: true,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().followUp.doneAt).not.toBeNull();
    const due = (
      await app.inject({ url: '/api/dialogue/follow-ups?before=2026-12-31', headers: low })
    ).json();
    expect(due.items.map((f: { id: string }) => f.id)).not.toContain(record.followUps[0].id);
  });
});
