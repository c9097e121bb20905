import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { Marking, MarkingLevel } from '../../src/analysis/marking.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import type { AuthzDeclaration } from '../../src/server/security/authz.ts';
import { roles, type Role } from '../../src/data/security/roles.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { authzFixtures } from '../helpers/authzFixtures.ts';

/**
 * Authorization matrix generated from /openapi.json: every operation × role × clearance × marking.
 * Each operation's `x-chokepoint-authz` says how to exercise it (docs/security.md). The expected outcome is
 * computed here independently of src/analysis/marking.ts: a user reads a marking when level ≤ clearance,
 * every compartment is held, and releasability is unrestricted or names the user's organisation.
 */
type Declared = AuthzDeclaration & { public: boolean; roles: Role[] | null };
interface Operation {
  method: string;
  path: string;
  authz: Declared | undefined;
}

const markings: Record<string, Marking> = {
  public: { level: 0, compartments: [], releasableTo: null },
  restricted: { level: 1, compartments: [], releasableTo: null },
  confidentialChips: { level: 2, compartments: ['semiconductors'], releasableTo: null },
  confidentialBatteries: { level: 2, compartments: ['batteries'], releasableTo: null },
  criticalBoth: { level: 3, compartments: ['batteries', 'semiconductors'], releasableTo: null },
  ministryOnly: { level: 1, compartments: [], releasableTo: ['test-ministry'] },
  partnerOnly: { level: 0, compartments: [], releasableTo: ['partner-co'] },
};

interface Profile {
  name: string;
  role: Role;
  level: MarkingLevel;
  compartments: string[];
  organisation: string;
}
const clearances: Omit<Profile, 'name' | 'role'>[] = [
  { level: 0, compartments: [], organisation: 'test-ministry' },
  { level: 1, compartments: [], organisation: 'test-ministry' },
  { level: 2, compartments: ['semiconductors'], organisation: 'test-ministry' },
  { level: 3, compartments: ['batteries', 'semiconductors'], organisation: 'test-ministry' },
  { level: 2, compartments: ['batteries'], organisation: 'partner-co' },
];
const profiles: Profile[] = roles.flatMap((role) =>
  clearances.map((c) => ({
    ...c,
    role,
    name: `${role}/L${c.level}/${c.compartments.join('+') || '-'}/${c.organisation}`,
  })),
);

/** The rule, restated for the test. */
function expectedReadable(p: Profile, m: Marking): boolean {
  if (m.level > p.level) return false;
  for (const c of m.compartments) if (!p.compartments.includes(c)) return false;
  if (m.releasableTo !== null && !m.releasableTo.includes(p.organisation)) return false;
  return true;
}

const concrete = (path: string, params: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x'));
const withQuery = (url: string, query?: Record<string, string>) =>
  query ? `${url}?${new URLSearchParams(query).toString()}` : url;
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);

