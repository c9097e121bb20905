import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.ts';
import { appWithDatasets, companyAnalyst } from './appWithDatasets.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { openTestState } from '../helpers/stateDbs.ts';
import { pdfText } from '../tech/pdfText.ts';

/**
 * A case as PDF and XLSX (issue 20): a screen of 西北工業大学 against the real METI End User List and a
 * transaction check kept as cases, exported in Japanese and English with the case's marking in the file and in
 * the header; another organisation's analyst gets the 404 of a missing case.
 */
type Headers = Record<string, string>;

async function sheetText(payload: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0]
    .getSheetValues()
    .flat()
    .filter((v) => v !== undefined && v !== null)
    .map(String);
}

describe('export-control case files', () => {
  let app: App;
  let state: StateDb;
  let a: Headers;
  let b: Headers;
  let screenCase: string;
  let checkCase: string;
  const restricted = { level: 1, compartments: [], releasableTo: ['exporter-a'] };

  beforeAll(async () => {
    state = await openTestState('pglite');
    app = await appWithDatasets(state, ['meti-end-user-list', 'jp-export-control-order']);
    a = await companyAnalyst(app, 'exporter-a');
    b = await companyAnalyst(app, 'exporter-b');
    const screen = await app.inject({
      method: 'POST',
      url: '/api/export-control/screenings',
      headers: a,
      payload: { name: '西北工業大学', case: { title: 'NPU enquiry' } },
    });
    expect(screen.statusCode, screen.body).toBe(200);
    screenCase = screen.json().caseId;
    const decision = await app.inject({
      method: 'POST',
      url: '/api/export-control/decisions',
      headers: a,
      payload: {
        partyName: '西北工業大学',
        list: 'meti-eul',
        entryId: screen.json().matches[0].entryId,
        decision: 'match',
        reasonText: '同一の大学（所在地一致）',
        caseId: screenCase,
      },
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const check = await app.inject({
      method: 'POST',
      url: '/api/export-control/checks',
      headers: a,
      payload: { item: '16', destination: 'CHN', endUser: '西北工業大学', case: { title: 'catch-all' } },
    });
    expect(check.statusCode, check.body).toBe(200);
    checkCase = check.json().caseId;
  }, 180_000);
  afterAll(async () => {
    await settleRunningWork();
    await app?.close();
    await state?.close();
  });

  it('writes a screening case as XLSX in Japanese: marking first, the hit, why it matched, the decision in the trail', async () => {
    const res = await app.inject({
      url: `/api/export-control/cases/${screenCase}/export?format=xlsx&lang=ja`,
      headers: a,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(JSON.parse(String(res.headers['x-chokepoint-marking']))).toEqual(restricted);
    const cells = await sheetText(res.rawPayload);
    expect(cells[0]).toBe('取扱注意 (restricted) / 開示先: exporter-a');
    expect(cells.at(-1)).toBe(cells[0]);
    expect(cells).toContain('輸出管理 案件: NPU enquiry');
    const text = cells.join('\n');
    expect(text).toContain('Northwestern Polytechnical University');
    expect(text).toMatch(/meti-eul \(2025-09-29\)/);
    expect(text).toContain('同一の大学（所在地一致）');
    expect(text).toContain('list-meti-eul, 2025-09-29');
  });

  it('writes a transaction check as PDF in English with the catch-all verdict and the marking on every page', async () => {
    const res = await app.inject({
      url: `/api/export-control/cases/${checkCase}/export?format=pdf&lang=en`,
      headers: a,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="export-control-case-${checkCase}-en.pdf"`,
    );
    const { text, pages } = pdfText(res.rawPayload);
    expect(text).toContain('Export-control case: catch-all');
    // Item 16 to China for an End User List entry: the catch-all check, with the guideline's questions.
    expect(text).toContain('catch-all check required: 16 → CHN (西北工業大学)');
    expect(text).toContain('Questions of the clear-evidence guideline');
    expect(pages).toBeGreaterThan(0);
    const bands = text.split('RESTRICTED (取扱注意) / releasable to: exporter-a').length - 1;
    // Top and bottom of every page, and once in the summary.
    expect(bands).toBe(2 * pages + 1);
  });

  it('answers another organisation exactly as for a missing case, and audits the export', async () => {
    const missing = await app.inject({
      url: '/api/export-control/cases/00000000-0000-0000-0000-000000000000/export?format=xlsx',
      headers: b,
    });
    const hidden = await app.inject({
      url: `/api/export-control/cases/${screenCase}/export?format=xlsx`,
      headers: b,
    });
    expect(missing.statusCode).toBe(404);
    expect([hidden.statusCode, hidden.json()]).toEqual([missing.statusCode, missing.json()]);
    const audit = await state.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE object_id = $1 AND action = 'export'",
      [screenCase],
    );
    expect(audit.length).toBe(1);
  });
});
