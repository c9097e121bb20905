import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { jsonDepth, maxJsonDepth } from '../../src/server/security/jsonBody.ts';
import { firstMatchingPath } from '../../src/server/security/requestChecks.ts';
import { publicBodyLimit } from '../../src/server/security/plugin.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Issue 18, items 8 and 11: bodies nested 10,000 deep, oversized bodies on public routes, NUL characters in path
 * and query parameters and non-finite numbers ("Infinity", "1e309") are refused with 400/413 naming the limit or
 * the field, never a 500 or a stalled server.
 */
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('jsonDepth and firstMatchingPath', () => {
  it('count object and array nesting outside strings, escapes included', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[","b":[]}')).toBe(2);
    expect(jsonDepth(nestedArrays(10_000))).toBe(10_000);
    expect(jsonDepth(nestedArrays(10_000), maxJsonDepth)).toBe(maxJsonDepth + 1);
  });

  it('finds the first matching value without recursion, at any depth', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const path = firstMatchingPath(deep, (v) => typeof v === 'string' && v.includes('\u0000'));
    expect(path?.split('.').length).toBe(100_000);
    expect(firstMatchingPath({ a: 1, b: [2, Infinity] }, (v) => v === Infinity)).toBe('b.1');
    expect(firstMatchingPath({ a: 1 }, (v) => v === 2)).toBeUndefined();
  });
});

describe.each(stateBackends)('request limits (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let admin: Awaited<ReturnType<typeof testSession>>;
  let auditor: Awaited<ReturnType<typeof testSession>>;
  // The audit log answers auditors only; every other GET route answers administrators.
  const headersFor = (path: string) => (path.startsWith('/api/audit') ? auditor : admin).headers;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    admin = await testSession(app, { role: 'administrator', level: 3 });
    auditor = await testSession(app, { role: 'auditor', level: 3 });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload,
      remoteAddress: '192.0.2.80',
    });

  it(`a body nested 10,000 deep gets 400 naming the limit (${maxJsonDepth}), signed in or not`, async () => {
    const signedIn = await post('/api/tokens', nestedObjects(10_000), admin.headers);
    const anonymous = await post('/api/consultation/cases', nestedArrays(10_000));
    const login = await post('/api/auth/login', nestedArrays(100));
    for (const res of [signedIn, anonymous, login]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(`deeper than ${maxJsonDepth} levels`);
      expect(res.json().error.place).toEqual({ field: 'body' });
    }
    // The limit itself is accepted: validation then answers about the content.
    const atLimit = await post(
      '/api/tokens',
      nestedObjects(maxJsonDepth - 1).replace('"a":', '"name":'),
      admin.headers,
    );
    expect(atLimit.json().error.message).not.toContain('deeper than');
  });

  it('public routes refuse bodies over their small limit with 413, before reading them', async () => {
    const big = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'x', password: 'p'.repeat(1024 * 1024) }),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('too_large');
    // A real connection that announces 1 MB and sends 1 kB: the 413 comes from the header alone.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const announced = await partialPost(
      port,
      '/api/auth/login',
      { 'content-length': String(1024 * 1024) },
      1024,
    );
    expect(announced).toBe(413);
    // Chunked (no length announced): refused once more than the limit has arrived, the rest never read.
    const chunked = await partialPost(
      port,
      '/api/consultation/cases',
      { 'transfer-encoding': 'chunked' },
      128 * 1024,
    );
    expect(chunked).toBe(413);
    expect(publicBodyLimit).toBeLessThanOrEqual(64 * 1024);
  });

  it('a NUL in any path or query parameter gets 400 naming the parameter', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
    let checked = 0;
    for (const { path, param, others } of getParameters(doc, (s) => s.type === 'string' && !s.enum)) {
      const res = await app.inject({ url: urlWith(path, param, 'a%00b', others), headers: headersFor(path) });
      expect(res.statusCode, `${path} ${param.in} ${param.name}: ${res.body}`).toBe(400);
      expect(res.json().error.place.field).toBe(param.name);
      expect(res.json().error.message).toContain('NUL');
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('Infinity, -Infinity and 1e309 in any integer or number parameter get 400 naming the parameter', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as OpenApi;
    let checked = 0;
    for (const { path, param, others } of getParameters(
      doc,
      (s) => s.type === 'integer' || s.type === 'number',
    )) {
      for (const value of ['Infinity', '-Infinity', '1e309']) {
        const res = await app.inject({ url: urlWith(path, param, value, others), headers: headersFor(path) });
        expect(res.statusCode, `${path} ${param.name}=${value}: ${res.body}`).toBe(400);
        // A schema bound (minimum, maximum) may answer first; otherwise the finite-number check names the field.
        const { message, place } = res.json().error as { message: string; place: { field?: string } };
        expect(
          message.includes(param.name) || place.field === param.name,
          `${path} ${param.name}: ${message}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    const body = await post('/api/tokens', '{"name":"n","extra":1e309}', admin.headers);
    expect(body.statusCode).toBe(400);
  });
});

/** Sends the headers and `bytes` of body, never the rest; resolves to the status the server answers with. */
function partialPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within 5 s after ${bytes} bytes: the server waits for the whole body`));
    }, 5000);
    request.on('close', () => clearTimeout(timer));
    request.write(`{"username":"${'x'.repeat(bytes)}`);
  });
}

interface ParamSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  pattern?: string;
  anyOf?: ParamSchema[];
}
interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: ParamSchema;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
}

/** Values for required parameters that pass their schema, so that the parameter under test is what is judged. */
const validValues: Record<string, string> = {
  reporter: 'JPN',
  iso3: 'JPN',
  from: 'JPYOK',
  to: 'NLRTM',
  field: 'uspto/semiconductors',
};

function getParameters(doc: OpenApi, select: (s: ParamSchema) => boolean) {
  const out: { path: string; param: Parameter; others: Parameter[] }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    const parameters = methods.get?.parameters ?? [];
    for (const param of parameters) {
      if (select(param.schema)) out.push({ path, param, others: parameters.filter((p) => p !== param) });
    }
  }
  return out;
}

function validValue(schema: ParamSchema): string {
  if (schema.anyOf) return validValue(schema.anyOf[0]);
  if (schema.enum) return String(schema.enum[0]);
  if (schema.type !== 'string') return String(schema.minimum ?? 1);
  return ['JPN', 'jpn', '261590'].find((v) => !schema.pattern || new RegExp(schema.pattern).test(v)) ?? 'JPN';
}

function urlWith(path: string, param: Parameter, value: string, others: Parameter[]): string {
  const valid = (p: Parameter) => validValues[p.name] ?? validValue(p.schema);
  let url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === param.name ? value : valid(others.find((p) => p.name === name)!),
  );
  const query = [
    ...others.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${valid(p)}`),
    ...(param.in === 'query' ? [`${param.name}=${value}`] : []),
  ];
  if (query.length) url += `?${query.join('&')}`;
  return url;
}
