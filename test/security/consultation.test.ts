import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/** The anonymous consultation desk: no account, a random case token, nothing identifying stored. */
describe.each(stateBackends)('consultation desk (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('a question gets a token, staff answer it, the requester reads the answer; no address or agent is stored', async () => {
    const identifying = {
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'AgentSmith/9.9 (unique-fingerprint)' },
    };
    const question = '取引先から設計図面の提供を求められています。技術流出に当たりますか?';
    const opened = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      payload: { topic: 'technology_leakage', question },
      ...identifying,
    });
    expect(opened.statusCode).toBe(201);
    const token = opened.json().caseToken as string;
    expect(token).toMatch(/^case_[A-Za-z0-9_-]{43}$/);

    const staff = await testSession(app, { role: 'analyst' });
    const list = await app.inject({ url: '/api/consultation/cases', headers: staff.headers });
    expect(list.json().total).toBe(1);
    const caseId = list.json().items[0].id as string;
    const viewer = await testSession(app, { role: 'viewer' });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/consultation/cases/${caseId}/answers`,
          headers: viewer.headers,
          payload: { body: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const answer = 'はい、該非判定が必要です。経済産業省の窓口にご相談ください。';
    const answered = await app.inject({
      method: 'POST',
      url: `/api/consultation/cases/${caseId}/answers`,
      headers: staff.headers,
      payload: { body: answer },
    });
    expect(answered.json().status).toBe('answered');

    const read = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases/read',
      payload: { token },
      ...identifying,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().messages.map((m: { author: string; body: string }) => [m.author, m.body])).toEqual([
      ['requester', question],
      ['staff', answer],
    ]);
    expect(read.json()).not.toHaveProperty('id');
    // Requester timestamps only to the day.
    expect(read.json().messages[0].createdAt).toMatch(/T00:00:00\.000Z$/);
    const follow = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases/reply',
      payload: { token, body: 'ありがとうございます' },
    });
    expect(follow.json().status).toBe('open');

    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/consultation/cases/read',
          payload: { token: `${token.slice(0, -2)}xx` },
        })
      ).statusCode,
    ).toBe(404);

    // Nothing identifying anywhere in the state database: dump every table as text and search.
    const tables = await state.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_name } of tables) {
      const rows = await state.query(`SELECT * FROM "${table_name}"`);
      const text = JSON.stringify(rows);
      expect(text, table_name).not.toContain('203.0.113.77');
      expect(text, table_name).not.toContain('AgentSmith');
      expect(text, table_name).not.toContain(token);
    }
  });

  it('only the desk, health and login are reachable without a session', async () => {
    expect((await app.inject({ url: '/api/consultation/cases' })).statusCode).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      payload: { topic: 'gossip', question: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      payload: { topic: 'coercion', question: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.place.field).toBe('body');
  });
});
