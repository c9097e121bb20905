import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import type { Marking } from '../../src/analysis/marking.ts';
import { appendAudit } from '../../src/data/security/auditLog.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * The auditor view's total comes from counts kept per distinct marking (migration 103). It must equal the number
 * of entries the auditor may read, counted here entry by entry with the rule written out in the test.
 */
describe.each(stateBackends)('audit list total per clearance (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  const markings: (Marking | null)[] = [
    null,
    { level: 0, compartments: [], releasableTo: null },
    { level: 1, compartments: [], releasableTo: null },
    { level: 2, compartments: ['semiconductors'], releasableTo: null },
    { level: 2, compartments: ['batteries'], releasableTo: ['audit-ministry', 'acme'] },
    { level: 3, compartments: ['batteries', 'semiconductors'], releasableTo: ['audit-ministry'] },
    // Same marking with the compartments in another order: a separate count, the same rule.
    { level: 3, compartments: ['semiconductors', 'batteries'], releasableTo: ['audit-ministry'] },
  ];

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    for (let i = 0; i < 60; i++) {
      await appendAudit(state, {
        actorId: null,
        actor: i % 3 ? 'system' : 'importer',
        action: i % 4 ? 'read' : 'export',
        objectType: 'dataset',
        objectId: `d${i}`,
        marking: markings[(i * 5) % markings.length],
      });
    }
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const readable = (m: Marking | null, level: number, held: string[], org: string) =>
    m === null ||
    (m.level <= level &&
      m.compartments.every((c) => held.includes(c)) &&
      (m.releasableTo === null || m.releasableTo.includes(org)));

  it.each([
    { level: 0, compartments: [] as string[], organisation: 'audit-ministry' },
    { level: 2, compartments: ['semiconductors'], organisation: 'audit-ministry' },
    { level: 3, compartments: ['batteries', 'semiconductors'], organisation: 'audit-ministry' },
    { level: 3, compartments: ['batteries', 'semiconductors'], organisation: 'acme' },
  ])('level $level $compartments of $organisation', async ({ level, compartments, organisation }) => {
    const { headers } = await testSession(app, {
      role: 'auditor',
      level: level as 0 | 2 | 3,
      compartments,
      organisation,
    });
    // Every entry, including the login and session entries written so far, read straight from the table.
    const all = await state.query<{ marking: Marking | null; action: string }>(
      'SELECT marking, action FROM audit_log',
    );
    const expected = all.filter((e) => readable(e.marking, level, compartments, organisation));
    const res = await app.inject({ url: '/api/audit?limit=1000', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { marking: Marking | null }[]; total: number };
    expect(body.total).toBe(expected.length);
    expect(body.items.length).toBe(expected.length);
    expect(body.total).toBeGreaterThan(0);
    if (level < 3) expect(body.total).toBeLessThan(all.length);
    // With an action filter the total is counted on the log itself; both ways agree.
    const exports = await app.inject({ url: '/api/audit?limit=1000&action=export', headers });
    expect((exports.json() as { total: number }).total).toBe(
      expected.filter((e) => e.action === 'export').length,
    );
  });
});
