import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

/**
 * Non-interference (issue 18, "make the class impossible"): what a reader sees must not depend on objects they
 * may not read. World A is a data folder with public data; world B is A plus hidden objects of every kind the
 * API writes or imports — a trade dataset, a country group, an EWS rule set and event — all marked above the
 * reader. (Raising the marking of an object the reader saw is not an addition: it rightly hides that object; see
 * groupMarkings.test.ts for CONCERN.) Every GET operation in /openapi.json, with each hidden object's id in its path parameters
 * and query parameters filled from a table, must answer a low-clearance reader in B exactly as in A (status and
 * body, after removing volatile fields). A route added later is walked without anyone writing a test for it.
 */
const secret = { level: 3, compartments: [], releasableTo: null };
const queryValues: Record<string, string> = {
  reporter: 'JPN',
  year: '2024',
  partner: 'CHN',
  hs: '811292',
  hs6: '811292',
  framework: 'x',
  from: '2018',
  to: '2024',
  field: 'x',
  q: 'ga',
  format: 'csv',
  a: 'x',
  b: 'x',
  version: '1',
};
/** Fields that differ between two identical requests (times, request ids), not by what was read. */
const volatile = new Set(['generatedAt', 'createdAt', 'updatedAt', 'elapsedMs', 'requestId', 'csrfToken', 'now']);

/** Parallel aggregation sums in any order: figures agree to 12 significant digits, not to the last bit. */
const rounded = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(12)));

function normalise(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), (key, value) =>
      volatile.has(key) ? undefined : typeof value === 'number' ? rounded(value) : value,
    );
  } catch {
    return body.replace(/-?\d+\.\d+(e-?\d+)?/g, (x) => String(rounded(Number(x))));
  }
}

describe('non-interference: hidden objects change nothing a reader below them sees', () => {
  let app: App;
  let root: string;
  let low: Record<string, string>;
  let high: Record<string, string>;
  let gets: { path: string; params: string[]; query: string[] }[] = [];
  const hiddenIds: string[] = ['SECRETG', 'baci-secret', 'secret-rules'];
  const pathsNamed: string[] = [];

  async function walk(): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    for (const op of gets) {
      const query = new URLSearchParams();
      for (const name of op.query) query.set(name, queryValues[name] ?? 'x');
      const queryVariants = [query.toString()];
      if (op.query.includes('dataset') || op.path.includes('screens') || op.path.includes('products')) {
        for (const dataset of ['baci-secret', 'nope']) {
          const withDataset = new URLSearchParams(query);
          withDataset.set('dataset', dataset);
          queryVariants.push(withDataset.toString());
        }
      }
      const idVariants = op.params.length ? hiddenIds : [''];
      for (const id of idVariants) {
        const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          encodeURIComponent(name === 'iso3' ? 'CHN' : name === 'hs6' ? '811292' : id),
        );
        for (const q of queryVariants) {
          const url = `${path}${q ? `?${q}` : ''}`;
          const res = await app.inject({ url, headers: low });
          // Issue 18, item 10: no answer, error or not, names a server path.
          if (res.body.includes(root)) pathsNamed.push(url);
          seen.set(url, `${res.statusCode} ${res.headers['x-chokepoint-marking'] ?? ''} ${normalise(res.body)}`);
        }
      }
    }
    return seen;
  }

  beforeAll(async () => {
    root = tempDir();
    await importSharedTrade(new DataDir(root).ensure(), { datasetId: 'baci-cm', labels: true });
    app = await buildApp({ dataDir: root, webDir: false });
    low = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    high = (await testSession(app, { role: 'administrator', level: 3 })).headers;
    const spec = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>>;
    };
    gets = Object.entries(spec.paths)
      .filter(([path, ops]) => path.startsWith('/api/') && ops.get)
      // Downloads of one's own jobs and the audit log are per user or per role, not marked objects of others.
      .map(([path, ops]) => ({
        path,
        params: (ops.get!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (ops.get!.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name),
      }));
  });
  afterAll(async () => app?.close());

  it('every GET answers the same in world B (A + hidden objects) as in world A', async () => {
    expect(gets.length).toBeGreaterThan(40);
    const before = await walk();

    // World B: hidden objects of every kind, each marked level 3.
    await app.services.state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-secret', $1::jsonb)`,
      [JSON.stringify(secret)],
    );
    await importSharedTrade(new DataDir(root), { datasetId: 'baci-secret' });
    const writes = [
      { method: 'PUT' as const, url: '/api/groups/SECRETG', payload: { members: ['KOR', 'TWN'], marking: secret } },
      {
        method: 'PUT' as const,
        url: '/api/ews/rule-sets/secret-rules',
        payload: {
          body: (await app.inject({ url: '/api/ews/rule-sets', headers: high })).json().items[0].body,
          marking: secret,
        },
      },
      {
        method: 'POST' as const,
        url: '/api/ews/events',
        payload: {
          country: 'CHN',
          hs: ['811292'],
          announced: '2024-01-05',
          effective: '2024-02-01',
          title: { ja: '非公開', en: 'hidden' },
          source: 'internal',
          marking: secret,
        },
      },
    ];
    for (const write of writes) {
      const res = await app.inject({ ...write, headers: high });
      expect(res.statusCode, `${write.method} ${write.url}: ${res.body}`).toBe(200);
    }
    // The hidden objects exist for a reader cleared for them.
    expect((await app.inject({ url: '/api/groups/SECRETG', headers: high })).statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/api/datasets', headers: high })).json().items.map((d: { id: string }) => d.id),
    ).toContain('baci-secret');

    const after = await walk();
    const differing = [...before].filter(([url, answer]) => after.get(url) !== answer);
    const firstDifference = (a: string, b = '') => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return Math.max(0, i - 80);
    };
    expect(
      differing.map(([url, a]) => {
        const b = after.get(url) ?? '';
        const at = firstDifference(a, b);
        return `${url}\n  A: …${a.slice(at, at + 240)}\n  B: …${b.slice(at, at + 240)}`;
      }),
    ).toEqual([]);
    expect(before.size).toBeGreaterThan(60);
    expect(pathsNamed).toEqual([]);
  });
});