describe.each(stateBackends)('authorization matrix from OpenAPI (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let operations: Operation[] = [];
  const sessions = new Map<string, Record<string, string>>();
  const seeded = new Map<string, Record<string, string>>(); // fixture → marking name → id

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { 'x-chokepoint-authz'?: Declared }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        authz: op['x-chokepoint-authz'],
      })),
    );
    await testSession(app, {
      role: 'viewer',
      organisation: 'partner-co',
      organisationKind: 'company',
      sharingCap: 2,
    });
    for (const p of profiles) {
      const { headers } = await testSession(app, {
        role: p.role,
        level: p.level,
        compartments: p.compartments,
        organisation: p.organisation,
      });
      sessions.set(p.name, headers);
    }
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  async function seed(fixture: string): Promise<Record<string, string>> {
    const done = seeded.get(fixture);
    if (done) return done;
    const seeder = authzFixtures[fixture];
    expect(seeder, `no seeder "${fixture}" in test/helpers/authzFixtures.ts`).toBeDefined();
    const ids: Record<string, string> = {};
    for (const [name, marking] of Object.entries(markings)) ids[name] = await seeder(app, marking);
    seeded.set(fixture, ids);
    return ids;
  }

  it('the document lists the security routes and every operation declares how to exercise it', () => {
    const paths = operations.map((o) => `${o.method} ${o.path}`);
    expect(paths).toContain('POST /api/auth/login');
    expect(paths).toContain('GET /api/datasets');
    expect(paths).toContain('GET /api/audit');
    const undeclared = operations.filter((o) => !o.authz || !('kind' in o.authz) || !o.authz.kind);
    expect(
      undeclared.map((o) => `${o.method} ${o.path}`),
      'routes without config.authz (docs/security.md)',
    ).toEqual([]);
  });

  it('only health, login, the consultation desk and signed report links are public', () => {
    const publicOps = operations
      .filter((o) => o.authz?.public)
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    for (const p of publicOps)
      expect(p).toMatch(
        /^(GET \/api\/health|POST \/api\/auth\/login|POST \/api\/consultation\/cases(\/read|\/reply)?|GET \/api\/exercise-report-links\/\{token\}|GET \/api\/share-links\/\{token\})$/,
      );
  });

  it('every non-public operation answers 401 without a session, with a forged cookie and with a bad token', async () => {
    const checked: string[] = [];
    for (const op of operations.filter((o) => !o.authz?.public)) {
      const url = concrete(op.path);
      const variants: Record<string, string>[] = [
        {},
        { cookie: 'chokepoint_session=forged; chokepoint_csrf=x', 'x-csrf-token': 'x' },
        { authorization: 'Bearer cpt_not-a-token' },
      ];
      for (const headers of variants) {
        const res = await app.inject({
          method: op.method as 'GET',
          url,
          headers: hasBody(op.method) ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(hasBody(op.method) ? { payload: '{}' } : {}),
        });
        expect(res.statusCode, `${op.method} ${op.path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
      checked.push(`${op.method} ${op.path}`);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it('operations limited to roles answer 403 to every other role, before looking at the body', async () => {
    const limited = operations.filter((o) => o.authz?.roles);
    expect(limited.length).toBeGreaterThan(5);
    for (const op of limited) {
      for (const p of profiles) {
        const headers = sessions.get(p.name)!;
        const res = await app.inject({
          method: op.method as 'GET',
          url: concrete(op.path, { id: 'missing-object' }),
          headers: hasBody(op.method) ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(hasBody(op.method) ? { payload: '{}' } : {}),
        });
        const allowed = op.authz!.roles!.includes(p.role);
        if (allowed) expect([401, 403], `${op.method} ${op.path} as ${p.name}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${op.method} ${op.path} as ${p.name}`).toBe(403);
      }
    }
  });

  it('lists show, count and total exactly the objects each clearance may read', async () => {
    const lists = operations.filter((o) => o.authz?.kind === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const op of lists) {
      const decl = op.authz as Extract<Declared, { kind: 'list' }>;
      const ids = await seed(decl.fixture);
      const seededIds = new Set(Object.values(ids));
      for (const p of profiles) {
        if (decl.roles && !decl.roles.includes(p.role)) continue;
        const res = await app.inject({ url: withQuery(op.path, decl.query), headers: sessions.get(p.name)! });
        expect(res.statusCode, `${op.path} as ${p.name}`).toBe(200);
        const body = res.json() as { items: { id: string; marking: Marking }[]; total: number };
        const expected = Object.entries(markings)
          .filter(([, m]) => expectedReadable(p, m))
          .map(([name]) => ids[name])
          .sort();
        const shown = body.items
          .filter((i) => seededIds.has(i.id))
          .map((i) => i.id)
          .sort();
        expect(shown, `${op.path} items as ${p.name}`).toEqual(expected);
        const others = body.items.length - shown.length;
        expect(body.total - others, `${op.path} total as ${p.name}`).toBe(expected.length);
        for (const item of body.items)
          expect(expectedReadable(p, item.marking), `${op.path} leaks ${item.id} to ${p.name}`).toBe(true);
      }
    }
  });

  it('reads answer 200 when readable and exactly like a missing object when not', async () => {
    const reads = operations.filter((o) => o.authz?.kind === 'read');
    expect(reads.length).toBeGreaterThan(0);
    for (const op of reads) {
      const decl = op.authz as Extract<Declared, { kind: 'read' }>;
      const ids = await seed(decl.fixture);
      for (const p of profiles) {
        if (decl.roles && !decl.roles.includes(p.role)) continue;
        const headers = sessions.get(p.name)!;
        const missing = await app.inject({
          url: withQuery(concrete(op.path, { [decl.param]: 'no-such-object' }), decl.query),
          headers,
        });
        expect(missing.statusCode).toBe(404);
        for (const [name, marking] of Object.entries(markings)) {
          const res = await app.inject({
            url: withQuery(concrete(op.path, { [decl.param]: ids[name] }), decl.query),
            headers,
          });
          if (expectedReadable(p, marking)) {
            expect(res.statusCode, `${op.path} ${name} as ${p.name}`).toBe(200);
          } else {
            expect(res.statusCode, `${op.path} ${name} as ${p.name}`).toBe(404);
            expect(res.json(), `${op.path} ${name} as ${p.name}: hidden must look missing`).toEqual(
              missing.json(),
            );
          }
        }
      }
    }
    // Every read route × 20 profiles × 8 requests: over a minute on a loaded 2-core machine.
  }, 240_000);
});
