import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.ts';
import { appWithDatasets, companyAnalyst } from './appWithDatasets.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

/**
 * Prior reports (事前報告, issue 20) through the API on the real METI End User List and the Order's tables: a
 * technology transfer to 西北工業大学 in China is checked on arrival (catch-all, the counterparty's hit), then
 * reviewed through more information, a recommendation and no objection, each moving the case's status and
 * leaving a trail; a closed review takes no more; another company sees it as missing.
 */
type Headers = Record<string, string>;
const npu = 'CHN:northwesternpolytechnicaluniversitynpu西北工業大学';

describe.each(stateBackends)('prior reports (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let a: Headers;
  let b: Headers;
  let id: string;
  const review = (headers: Headers, body: object, on = id) =>
    app.inject({
      method: 'POST',
      url: `/api/export-control/prior-reports/${on}/reviews`,
      headers,
      payload: body,
    });

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await appWithDatasets(state, ['meti-end-user-list', 'jp-export-control-order']);
    a = await companyAnalyst(app, 'exporter-a');
    b = await companyAnalyst(app, 'exporter-b');
  }, 180_000);
  afterAll(async () => {
    await settleRunningWork();
    await app?.close();
    await state?.close();
  });

  it('checks a report on arrival: catch-all to China, the counterparty on the End User List', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/export-control/prior-reports',
      headers: a,
      payload: {
        kind: 'technology-transfer',
        company: '株式会社サンプル電子',
        technology: 'SiC パワー半導体の製造プロセス',
        destination: 'China',
        counterparty: '西北工業大学',
        plannedOn: '2027-04-01',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const opened = res.json();
    id = opened.id;
    expect(opened).toMatchObject({
      kind: 'prior-report',
      status: 'open',
      title: '株式会社サンプル電子: SiC パワー半導体の製造プロセス → CHN',
      marking: { level: 1, compartments: [], releasableTo: ['exporter-a'] },
      result: { check: { verdict: 'catch-all-check', item: '16', destination: 'CHN' }, reviews: [] },
    });
    expect(opened.result.check.endUserMatches[0]).toMatchObject({ list: 'meti-eul', entryId: npu, score: 1 });
  });

  it('moves the status with each review and closes on no objection', async () => {
    const noConditions = await review(a, { outcome: 'conditions', reason: 'x' });
    expect(noConditions.statusCode).toBe(400);
    expect(noConditions.json().error.place.field).toBe('conditions');

    const steps = [
      [{ outcome: 'more-information', reason: '移転先での管理体制の資料を求める' }, 'in-review'],
      [
        { outcome: 'recommendation', reason: '需要者が外国ユーザーリスト掲載のため計画の変更を勧告' },
        'escalated',
      ],
      [{ outcome: 'no-objection', reason: '移転先を変更した計画に異議なし' }, 'closed'],
    ] as const;
    for (const [body, status] of steps) {
      const res = await review(a, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const closed = await review(a, { outcome: 'withdrawn', reason: 'too late' });
    expect(closed.statusCode).toBe(409);

    const found = (await app.inject({ url: `/api/export-control/cases/${id}`, headers: a })).json();
    expect(found.result.reviews.map((r: { outcome: string }) => r.outcome)).toEqual([
      'more-information',
      'recommendation',
      'no-objection',
    ]);
    expect(found.events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'reviewed',
      'status',
      'reviewed',
      'status',
      'reviewed',
      'status',
    ]);
    const audit = await state.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE object_id = $1 AND action = 'export_control.case_reviewed'",
      [id],
    );
    expect(audit).toHaveLength(3);

    // The case file carries the check and the reviews, marked as the case.
    const file = await app.inject({
      url: `/api/export-control/cases/${id}/export?format=xlsx&lang=en`,
      headers: a,
    });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells[0]).toBe('RESTRICTED (取扱注意) / releasable to: exporter-a');
    expect(cells).toContain('recommendation to change or stop the plan');
    expect(cells).toContain('需要者が外国ユーザーリスト掲載のため計画の変更を勧告');
  });

  it('answers another company as for a missing report, and refuses to review a case of another kind', async () => {
    const missing = await review(
      b,
      { outcome: 'no-objection', reason: 'x' },
      '00000000-0000-0000-0000-000000000000',
    );
    const hidden = await review(b, { outcome: 'no-objection', reason: 'x' });
    expect(missing.statusCode).toBe(404);
    expect([hidden.statusCode, hidden.json()]).toEqual([missing.statusCode, missing.json()]);

    const screen = await app.inject({
      method: 'POST',
      url: '/api/export-control/screenings',
      headers: a,
      payload: { name: 'Acme', case: {} },
    });
    const other = await review(a, { outcome: 'no-objection', reason: 'x' }, screen.json().caseId);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toContain('not a prior report');
  });
});
