import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fieldOfPath } from '../../src/server/validationError.ts';

/**
 * API errors carry a reason with parameters beside the code (issue 27), so the web app can say them in Japanese;
 * the English message stays in the body for API users.
 */
const example = fs.readFileSync('examples/scenario-gallium-germanium.yaml', 'utf8');

describe('API error reasons', () => {
  let app: App;
  let headers: Record<string, string>;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    app = await buildApp({ dataDir: tempDir(), webDir: false });
    headers = (await testSession(app, { role: 'analyst' })).headers;
  });
  afterAll(async () => app?.close());

  it('a scenario value: shocks[0].duration must not be negative, with the value given', async () => {
    const r = await post('/api/scenarios', { text: example.replace('duration: 6 months', 'duration: -2') });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toEqual({
      code: 'bad_input',
      message: 'must not be negative (got -2)',
      place: { field: 'shocks[0].duration' },
      reason: 'value.not_negative',
      params: { got: '-2' },
    });
  });

  it('a scenario value: name must be a non-empty text', async () => {
    const r = await post('/api/scenarios', { text: example.replace(/^name: .*$/m, "name: ''") });
    expect(r.json().error).toMatchObject({
      message: 'must be a non-empty text',
      place: { field: 'name' },
      reason: 'value.non_empty_text',
      params: {},
    });
  });

  it('schema validation: the field as forms name it, the Ajv keyword as a reason', async () => {
    const empty = await post('/api/ews/items', {
      list: '',
      reporter: 'CHN',
      hs: '250410',
      flow: 'export',
      grade: 'A',
      dataset: 'x',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'bad_input',
      place: { field: 'list' },
      reason: 'value.non_empty_text',
    });
    // Fastify's own English message is kept for API users.
    expect(empty.json().error.message).toMatch(/list must NOT have fewer than 1 characters/);
    const missing = await post('/api/ews/scans', { from: '2023-1' });
    expect(missing.json().error).toMatchObject({
      place: { field: 'from' },
      reason: 'schema.pattern',
      params: { pattern: '^\\d{4}-\\d{2}$' },
    });
    const extra = await post('/api/ews/scans', { months: 3 });
    expect(extra.json().error).toMatchObject({
      place: { field: 'months' },
      reason: 'schema.unknown_field',
      params: { name: 'months' },
    });
    const required = await post('/api/ews/items/generate', {});
    expect(required.json().error).toMatchObject({ place: { field: 'dataset' }, reason: 'schema.required' });
  });

  it('a missing object names it: scenario not found, dataset not found', async () => {
    const r = await app.inject({ url: '/api/scenarios/00000000-0000-4000-8000-000000000000', headers });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({
      code: 'not_found',
      message: 'scenario not found',
      reason: 'not_found.object',
      params: { object: 'scenario' },
    });
    const rules = await post('/api/ews/backtest', { dataset: 'nope' });
    expect(rules.json().error).toMatchObject({ reason: 'not_found.object', params: { object: 'dataset' } });
  });

  it('turns a JSON pointer into the field path forms use', () => {
    expect(fieldOfPath('/shocks/0/duration')).toBe('shocks[0].duration');
    expect(fieldOfPath('')).toBe('');
    expect(fieldOfPath('/a~1b/2')).toBe('a/b[2]');
  });
});
