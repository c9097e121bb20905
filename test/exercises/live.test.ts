import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { listDecisions } from '../../src/data/exercises/sessionStore.ts';
import { LiveClient } from './liveClient.ts';
import { liveExercise } from './liveExercise.ts';

describe.each(stateBackends)('live exercise session over WebSocket (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let base: string;
  let origin: string;
  let facilitator: Awaited<ReturnType<typeof testSession>>;
  let cleared: Awaited<ReturnType<typeof testSession>>;
  let uncleared: Awaited<ReturnType<typeof testSession>>;
  let outsider: Awaited<ReturnType<typeof testSession>>;
  let sessionId: string;
  const clients: LiveClient[] = [];

  const headers = (s: { headers: Record<string, string> }, from = origin) => ({
    cookie: s.headers.cookie,
    origin: from,
  });
  const open = async (s: { headers: Record<string, string> }, after?: number) => {
    const c = await LiveClient.open(
      `${base}/api/exercise-sessions/${sessionId}/live${after === undefined ? '' : `?after=${after}`}`,
      headers(s),
    );
    clients.push(c);
    await c.waitFor((f) => f.type === 'synced');
    return c;
  };

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), state, webDir: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    base = `ws://127.0.0.1:${address.port}`;
    origin = `http://127.0.0.1:${address.port}`;
    facilitator = await testSession(app, { role: 'analyst', level: 1 });
    cleared = await testSession(app, { role: 'viewer', level: 1 });
    uncleared = await testSession(app, { role: 'viewer', level: 0 });
    outsider = await testSession(app, { role: 'viewer', level: 1 });
    const created = await app.inject({
      method: 'POST',
      url: '/api/exercises',
      headers: facilitator.headers,
      payload: liveExercise,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    for (const [who, role, team] of [
      [cleared, 'player', 'gov'],
      [uncleared, 'player', 'gov'],
    ] as const) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/exercises/${id}/participants/${who.user.id}`,
        headers: facilitator.headers,
        payload: { role, team },
      });
      expect(res.statusCode).toBe(204);
    }
    const session = await app.inject({
      method: 'POST',
      url: `/api/exercises/${id}/sessions`,
      headers: facilitator.headers,
    });
    expect(session.statusCode).toBe(201);
    sessionId = session.json().id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await app.close();
    await state.close();
  });

  it('refuses the upgrade without a session, from another site, and to someone who takes no part', async () => {
    const url = `${base}/api/exercise-sessions/${sessionId}/live`;
    await expect(LiveClient.open(url, { origin })).rejects.toThrow('HTTP 401');
    await expect(LiveClient.open(url, headers(cleared, 'https://evil.example'))).rejects.toThrow('HTTP 403');
    await expect(LiveClient.open(url, { cookie: cleared.headers.cookie })).rejects.toThrow('HTTP 403');
    await expect(LiveClient.open(url, headers(outsider))).rejects.toThrow('HTTP 403');
  });

  it('delivers in order, by team and clearance, records decisions, and replays everything on reconnect', async () => {
    const f = await open(facilitator);
    const a = await open(cleared);
    const b = await open(uncleared);
    expect(await f.request({ type: 'action', action: 'start' })).toMatchObject({ type: 'ack' });
    // Players may not move the clock.
    expect(await b.request({ type: 'action', action: 'advance', by: 1 })).toMatchObject({
      type: 'error',
      error: { code: 'forbidden' },
    });
    expect(await f.request({ type: 'action', action: 'advance', to: 1 })).toMatchObject({ type: 'ack' });
    await b.waitFor((x) => (x.event as { kind?: string })?.kind === 'withheld');
    await a.waitFor((x) => (x.event as { inject?: { id: string } })?.inject?.id === 'intel');

    // The cleared player reads the marked inject; the uncleared one learns only that it was withheld.
    const intelA = a.events().find((e) => (e.inject as { id?: string })?.id === 'intel')!;
    expect((intelA.inject as { body: { en: string } }).body.en).toContain('XYZZY-BODY');
    const withheld = b.events().find((e) => e.kind === 'withheld')!;
    expect(withheld).toEqual({
      seq: intelA.seq,
      kind: 'withheld',
      simTime: 1,
      createdAt: intelA.createdAt,
      injectId: 'intel',
      at: 1,
      team: 'gov',
    });

    // Month 2: the stock-out goes to the gov team; the industry note goes to nobody on gov.
    expect(await f.request({ type: 'action', action: 'advance', by: 1 })).toMatchObject({ type: 'ack' });
    await b.waitFor((x) => (x.event as { inject?: { id: string } })?.inject?.id === 'stock-out');
    await f.waitFor((x) => (x.event as { inject?: { id: string } })?.inject?.id === 'industry-note');

    // A decision on the withheld inject is refused as if it did not exist; one on the stock-out is recorded.
    const refused = await b.request({
      type: 'decision',
      decision: { injectId: 'intel', action: 'Share it' },
    });
    expect(refused).toMatchObject({
      type: 'error',
      error: { code: 'not_found', place: { field: 'injectId' } },
    });
    const decided = await b.request({
      type: 'decision',
      decision: {
        injectId: 'stock-out',
        optionsConsidered: ['Release 30 days of stock', 'Wait'],
        action: 'Release 30 days of national stock',
        adjustment: { kind: 'stockpile-release', products: ['811292'], days: 30 },
        rationale: 'Stocks run out before supply recovers',
        owner: 'JOGMEC',
        followUp: 'Allocation rules by Friday',
      },
    });
    expect(decided).toMatchObject({ type: 'ack' });
    await a.waitFor((x) => (x.event as { kind?: string })?.kind === 'decision');
    await f.waitFor((x) => (x.event as { kind?: string })?.kind === 'decision');

    // Month 3: the release is confirmed (a release was decided); the escalation is skipped.
    expect(await f.request({ type: 'action', action: 'advance', to: 3 })).toMatchObject({ type: 'ack' });
    await a.waitFor((x) => (x.event as { inject?: { id: string } })?.inject?.id === 'release-confirmed');
    await f.waitFor((x) => (x.event as { kind?: string })?.kind === 'skipped');
    const final = await f.request({ type: 'ping' });
    expect(final).toEqual({ type: 'pong', requestId: final.requestId });

    const injectIds = (c: LiveClient) =>
      c.events().flatMap((e) => (e.kind === 'inject' ? [(e.inject as { id: string }).id] : []));
    expect(injectIds(f)).toEqual(['brief', 'intel', 'stock-out', 'industry-note', 'release-confirmed']);
    expect(injectIds(a)).toEqual(['brief', 'intel', 'stock-out', 'release-confirmed']);
    expect(injectIds(b)).toEqual(['brief', 'stock-out', 'release-confirmed']);
    expect(f.events().find((e) => e.kind === 'skipped')).toMatchObject({ injectId: 'escalation' });
    expect(b.events().some((e) => e.kind === 'skipped')).toBe(false);
    for (const c of [f, a, b]) {
      const seqs = c.events().map((e) => e.seq as number);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    // Nothing of the marked inject, nor the other team's, ever reached the uncleared player's socket.
    for (const frame of b.raw) {
      expect(frame).not.toContain('XYZZY');
      expect(frame).not.toContain('INDUSTRY-ONLY');
    }

    const [decision] = await listDecisions(state, sessionId);
    expect(decision).toMatchObject({
      injectId: 'stock-out',
      team: 'gov',
      userId: uncleared.user.id,
      optionsConsidered: ['Release 30 days of stock', 'Wait'],
      owner: 'JOGMEC',
      adjustment: { kind: 'stockpile-release', products: ['811292'], days: 30 },
      marking: { level: 0, compartments: [], releasableTo: null },
    });

    // A reload: the uncleared player reconnects from nothing and sees exactly what it saw; from its last seq, nothing.
    const seen = b.events();
    await b.close();
    const again = await open(uncleared);
    expect(again.events()).toEqual(seen);
    const resumed = await open(uncleared, seen.at(-1)!.seq as number);
    expect(resumed.events()).toEqual([]);
    // A player who missed part of it gets the rest, and then live events.
    const partial = await open(cleared, 3);
    expect(partial.events().map((e) => e.seq)).toEqual(
      a
        .events()
        .filter((e) => (e.seq as number) > 3)
        .map((e) => e.seq),
    );
    await f.request({ type: 'action', action: 'pause' });
    await partial.waitFor((x) => (x.event as { state?: string })?.state === 'paused');
    await again.waitFor((x) => (x.event as { state?: string })?.state === 'paused');

    // The HTTP view of the log is the same as the socket's.
    const http = await app.inject({
      url: `/api/exercise-sessions/${sessionId}/events`,
      headers: uncleared.headers,
    });
    expect(http.json().items).toEqual(again.events());
    expect(http.body).not.toContain('XYZZY');
  });
});
