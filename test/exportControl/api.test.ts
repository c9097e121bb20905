import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { npuInform } from './npuInform.ts';

/**
 * The export-control API (issue 20) on the real METI lists and the Order's tables, attacked by a reader of low
 * clearance, a viewer and an analyst of another organisation: each sees another's cases, decisions, notices and
 * jobs exactly as missing ones, and nobody marks above their clearance.
 */
type Headers = Record<string, string>;
const npu = 'CHN:northwesternpolytechnicaluniversitynpu西北工業大学';

describe.each(stateBackends)('export-control API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let a: Headers; // analyst, level 1, exporter-a
  let aViewer: Headers; // viewer, level 1, exporter-a
  let aLow: Headers; // analyst, level 0, exporter-a
  let b: Headers; // analyst, level 1, exporter-b
  const call = async (
    headers: Headers,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => app.inject({ method, url, headers, payload });

  beforeAll(async () => {
    state = await openTestState(backend);
    const root = tempDir();
    const dataDir = new DataDir(root);
    for (const id of [
      'meti-end-user-list',
      'meti-russia-lists',
      'jp-export-control-order',
      'baci-critical-minerals',
    ])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
    app = await buildApp({ dataDir: root, webDir: false, state });
    const session = async (role: 'analyst' | 'viewer', level: 0 | 1, organisation: string) =>
      (await testSession(app, { role, level, organisation, organisationKind: 'company' })).headers;
    a = await session('analyst', 1, 'exporter-a');
    aViewer = await session('viewer', 1, 'exporter-a');
    aLow = await session('analyst', 0, 'exporter-a');
    b = await session('analyst', 1, 'exporter-b');
  }, 180_000);
  afterAll(async () => {
    await settleRunningWork();
    await app?.close();
    await state?.close();
  });

  it('screens a name, keeps the case for its organisation only, and hides it from others like a missing one', async () => {
    const screen = await call(a, 'POST', '/api/export-control/screenings', {
      name: '西北工業大学',
      case: { title: 'NPU enquiry' },
    });
    expect(screen.statusCode, screen.body).toBe(200);
    const body = screen.json();
    expect(body.matches[0]).toMatchObject({
      list: 'meti-eul',
      entryId: npu,
      score: 1,
      state: { status: 'open' },
    });
    // Kept as a case: the answer is marked as the case is (level 1, exporter-a only).
    expect(body.marking).toEqual({ level: 1, compartments: [], releasableTo: ['exporter-a'] });
    const id = body.caseId as string;
    const own = await call(a, 'GET', `/api/export-control/cases/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      kind: 'party-screening',
      title: 'NPU enquiry',
      status: 'open',
      marking: { level: 1, releasableTo: ['exporter-a'] },
    });
    expect(own.json().events.map((e: { action: string }) => e.action)).toEqual(['created']);

    const missing = await call(b, 'GET', '/api/export-control/cases/00000000-0000-0000-0000-000000000000');
    expect(missing.statusCode).toBe(404);
    for (const other of [b, aLow]) {
      const hidden = await call(other, 'GET', `/api/export-control/cases/${id}`);
      expect([hidden.statusCode, hidden.json()]).toEqual([missing.statusCode, missing.json()]);
      const list = (await call(other, 'GET', '/api/export-control/cases')).json();
      expect(list.items.map((c: { id: string }) => c.id)).not.toContain(id);
      expect(list.total).toBe(list.items.length);
      const patch = await call(other, 'PATCH', `/api/export-control/cases/${id}`, { status: 'closed' });
      expect(patch.statusCode).toBe(404);
    }
    expect(
      (await call(aViewer, 'PATCH', `/api/export-control/cases/${id}`, { status: 'closed' })).statusCode,
    ).toBe(403);

    const moved = await call(a, 'PATCH', `/api/export-control/cases/${id}`, {
      status: 'in-review',
      assignee: 'sato',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in-review', assignee: 'sato' });
    const audit = await state.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq',
      [id],
    );
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['export_control.case_opened', 'export_control.case_updated']),
    );
  });

  it('refuses markings above the writer’s clearance and below level 1 without the declassify permission', async () => {
    const above = await call(aLow, 'POST', '/api/export-control/screenings', {
      name: 'Acme',
      case: { marking: { level: 1, compartments: [], releasableTo: null } },
    });
    expect(above.statusCode).toBe(403);
    const publicCase = await call(a, 'POST', '/api/export-control/screenings', {
      name: 'Acme',
      case: {
        marking: { level: 0, compartments: [], releasableTo: null },
        reason: 'public training example',
      },
    });
    expect(publicCase.statusCode).toBe(403);
    expect(publicCase.json().error.message).toContain('declassify');
    const compartment = await call(a, 'POST', '/api/export-control/informs', {
      reference: 'x',
      kind: 'wmd',
      issuedOn: '2026-01-10',
      marking: { level: 1, compartments: ['semiconductors'], releasableTo: null },
    });
    expect(compartment.statusCode).toBe(403);
  });

  it('keeps a dismissal for the organisation that decided it, until the entry changes', async () => {
    const screen = (
      await call(a, 'POST', '/api/export-control/screenings', {
        name: 'Northwestern Polytechnical University',
        country: 'China',
        case: {},
      })
    ).json();
    const hit = screen.matches.find((m: { entryId: string }) => m.entryId === npu);
    const decided = await call(a, 'POST', '/api/export-control/decisions', {
      partyName: 'Northwestern Polytechnical University',
      country: 'CN',
      list: 'meti-eul',
      entryId: npu,
      decision: 'no-match',
      reasonText: 'a different institute of the same city',
      caseId: screen.caseId,
    });
    expect(decided.statusCode, decided.body).toBe(201);
    // The fingerprint is the list entry's, not one the client could send.
    expect(decided.json()).toMatchObject({
      entryFingerprint: hit.entryFingerprint,
      marking: { level: 1, releasableTo: ['exporter-a'] },
    });
    const again = (
      await call(a, 'POST', '/api/export-control/screenings', {
        name: 'Northwestern Polytechnical University',
        country: 'CHN',
      })
    ).json();
    expect(again.matches.find((m: { entryId: string }) => m.entryId === npu).state.status).toBe('dismissed');
    // The screen carries the decision it laid over: level 1, exporter-a only.
    expect(again.marking).toEqual({ level: 1, compartments: [], releasableTo: ['exporter-a'] });
    const other = (
      await call(b, 'POST', '/api/export-control/screenings', {
        name: 'Northwestern Polytechnical University',
        country: 'CHN',
      })
    ).json();
    expect(other.matches.find((m: { entryId: string }) => m.entryId === npu).state.status).toBe('open');
    expect(other.marking.level).toBe(0);
    const history = (q: Headers) =>
      call(
        q,
        'GET',
        `/api/export-control/decisions?partyName=${encodeURIComponent('Northwestern Polytechnical University')}&country=CHN&list=meti-eul&entryId=${encodeURIComponent(npu)}`,
      );
    expect((await history(a)).json().total).toBe(1);
    expect((await history(b)).json()).toEqual({ items: [], total: 0 });
    // Another organisation cannot decide on a's case, nor can a viewer decide at all.
    const onHidden = await call(b, 'POST', '/api/export-control/decisions', {
      partyName: 'x',
      list: 'meti-eul',
      entryId: npu,
      decision: 'match',
      reasonText: 'x',
      caseId: screen.caseId,
    });
    expect(onHidden.statusCode).toBe(404);
    expect(
      (
        await call(aViewer, 'POST', '/api/export-control/decisions', {
          partyName: 'x',
          list: 'meti-eul',
          entryId: npu,
          decision: 'match',
          reasonText: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await call(a, 'POST', '/api/export-control/decisions', {
      partyName: 'x',
      list: 'meti-eul',
      entryId: 'CHN:nope',
      decision: 'match',
      reasonText: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    const events = (await call(a, 'GET', `/api/export-control/cases/${screen.caseId}`)).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['created', 'decision']);
  });

  it('screens a counterparty CSV as a job with progress; a bad row is refused naming its line', async () => {
    const csv = 'id,name,country\nc1,西北工業大学,CN\nc2,トヨタ自動車株式会社,JP\nc3,ｱﾄﾞﾐﾗﾙﾃｨ造船所,RU\n';
    const started = await call(a, 'POST', '/api/export-control/screenings/batch', {
      csv,
      fileName: 'q3.csv',
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ parties: 3, marking: { level: 1, releasableTo: ['exporter-a'] } });
    await settleRunningWork();
    const job = (await call(a, 'GET', `/api/jobs/${started.json().id}`)).json();
    expect(job).toMatchObject({ status: 'done', progress: 1, result: { parties: 3, withMatches: 2 } });
    const kept = (await call(a, 'GET', `/api/export-control/cases/${job.result.caseId}`)).json();
    expect(kept.kind).toBe('batch-screening');
    expect(
      kept.result.hits.map((h: { id: string; matches: { list: string }[] }) => [h.id, h.matches[0].list]),
    ).toEqual([
      ['c1', 'meti-eul'],
      ['c3', 'meti-russia'],
    ]);
    expect((await call(b, 'GET', `/api/jobs/${started.json().id}`)).statusCode).toBe(404);
    expect((await call(b, 'GET', `/api/export-control/cases/${job.result.caseId}`)).statusCode).toBe(404);

    const bad = await call(a, 'POST', '/api/export-control/screenings/batch', {
      csv: 'name,country\nAcme,Atlantis\n',
      fileName: 'bad.csv',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place).toEqual({ file: 'bad.csv', line: 2, column: 'country' });
  });

  it('applies an organisation’s inform notice to its own checks only', async () => {
    const deal = {
      item: '8542.31',
      destination: 'CHN',
      endUser: 'Northwestern Polytechnical University',
      endUse: 'civil',
      on: '2026-03-01',
    };
    const before = (await call(a, 'POST', '/api/export-control/checks', deal)).json();
    expect(before.verdict).toBe('catch-all-check');
    expect(before.questions).toHaveLength(7);
    const inform = await call(a, 'POST', '/api/export-control/informs', npuInform);
    expect(inform.statusCode, inform.body).toBe(201);
    expect(inform.json()).toMatchObject({
      destinations: ['CHN'],
      marking: { level: 1, releasableTo: ['exporter-a'] },
    });
    const informed = await call(a, 'POST', '/api/export-control/checks', {
      ...deal,
      case: { title: 'NPU chips' },
    });
    expect(informed.json()).toMatchObject({
      verdict: 'licence-required',
      marking: { level: 1, releasableTo: ['exporter-a'] },
    });
    expect(informed.json().reasons.map((r: { rule: string }) => r.rule)).toContain('R5-inform-wmd');
    expect((await call(a, 'GET', `/api/export-control/cases/${informed.json().caseId}`)).json().kind).toBe(
      'transaction-check',
    );
    const otherCompany = (await call(b, 'POST', '/api/export-control/checks', deal)).json();
    expect(otherCompany.verdict).toBe('catch-all-check');
    expect(otherCompany.informs).toEqual([]);
    const hiddenInform = await call(b, 'GET', `/api/export-control/informs/${inform.json().id}`);
    const missingInform = await call(
      b,
      'GET',
      '/api/export-control/informs/00000000-0000-0000-0000-000000000000',
    );
    expect([hiddenInform.statusCode, hiddenInform.json()]).toEqual([404, missingInform.json()]);
    expect((await call(b, 'GET', '/api/export-control/informs')).json()).toEqual({ items: [], total: 0 });
    const withdrawn = await call(a, 'PUT', `/api/export-control/informs/${inform.json().id}/status`, {
      status: 'withdrawn',
      reason: 'lifted by METI',
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const bad = await call(a, 'POST', '/api/export-control/checks', { item: 'zz', destination: 'CHN' });
    expect([bad.statusCode, bad.json().error.place]).toEqual([400, { field: 'item' }]);
  });

  it('runs the circumvention monitor on BACI and keeps edited product lists marked', async () => {
    const codes = [
      ...new Set(
        JSON.parse(
          fs.readFileSync(path.join(sharedData, 'baci-critical-minerals', 'critical_codes.json'), 'utf8'),
        ).codes.map((c: { hs6: string }) => c.hs6),
      ),
    ] as string[];
    const query = `baseYear=2021&year=2024&${codes.map((c) => `products=${c}`).join('&')}`;
    const res = await call(aViewer, 'GET', `/api/export-control/circumvention?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(
      report.countries
        .filter((c: { flagged: boolean }) => c.flagged)
        .map((c: { country: string }) => c.country),
    ).toEqual(['TUR']);
    // By hand (awk over the CSV; test/exportControl/circumvention.test.ts): 336,467.603 → 611,296.224 and
    // 22,010.501 → 38,497.519 thousand USD.
    expect(report.countries[0].fromSources.later).toBeCloseTo(611_296_224, -1);
    expect(report.countries[0].toTarget.later).toBeCloseTo(38_497_519, -1);
    expect(report.groupA.dataset).toBe('jp-export-control-order');
    const jpn = (await call(aViewer, 'GET', `/api/export-control/circumvention?sources=JPN&${query}`)).json();
    expect(jpn.countries.find((c: { country: string }) => c.country === 'KOR').groupA).toBe(true);
    expect(
      jpn.countries.filter((c: { flagged: boolean }) => c.flagged).map((c: { country: string }) => c.country),
    ).toEqual(['IND']);

    const kept = await call(a, 'POST', '/api/export-control/circumvention/reports', {
      query: { baseYear: 2021, year: 2024, products: codes },
    });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({
      kind: 'circumvention-report',
      marking: { level: 1, releasableTo: ['exporter-a'] },
    });

    const put = (h: Headers, id: string, marking?: object) =>
      call(h, 'PUT', `/api/export-control/product-lists/${id}`, {
        title: { ja: '半導体', en: 'chips' },
        products: [{ hs6: '8542.31', note: 'processors' }],
        ...(marking ? { marking } : {}),
      });
    expect(
      (await put(a, 'chips-a', { level: 1, compartments: [], releasableTo: ['exporter-a'] })).statusCode,
    ).toBe(200);
    const lists = (h: Headers) => call(h, 'GET', '/api/export-control/product-lists').then((r) => r.json());
    expect((await lists(a)).items.map((l: { id: string }) => l.id)).toEqual(['chpl', 'chips-a']);
    expect((await lists(b)).items.map((l: { id: string }) => l.id)).toEqual(['chpl']);
    expect((await put(b, 'chips-a')).statusCode).toBe(404);
    expect((await put(a, 'chips-a', { level: 0, compartments: [], releasableTo: null })).statusCode).toBe(
      403,
    );
    const hiddenList = await call(b, 'GET', `/api/export-control/circumvention?list=chips-a&baseYear=2021`);
    expect(hiddenList.statusCode).toBe(404);
  });

  it('lists the screening lists with their versions', async () => {
    const lists = (await call(aViewer, 'GET', '/api/export-control/lists')).json();
    expect(lists.items.map((l: { list: string }) => l.list)).toEqual(
      expect.arrayContaining(['meti-eul', 'meti-russia']),
    );
    const delta = (await call(aViewer, 'GET', '/api/export-control/lists/meti-eul/delta')).json();
    expect(delta.to.version).toBe(
      lists.items.find((l: { list: string }) => l.list === 'meti-eul').versions.at(-1).version,
    );
  });
});
