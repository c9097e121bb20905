import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserAt, loopbackServer, type LoopbackServer } from './browserFetch.ts';
import { ApiError, apiUrl, get, post } from '../../web/src/api/client.ts';
import { startLoad } from '../../web/src/api/useApi.ts';

/** The web app's typed client against a real server on a loopback port (test/web/browserFetch.ts). */
let server: LoopbackServer;
let session: { cookie: string; csrf: string };
const browser = (cookie: string | null, csrf: string | null) => browserAt(server.base, cookie, csrf);

beforeAll(async () => {
  server = await loopbackServer();
  session = await server.session('analyst');
});
afterAll(async () => server?.close());
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('substitutes and encodes path parameters and leaves out empty query values', () => {
    expect(apiUrl('GET /api/scenarios/{id}', { path: { id: 'a/b c' }, query: { version: 2 } })).toBe(
      '/api/scenarios/a%2Fb%20c?version=2',
    );
    expect(
      apiUrl('GET /api/screens', {
        query: { reporter: 'JPN', year: 2024, critical: true, partner: '', q: undefined, method: null },
      }),
    ).toBe('/api/screens?reporter=JPN&year=2024&critical=true');
    expect(apiUrl('GET /api/zones')).toBe('/api/zones');
    expect(apiUrl('GET /api/screens', { query: new URLSearchParams('q=a&q=b') })).toBe(
      '/api/screens?q=a&q=b',
    );
  });

  it('names the route and the parameter when a path parameter is missing', () => {
    expect(() => apiUrl('GET /api/jobs/{id}', { path: {} as { id: string } })).toThrow(
      'GET /api/jobs/{id}: path parameter id is missing',
    );
  });
});

describe('request', () => {
  it("answers a route's JSON body", async () => {
    browser(null, null);
    expect(await get('GET /api/health')).toEqual({ status: 'ok', state: 'pglite', analytics: 'duckdb' });
  });

  it("throws the server's error as an ApiError with status, code and message", async () => {
    browser(null, null);
    const refused = await get('GET /api/datasets').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((refused as ApiError).message).not.toBe('');
  });

  it('sends a JSON body with the CSRF cookie echoed in a header; without the cookie the change is refused', async () => {
    browser(session.cookie, session.csrf);
    const created = await post('POST /api/tokens', { body: { name: 'client test' } });
    expect(created.token.name).toBe('client test');
    expect(created.secret.length).toBeGreaterThan(20);
    const listed = await get('GET /api/tokens');
    expect(listed.items.map((t) => t.name)).toContain('client test');

    browser(session.cookie, null);
    const refused = await post('POST /api/tokens', { body: { name: 'no csrf' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
  });

  it('carries the field a validation error names in its place', async () => {
    browser(session.cookie, session.csrf);
    const refused = await post('POST /api/tokens', { body: { name: '' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect(JSON.stringify((refused as ApiError).place) + (refused as ApiError).message).toMatch(/name/);
  });

  it('stops when its signal aborts', async () => {
    browser(session.cookie, session.csrf);
    const controller = new AbortController();
    controller.abort();
    await expect(get('GET /api/tokens', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('startLoad (the core of useApi)', () => {
  /** A load whose answer the test releases when it wants, recording the signal it was given. */
  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    let signal!: AbortSignal;
    const load = (s: AbortSignal) => {
      signal = s;
      return new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
    };
    return { load, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e), signal: () => signal };
  }
  const settled = () => new Promise((r) => setTimeout(r, 0));

  it('drops the late answer of a load cancelled for a newer key, and aborts its request', async () => {
    const seen: unknown[] = [];
    const older = deferred<string>();
    const newer = deferred<string>();
    const cancelOlder = startLoad(older.load, (o) => seen.push(o));
    cancelOlder(); // the key changed: the effect's clean-up
    startLoad(newer.load, (o) => seen.push(o));
    expect(older.signal().aborted).toBe(true);
    expect(newer.signal().aborted).toBe(false);
    newer.resolve('method=geodep');
    older.resolve('method=eu2021'); // arrives last, for parameters no longer shown
    await settled();
    expect(seen).toEqual([{ data: 'method=geodep' }]);
  });

  it('delivers an error of the current load as an Error, and nothing after its cancel', async () => {
    const seen: unknown[] = [];
    const failing = deferred<string>();
    startLoad(failing.load, (o) => seen.push(o));
    failing.reject('refused');
    await settled();
    expect(seen).toEqual([{ error: new Error('refused') }]);

    const cancelled = deferred<string>();
    startLoad(cancelled.load, (o) => seen.push(o))();
    cancelled.reject(new DOMException('aborted', 'AbortError'));
    await settled();
    expect(seen).toHaveLength(1);
  });
});
