import fs from 'node:fs';
import path from 'node:path';
import { allConditions as all } from './caseFixtures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

/**
 * The ownership and investment-screening API (issue 21) on the real Gasgrid (BODS 0.4) example: import, owners,
 * assessment with the chain, cases with the review period, and the deadlines list — seen by an analyst of
 * another organisation and by a viewer exactly as missing.
 */
type Headers = Record<string, string>;
const fiSoe = fs.readFileSync(
  path.join(sharedData, 'ownership', 'bods-examples', 'bods-package-fi-soe.json'),
  'utf8',
);
const gasgridCase = {
  investor: { name: 'Gasgrid Finland Oy', country: 'FI', kind: 'company', ownershipEntity: '19f1c5afe9d7' },
  target: { name: 'Example Gas KK', listed: true, jsic: ['3411'] },
  action: { type: 'acquisition', holdingBefore: 0, holdingAfter: 0.04 },
  commitments: all,
  acceptedOn: '2026-12-01',
};

describe.each(stateBackends)('investment API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let a: Headers;
  let aViewer: Headers;
  let b: Headers;
  const call = async (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers, payload });

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const session = async (role: 'analyst' | 'viewer', organisation: string) =>
      (await testSession(app, { role, level: 1, organisation, organisationKind: 'ministry' })).headers;
    a = await session('analyst', 'mof-a');
    aViewer = await session('viewer', 'mof-a');
    b = await session('analyst', 'other-b');
  }, 120_000);
  afterAll(async () => {
    await settleRunningWork();
    await app?.close();
    await state?.close();
  });

  it('imports BODS text, refuses a malformed file with its place, and answers the owners with a marking', async () => {
    const bad = await call(a, 'POST', '/api/ownership/imports', {
      format: 'bods',
      files: [{ name: 'x.json', text: '[{"recordId": 1, "recordType": "entity"}]' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place).toEqual({ file: 'x.json', field: '/0/recordId' });
    expect(
      (
        await call(aViewer, 'POST', '/api/ownership/imports', {
          format: 'bods',
          files: [{ name: 'a.json', text: fiSoe }],
        })
      ).statusCode,
    ).toBe(403);
    const ok = await call(a, 'POST', '/api/ownership/imports', {
      format: 'bods',
      files: [{ name: 'bods-package-fi-soe.json', text: fiSoe }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ dataset: 'ownership', entities: 4, links: 4 });
    const owners = await call(aViewer, 'GET', '/api/ownership/owners/19f1c5afe9d7');
    expect(owners.statusCode, owners.body).toBe(200);
    const body = owners.json();
    expect(
      body.owners.map((o: { name: string; attributedShare: number }) => [o.name, o.attributedShare]),
    ).toEqual([['Suomen tasavalta', 1]]);
    expect(body.entity.flags.stateControlled).toBe(true);
    expect(body.marking).toMatchObject({ level: 0 });
    expect((await call(a, 'GET', '/api/ownership/owners/nobody')).statusCode).toBe(404);
  });

  it('assesses with the chain: a state-controlled investor loses 一般免除 for a core sector', async () => {
    const res = await call(aViewer, 'POST', '/api/investment/assessments', gasgridCase);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      notification: 'prior',
      coreSector: true,
      exemption: null,
      deadline: '2026-12-31',
    });
    expect(body.reasons[0].rule).toBe('owner:state-controlled');
    expect(body.ownership).toMatchObject({ stateControlled: true, entity: '19f1c5afe9d7' });
    const bad = await call(a, 'POST', '/api/investment/assessments', {
      ...gasgridCase,
      action: { type: 'acquisition', holdingAfter: 2 },
    });
    expect(bad.statusCode).toBe(400);
    const rules = (await call(aViewer, 'GET', '/api/investment/rules')).json();
    expect(rules.sectors.find((s: { id: string }) => s.id === 'gas')).toMatchObject({
      core: true,
      jsic: [{ code: '34' }],
    });
  });

  it('opens a case with its review deadline, extends it within five months, and hides it from another organisation', async () => {
    const created = await call(a, 'POST', '/api/investment/cases', {
      case: gasgridCase,
      reviewer: 'reviewer-1',
    });
    expect(created.statusCode, created.body).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({
      notification: 'prior',
      status: 'received',
      acceptedOn: '2026-12-01',
      reviewEndsOn: '2026-12-31',
      reviewer: 'reviewer-1',
      marking: { level: 1, releasableTo: [expect.any(String)] },
    });
    // Extension beyond five months from acceptance (2027-05-01) is refused; to 2027-04-01 it is accepted.
    const tooLong = await call(a, 'PATCH', `/api/investment/cases/${c.id}`, {
      review: { kind: 'extended', until: '2027-05-02' },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('2027-05-01');
    const extended = await call(a, 'PATCH', `/api/investment/cases/${c.id}`, {
      review: { kind: 'extended', until: '2027-04-01' },
      consultations: ['METI', 'MIC'],
    });
    expect(extended.json()).toMatchObject({
      status: 'extended',
      reviewEndsOn: '2027-04-01',
      reviewChange: 'extended',
      consultations: ['METI', 'MIC'],
    });
    const deadlines = (await call(aViewer, 'GET', '/api/investment/deadlines?today=2027-03-30')).json();
    expect(deadlines.items.find((d: { id: string }) => d.id === c.id)).toMatchObject({
      daysLeft: 2,
      reviewEndsOn: '2027-04-01',
    });
    const got = await call(aViewer, 'GET', `/api/investment/cases/${c.id}`);
    expect(got.json().events.map((e: { action: string }) => e.action)).toEqual(['received', 'updated']);
    // Another organisation: the same 404 as a missing case, and no trace in lists or totals.
    const hidden = await call(b, 'GET', `/api/investment/cases/${c.id}`);
    const missing = await call(b, 'GET', '/api/investment/cases/no-such-case');
    expect([hidden.statusCode, hidden.json()]).toEqual([missing.statusCode, missing.json()]);
    const list = (await call(b, 'GET', '/api/investment/cases')).json();
    expect(list.items.some((x: { id: string }) => x.id === c.id)).toBe(false);
    expect((await call(b, 'GET', '/api/investment/deadlines')).json().total).toBe(0);
    const concluded = await call(a, 'PATCH', `/api/investment/cases/${c.id}`, {
      outcome: 'clear-with-conditions',
      outcomeNote: 'conditions on board seats',
    });
    expect(concluded.json()).toMatchObject({ status: 'concluded', outcome: 'clear-with-conditions' });
    expect(
      (await call(a, 'GET', '/api/investment/deadlines'))
        .json()
        .items.some((d: { id: string }) => d.id === c.id),
    ).toBe(false);
    const audit = await state.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE object_type = 'investment_case' AND object_id = $1 ORDER BY seq",
      [c.id],
    );
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['investment.case_opened', 'investment.case_updated', 'read']),
    );
  });
});
