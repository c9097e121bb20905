import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { eventsAfter, listDecisions, listScores } from '../../src/data/exercises/sessionStore.ts';
import { LiveClient } from './liveClient.ts';
import { liveExercise } from './liveExercise.ts';

/**
 * Attacks on a live session by participants who must not learn a marked inject (取扱注意, level 1) or what follows
 * from it: a player of the same team without the clearance, a cleared player of another team, and an observer
 * without the clearance. Over the WebSocket (the raw frames) and over HTTP (the design, the event log, decisions,
 * scores and their totals), and at the store (the SQL leaves it out for the reader, not only the route).
 * The marked inject's title and body, the decision taken on it and the score given on it each carry a token
 * (XYZZY…) that must never reach them.
 */
type Who = Awaited<ReturnType<typeof testSession>>;

describe.each(stateBackends)('who may not see a marked inject never does (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let base: string;
  let origin: string;
  let facilitator: Who;
  let clearedGov: Who;
  let lowGov: Who;
  let otherTeam: Who;
  let observer: Who;
  let exerciseId: string;
  let sessionId: string;
  const clients: LiveClient[] = [];

  const open = async (s: Who, after?: number) => {
    const c = await LiveClient.open(
      `${base}/api/exercise-sessions/${sessionId}/live${after === undefined ? '' : `?after=${after}`}`,
      { cookie: s.headers.cookie, origin },
    );
    clients.push(c);
    await c.waitFor((f) => f.type === 'synced');
    return c;
  };
  const get = (url: string, who: Who) => app.inject({ url, headers: who.headers });
  const post = (url: string, who: Who, payload: object) =>
    app.inject({ method: 'POST', url, headers: who.headers, payload });
  const put = (url: string, who: Who, payload: object) =>
    app.inject({ method: 'PUT', url, headers: who.headers, payload });
  const hasInject = (id: string) => (f: Record<string, unknown>) =>
    (f.event as { inject?: { id: string } } | undefined)?.inject?.id === id;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), state, webDir: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    base = `ws://127.0.0.1:${port}`;
    origin = `http://127.0.0.1:${port}`;
    facilitator = await testSession(app, { role: 'analyst', level: 1 });
    clearedGov = await testSession(app, { role: 'viewer', level: 1 });
    lowGov = await testSession(app, { role: 'viewer', level: 0 });
    otherTeam = await testSession(app, { role: 'viewer', level: 1 });
    observer = await testSession(app, { role: 'viewer', level: 0 });
    const created = await post('/api/exercises', facilitator, liveExercise);
    expect(created.statusCode).toBe(201);
    exerciseId = created.json().id;
    for (const [who, role, team] of [
      [clearedGov, 'player', 'gov'],
      [lowGov, 'player', 'gov'],
      [otherTeam, 'player', 'industry'],
      [observer, 'observer', null],
    ] as const) {
      const res = await put(`/api/exercises/${exerciseId}/participants/${who.user.id}`, facilitator, {
        role,
        team,
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    const session = await post(`/api/exercises/${exerciseId}/sessions`, facilitator, {});
    sessionId = session.json().id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await app.close();
    await state.close();
  });

  it('keeps the marked inject, the decision and the score on it from them over WebSocket and HTTP', async () => {
    const f = await open(facilitator);
    const cleared = await open(clearedGov);
    const low = await open(lowGov);
    const other = await open(otherTeam);
    let watch = await open(observer);
    const act = (frame: object) => f.request({ type: 'action', ...frame });

    expect(await act({ action: 'start' })).toMatchObject({ type: 'ack' });
    expect(await act({ action: 'advance', to: 2 })).toMatchObject({ type: 'ack' });
    await cleared.waitFor(hasInject('stock-out'));
    await other.waitFor(hasInject('industry-note'));

    // The cleared player decides on the marked inject; the decision carries its marking.
    const secret = await cleared.request({
      type: 'decision',
      decision: {
        injectId: 'intel',
        action: 'Brief the minister only XYZZY-DECISION',
        rationale: 'XYZZY-WHY',
      },
    });
    expect(secret).toMatchObject({ type: 'ack' });
    // The uncleared player and the other team's player cannot decide on it: it answers like an inject that does not exist.
    const missing = await low.request({
      type: 'decision',
      decision: { injectId: 'no-such-inject', action: 'x' },
    });
    expect(missing).toMatchObject({ type: 'error', error: { code: 'not_found' } });
    for (const [client, injectId] of [
      [low, 'intel'],
      [other, 'intel'],
      [other, 'stock-out'],
    ] as const) {
      const refused = await client.request({ type: 'decision', decision: { injectId, action: 'x' } });
      expect(refused.error, `${injectId}`).toEqual(missing.error);
    }
    // An observer neither decides nor moves the clock.
    expect(
      await watch.request({ type: 'decision', decision: { injectId: 'brief', action: 'x' } }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await watch.request({ type: 'action', action: 'advance', by: 1 })).toMatchObject({
      error: { code: 'forbidden' },
    });
    // The uncleared gov player decides on the public stock-out: everyone on gov and the observer hear of it.
    expect(
      await low.request({
        type: 'decision',
        decision: {
          injectId: 'stock-out',
          action: 'Release 30 days',
          adjustment: { kind: 'stockpile-release', products: ['811292'], days: 30 },
        },
      }),
    ).toMatchObject({ type: 'ack' });
    await watch.waitFor((x) => (x.event as { kind?: string })?.kind === 'decision');

    // The facilitator scores the marked inject's expectation and the brief has none; the stock-out's is public.
    const score = (injectId: string, expectationId: string, comment: string) =>
      put(`/api/exercise-sessions/${sessionId}/scores`, facilitator, {
        injectId,
        expectationId,
        score: 80,
        comment,
      });
    expect((await score('intel', 'intel-e1', 'XYZZY-SCORE')).statusCode).toBe(200);
    expect((await score('stock-out', 'stock-out-e1', 'released in time')).statusCode).toBe(200);

    // The observer drops out; the session moves on; it reconnects from the last seq it saw and loses nothing.
    const lastSeen = watch.events().at(-1)!.seq as number;
    await watch.close();
    expect(await act({ action: 'advance', to: 3 })).toMatchObject({ type: 'ack' });
    await cleared.waitFor(hasInject('release-confirmed'));
    const back = await open(observer, lastSeen);
    const before = watch.events();
    watch = back;
    const whole = [...before, ...back.events()];
    const fromScratch = await open(observer);
    expect(fromScratch.events()).toEqual(whole);
    // What it missed: the clock moving on, the release confirmed, the escalation skipped (a release was decided).
    expect(
      back
        .events()
        .map((e) => (e.inject as { id?: string } | undefined)?.id ?? e.kind)
        .sort(),
    ).toEqual(['release-confirmed', 'skipped', 'state']);

    // What each received: the uncleared and the observer learn that the marked inject was withheld, never what it
    // said or what was decided on it; the other team's player does not even learn that it exists.
    const withheld = { kind: 'withheld', injectId: 'intel', at: 1, team: 'gov' };
    expect(low.events().filter((e) => e.kind === 'withheld')).toEqual([expect.objectContaining(withheld)]);
    expect(whole.filter((e) => e.kind === 'withheld')).toEqual([expect.objectContaining(withheld)]);
    expect(other.events().some((e) => e.kind === 'withheld')).toBe(false);
    for (const [name, c] of [
      ['uncleared player', low],
      ['other team', other],
      ['observer (before)', fromScratch],
      ['observer (after reconnect)', back],
    ] as const)
      for (const frame of c.raw) {
        expect(frame, name).not.toContain('XYZZY');
        expect(frame, name).not.toContain('Restricted assessment');
      }
    for (const frame of other.raw) {
      expect(frame).not.toContain('"intel"');
      expect(frame).not.toContain('Stocks run out');
    }
    // The cleared player has it, with its decision.
    expect(cleared.raw.some((f) => f.includes('XYZZY-BODY'))).toBe(true);
    expect(cleared.raw.some((f) => f.includes('XYZZY-DECISION'))).toBe(true);
    const decisionsSeen = (events: Record<string, unknown>[]) =>
      events.filter((e) => e.kind === 'decision').map((e) => (e.decision as { injectId: string }).injectId);
    expect(decisionsSeen(cleared.events())).toEqual(['intel', 'stock-out']);
    expect(decisionsSeen(low.events())).toEqual(['stock-out']);
    expect(decisionsSeen(whole)).toEqual(['stock-out']);
    expect(decisionsSeen(other.events())).toEqual([]);

    // HTTP: the design shows no player any inject; the observer sees the design without the marked one.
    for (const who of [lowGov, otherTeam, clearedGov]) {
      const design = await get(`/api/exercises/${exerciseId}`, who);
      expect(design.statusCode).toBe(200);
      expect(design.json().injects).toEqual([]);
    }
    const observed = await get(`/api/exercises/${exerciseId}`, observer);
    expect(observed.json().injects.map((i: { id: string }) => i.id)).toEqual(
      liveExercise.injects.map((i) => i.id).filter((id) => id !== 'intel'),
    );
    expect(observed.body).not.toContain('XYZZY');
    // The event log over HTTP is the socket's, for each of them.
    for (const [who, events] of [
      [lowGov, low.events()],
      [otherTeam, other.events()],
      [observer, fromScratch.events()],
    ] as const) {
      const log = await get(`/api/exercise-sessions/${sessionId}/events`, who);
      expect(log.body).not.toContain('XYZZY');
      expect(log.json().items).toEqual(events);
    }
    // Scores: the marked inject's is neither listed nor counted for those not cleared.
    for (const who of [lowGov, observer]) {
      const scores = (await get(`/api/exercise-sessions/${sessionId}/scores`, who)).json();
      expect(scores.total).toBe(1);
      expect(scores.items.map((s: { injectId: string }) => s.injectId)).toEqual(['stock-out']);
    }
    expect((await get(`/api/exercise-sessions/${sessionId}/scores`, clearedGov)).json().total).toBe(2);
    // A score on the marked inject by someone not cleared for it is refused like a missing inject.
    const scoring = await put(`/api/exercises/${exerciseId}/participants/${observer.user.id}`, facilitator, {
      role: 'evaluator',
      team: null,
    });
    expect(scoring.statusCode).toBe(204);
    const hidden = await put(`/api/exercise-sessions/${sessionId}/scores`, observer, {
      injectId: 'intel',
      expectationId: 'intel-e1',
      score: 10,
    });
    const absent = await put(`/api/exercise-sessions/${sessionId}/scores`, observer, {
      injectId: 'no-such-inject',
      expectationId: 'x',
      score: 10,
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(absent.json());

    // At the store: read as the uncleared player, SQL leaves out the decision and the score on the marked inject,
    // and the inject's event comes back withheld, without its content.
    const reader = { clearance: lowGov.user.clearance };
    const stored = await eventsAfter(state, sessionId, 0, reader);
    expect(stored.find((e) => e.kind === 'inject' && e.injectId === 'intel')).toMatchObject({
      withheld: { at: 1, team: 'gov' },
    });
    expect(JSON.stringify(stored)).not.toContain('XYZZY');
    expect((await listDecisions(state, sessionId, reader)).map((d) => d.injectId)).toEqual(['stock-out']);
    expect((await listScores(state, sessionId, reader)).map((s) => s.injectId)).toEqual(['stock-out']);
    expect((await listDecisions(state, sessionId)).map((d) => d.injectId).sort()).toEqual([
      'intel',
      'stock-out',
    ]);
  });

  it('a player moved to another team or removed is cut off at once, and comes back only as their part allows', async () => {
    const closed = (c: LiveClient) =>
      new Promise<number>((resolve) => c.socket.once('close', (code: number) => resolve(code)));
    const moved = await open(clearedGov);
    const movedClosed = closed(moved);
    const participant = `/api/exercises/${exerciseId}/participants/${clearedGov.user.id}`;
    expect((await put(participant, facilitator, { role: 'player', team: 'industry' })).statusCode).toBe(204);
    expect(await movedClosed).toBe(4000);
    // Reconnected, it is an industry player now: gov's injects are gone from its view, industry's are there.
    const again = await open(clearedGov);
    const ids = again.events().flatMap((e) => (e.kind === 'inject' ? [(e.inject as { id: string }).id] : []));
    expect(ids).toEqual(['brief', 'industry-note']);
    for (const frame of again.raw) expect(frame).not.toContain('XYZZY');
    // Removed: cut off, and the upgrade is refused.
    const againClosed = closed(again);
    expect(
      (await app.inject({ method: 'DELETE', url: participant, headers: facilitator.headers })).statusCode,
    ).toBe(204);
    expect(await againClosed).toBe(4000);
    await expect(
      LiveClient.open(`${base}/api/exercise-sessions/${sessionId}/live`, {
        cookie: clearedGov.headers.cookie,
        origin,
      }),
    ).rejects.toThrow('HTTP 403');
  });

  it('an exercise marked above the reader answers exactly like a missing one, on every route', async () => {
    const marked = await post('/api/exercises', facilitator, {
      ...liveExercise,
      marking: { level: 1, compartments: [], releasableTo: null },
    });
    expect(marked.statusCode).toBe(201);
    const id = marked.json().id;
    await put(`/api/exercises/${id}/participants/${lowGov.user.id}`, facilitator, {
      role: 'observer',
      team: null,
    });
    const session = (await post(`/api/exercises/${id}/sessions`, facilitator, {})).json().id as string;
    const urls = (x: string, s: string) => [
      `/api/exercises/${x}`,
      `/api/exercises/${x}/sessions`,
      `/api/exercises/${x}/outcomes`,
      `/api/exercises/${x}/report?format=pdf&org=test-ministry`,
      `/api/exercise-sessions/${s}`,
      `/api/exercise-sessions/${s}/events`,
      `/api/exercise-sessions/${s}/scores`,
    ];
    const hidden = urls(id, session);
    const missing = urls('no-such-exercise', 'no-such-session');
    for (const [i, url] of hidden.entries()) {
      const a = await get(url, lowGov);
      const b = await get(missing[i], lowGov);
      expect(a.statusCode, url).toBe(404);
      expect(a.json(), url).toEqual(b.json());
    }
    await expect(
      LiveClient.open(`${base}/api/exercise-sessions/${session}/live`, {
        cookie: lowGov.headers.cookie,
        origin,
      }),
    ).rejects.toThrow('HTTP 404');
    // Lowering the exercise's marking, or an inject's, needs declassify (and a reason): this analyst has neither.
    const lowerExercise = await put(`/api/exercises/${id}`, facilitator, {
      ...liveExercise,
      marking: { level: 0, compartments: [], releasableTo: null },
      reason: 'the exercise is over and may be shared',
    });
    expect(lowerExercise.statusCode).toBe(403);
    const lowerInject = await put(`/api/exercises/${exerciseId}`, facilitator, {
      ...liveExercise,
      injects: liveExercise.injects.map((i) => (i.id === 'intel' ? { ...i, marking: undefined } : i)),
      reason: 'the assessment has been published since',
    });
    expect(lowerInject.statusCode).toBe(403);
    expect(lowerInject.json().error.code).toBe('forbidden');
    const observed = (await get(`/api/exercises/${exerciseId}`, facilitator)).json();
    expect(observed.injects.find((i: { id: string }) => i.id === 'intel').marking.level).toBe(1);
    // Not listed and not counted.
    const list = (await get('/api/exercises', lowGov)).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(list.total).toBe(list.items.length);
    expect((await get('/api/exercises', facilitator)).json().total).toBe(list.total + 1);
  });
});
