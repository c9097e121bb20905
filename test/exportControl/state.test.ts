import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateDb } from '../../src/data/state/db.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import {
  caseEvents,
  getCase,
  listCases,
  openCase,
  updateCase,
} from '../../src/data/exportControl/caseStore.ts';
import {
  decisionHistory,
  decisionsForParty,
  recordDecision,
} from '../../src/data/exportControl/decisionStore.ts';
import { hitState } from '../../src/analysis/exportControl/hitStatus.ts';
import { newReadContext, runWithReadContext } from '../../src/data/security/readContext.ts';

const analyst = { id: null, name: 'analyst1' };

describe.each(stateBackends)('export-control state on %s', (backend) => {
  let db: StateDb;
  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => db?.close());

  it('opens cases marked level 1 by default, refuses level 0, and keeps the trail of changes', async () => {
    const c = await openCase(
      db,
      { kind: 'party-screening', title: 'Acme Trading', subject: { name: 'Acme' }, result: { matches: [] } },
      analyst,
    );
    expect(c).toMatchObject({
      status: 'open',
      marking: { level: 1, compartments: [], releasableTo: null },
      createdBy: 'analyst1',
    });
    await expect(
      openCase(
        db,
        {
          kind: 'party-screening',
          title: 'x',
          subject: {},
          result: {},
          marking: { level: 0, compartments: [], releasableTo: null },
        },
        analyst,
      ),
    ).rejects.toThrow(/level 1/);
    // Lower than the default only as a declassification, with its reason in the audit log.
    const publicCase = await openCase(
      db,
      {
        kind: 'circumvention-report',
        title: 'published monitor',
        subject: {},
        result: {},
        marking: { level: 0, compartments: [], releasableTo: null },
        belowDefaultReason: 'aggregate trade figures only, published',
      },
      analyst,
    );
    expect(publicCase.marking.level).toBe(0);
    const [opened] = await db.query<{ details: unknown }>(
      'SELECT details FROM audit_log WHERE object_id = $1',
      [publicCase.id],
    );
    expect(JSON.stringify(opened.details)).toContain('aggregate trade figures only');
    const updated = await updateCase(db, c.id, { status: 'in-review', assignee: 'officer2' }, analyst);
    expect(updated).toMatchObject({ status: 'in-review', assignee: 'officer2' });
    expect((await caseEvents(db, c.id)).map((e) => [e.action, e.detail])).toEqual([
      ['created', { kind: 'party-screening', assignee: null }],
      ['status', { from: 'open', to: 'in-review' }],
      ['assigned', { from: null, to: 'officer2' }],
    ]);
    expect((await listCases(db, { assignee: 'officer2' })).map((x) => x.id)).toEqual([c.id]);
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq`,
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['export_control.case_opened', 'export_control.case_updated']);
  });

  it('hides a case from a reader without the clearance', async () => {
    const c = await openCase(
      db,
      {
        kind: 'transaction-check',
        title: 'HS 8542 → CHN',
        subject: {},
        result: {},
        marking: { level: 2, compartments: [], releasableTo: null },
      },
      analyst,
    );
    const reader = newReadContext(
      { clearance: { level: 1, compartments: [], organisationId: 'org' } },
      new Map(),
    );
    await runWithReadContext(reader, async () => {
      await expect(getCase(db, c.id)).rejects.toThrow(/export-control case not found/);
      expect((await listCases(db)).some((x) => x.id === c.id)).toBe(false);
    });
  });

  it('keeps a dismissed hit dismissed until the entry changes', async () => {
    const hit = {
      partyName: 'Acme Trading Co., Ltd.',
      country: 'JPN',
      list: 'meti-eul',
      entryId: 'CHN:acme',
    };
    await recordDecision(
      db,
      { ...hit, entryFingerprint: 'v1', decision: 'no-match', reason: 'different address and business' },
      analyst,
    );
    // The same party written differently shares the decision (legal form and case folded).
    const decisions = await decisionsForParty(db, 'ACME TRADING LIMITED', 'jpn');
    const d = decisions.get('meti-eul\u0000CHN:acme');
    expect(d).toMatchObject({ decision: 'no-match', entryFingerprint: 'v1', decidedBy: 'analyst1' });
    expect(hitState(d, 'v1')).toMatchObject({ status: 'dismissed', reopened: false });
    expect(hitState(d, 'v2')).toMatchObject({ status: 'open', reopened: true });
    await recordDecision(
      db,
      { ...hit, entryFingerprint: 'v2', decision: 'escalate', reason: 'entry now lists a Japanese alias' },
      analyst,
    );
    expect((await decisionHistory(db, hit)).map((x) => x.decision)).toEqual(['escalate', 'no-match']);
    expect(
      hitState((await decisionsForParty(db, hit.partyName, 'JPN')).get('meti-eul\u0000CHN:acme'), 'v2')
        .status,
    ).toBe('escalated');
    await expect(
      recordDecision(db, { ...hit, entryFingerprint: 'v2', decision: 'match', reason: '  ' }, analyst),
    ).rejects.toThrow(/needs a reason/);
  });
});
