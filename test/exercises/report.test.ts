import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { ensureOrganisation } from '../../src/data/security/organisations.ts';
import { pdfText } from '../tech/pdfText.ts';
import { extractZip } from '../../src/data/importers/zipMembers.ts';

/**
 * The whole path over the API on real data: an exercise from a template (its scenario runs in the background on the
 * BACI critical-minerals extract and the 2011 IO table), a session with a decision, scores and answers, the scenario
 * run again with the decision applied and compared, then the after-action report for a recipient organisation and
 * through a signed link.
 */
describe.each(stateBackends)('exercise from a template to its after-action report (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let facilitator: Awaited<ReturnType<typeof testSession>>;
  let player: Awaited<ReturnType<typeof testSession>>;
  let exerciseId: string;
  let sessionId: string;

  const waitReady = async (id: string) => {
    for (let i = 0; i < 1200; i++) {
      const e = (await app.inject({ url: `/api/exercises/${id}`, headers: facilitator.headers })).json();
      if (e.status !== 'preparing') return e;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('exercise not ready');
  };
  const post = (url: string, payload: unknown, who = facilitator) =>
    app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });

  beforeAll(async () => {
    const root = tempDir();
    await importSharedTrade(new DataDir(root).ensure(), {
      datasetId: 'baci-cm',
      ioTable: true,
      labels: true,
    });
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, state, webDir: false });
    facilitator = await testSession(app, { role: 'analyst', level: 1, permissions: [] });
    player = await testSession(app, { role: 'viewer', level: 0 });
    // The recipient: an industry association cleared only for public information.
    await ensureOrganisation(state, {
      id: 'jeita',
      name: '電子情報技術産業協会 JEITA',
      kind: 'association',
      sharingCap: 0,
    });
  }, 300_000);
  afterAll(async () => {
    await settleRunningWork();
    await app.close();
    await state.close();
  });

  it('creates a ready-to-run exercise from a template in one step', async () => {
    const templates = (await app.inject({ url: '/api/exercise-templates', headers: player.headers })).json();
    expect(templates.items.map((t: { id: string }) => t.id)).toEqual([
      'export-ban-critical-mineral',
      'chokepoint-closure',
      'cyber-attack-supplier-plant',
      'economic-coercion',
    ]);
    const created = await post('/api/exercises/from-template', {
      template: 'export-ban-critical-mineral',
      reporter: 'JPN',
      year: 2024,
      products: ['811292', '850511'],
    });
    expect(created.statusCode).toBe(202);
    expect(created.json().status).toBe('preparing');
    exerciseId = created.json().id;
    const exercise = await waitReady(exerciseId);
    expect(exercise.status).toBe('ready');
    expect(exercise.you).toEqual({ role: 'facilitator', team: null });
    expect(exercise.injects.find((i: { id: string }) => i.id === 'stock-out-850511')?.source.runId).toBe(
      exercise.baselineRunId,
    );
    // The generated figures are the stored run's.
    const run = (
      await app.inject({ url: `/api/scenario-runs/${exercise.baselineRunId}`, headers: facilitator.headers })
    ).json();
    const magnets = run.result.products.findIndex((p: { product: string }) => p.product === '850511');
    const stockOut = exercise.injects.find((i: { id: string }) => i.id === 'stock-out-850511');
    expect(stockOut.figures.find((f: { key: string }) => f.key === 'unmet:850511')).toMatchObject({
      value: run.result.products[magnets].unmet.value,
      path: `products[${magnets}].unmet.value`,
    });
    // An observer not cleared for the restricted intelligence report does not see it in the design; a player sees
    // none of the design's injects (they arrive from the session as they fire).
    const seenAs = async (role: string, team: string | null) => {
      const put = await app.inject({
        method: 'PUT',
        url: `/api/exercises/${exerciseId}/participants/${player.user.id}`,
        headers: facilitator.headers,
        payload: { role, team },
      });
      expect(put.statusCode).toBe(204);
      return (await app.inject({ url: `/api/exercises/${exerciseId}`, headers: player.headers })).json();
    };
    const observed = await seenAs('observer', null);
    expect(observed.injects.some((i: { id: string }) => i.id === 'intelligence')).toBe(false);
    expect(observed.injects.length).toBe(exercise.injects.length - 1);
    const played = await seenAs('player', 'industry');
    expect(played.you).toEqual({ role: 'player', team: 'industry' });
    expect(played.injects).toEqual([]);
  }, 300_000);

  it('runs a session: decision, score, anonymous answers, and the outcome with the decision applied', async () => {
    const session = await post(`/api/exercises/${exerciseId}/sessions`, {});
    sessionId = session.json().id;
    const act = (payload: object) => post(`/api/exercise-sessions/${sessionId}/actions`, payload);
    expect((await act({ action: 'start' })).statusCode).toBe(200);
    expect((await act({ action: 'advance', to: 12 })).json().lastSeq).toBeGreaterThan(5);
    const decision = await post(
      `/api/exercise-sessions/${sessionId}/decisions`,
      {
        injectId: 'stock-out-850511',
        optionsConsidered: ['備蓄の放出', '需要抑制'],
        action: '国家備蓄を90日分放出する',
        adjustment: { kind: 'stockpile-release', products: ['850511'], days: 90 },
        rationale: '在庫が回復前に尽きるため',
        owner: '経済安全保障室',
        followUp: '配分基準を策定',
      },
      player,
    );
    expect(decision.statusCode).toBe(201);
    const score = await app.inject({
      method: 'PUT',
      url: `/api/exercise-sessions/${sessionId}/scores`,
      headers: facilitator.headers,
      payload: {
        injectId: 'stock-out-850511',
        expectationId: 'stock-out-850511-e1',
        score: 80,
        comment: '迅速な判断',
      },
    });
    expect(score.statusCode).toBe(200);
    const answer = await post(
      `/api/exercise-sessions/${sessionId}/answers`,
      { answers: { q1: '情報共有が早かった', q3: 4 } },
      player,
    );
    expect(answer.json()).toEqual({ id: 'anonymous', anonymous: true });
    expect(
      (await post(`/api/exercise-sessions/${sessionId}/answers`, { answers: { q1: 'again' } }, player))
        .statusCode,
    ).toBe(409);
    const answers = (
      await app.inject({ url: `/api/exercise-sessions/${sessionId}/answers`, headers: facilitator.headers })
    ).json();
    expect(answers.items).toEqual([
      expect.objectContaining({
        respondentId: null,
        team: null,
        answers: { q1: '情報共有が早かった', q3: 4 },
      }),
    ]);

    const outcome = await post(`/api/exercises/${exerciseId}/outcomes`, { sessionId });
    expect(outcome.statusCode).toBe(202);
    expect(outcome.json().adjustments).toEqual([
      { kind: 'stockpile-release', products: ['850511'], days: 90 },
    ]);
    await settleRunningWork();
    const outcomes = (
      await app.inject({ url: `/api/exercises/${exerciseId}/outcomes`, headers: facilitator.headers })
    ).json();
    expect(outcomes.items[0].status).toBe('done');
    const totals = Object.fromEntries(
      outcomes.comparison.totals.map((t: { metric: string; values: { value: number }[] }) => [
        t.metric,
        t.values.map((v) => v.value),
      ]),
    );
    // 90 more days of stock for 850511: more drawn from stock, less unmet, the same imports lost.
    expect(totals.lost[1]).toBeCloseTo(totals.lost[0], 3);
    expect(totals.stockDrawn[1]).toBeGreaterThan(totals.stockDrawn[0]);
    expect(totals.unmet[1]).toBeLessThan(totals.unmet[0]);
    expect(totals.unmet[0] - totals.unmet[1]).toBeCloseTo(totals.stockDrawn[1] - totals.stockDrawn[0], 3);
  }, 300_000);

  it('renders the report in Japanese for a recipient, leaving out what it may not read', async () => {
    const res = await app.inject({
      url: `/api/exercises/${exerciseId}/report?format=pdf&lang=ja&org=jeita&session=${sessionId}`,
      headers: facilitator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(JSON.parse(String(res.headers['x-chokepoint-marking']))).toEqual({
      level: 0,
      compartments: [],
      releasableTo: null,
    });
    const { text } = pdfText(res.rawPayload);
    expect(text).toContain('図上演習 事後評価報告書');
    expect(text).toContain('提供先: 電子情報技術産業協会 JEITA');
    expect(text).toContain('国家備蓄を90日分放出する');
    expect(text).toContain('在庫が');
    expect(text).toContain('意思決定の前後の結果');
    expect(text).toContain('公開 (public)');
    // The intelligence report is restricted (level 1): the association (sharing cap 0) does not get it.
    expect(text).not.toContain('情報評価');
    expect(text).not.toContain('措置の対象品目を拡大');

    // For the ministry (cap 3) with the facilitator's clearance 1, it is there and the report is marked restricted.
    const ministry = await app.inject({
      url: `/api/exercises/${exerciseId}/report?format=pdf&lang=ja&org=test-ministry&session=${sessionId}`,
      headers: facilitator.headers,
    });
    const full = pdfText(ministry.rawPayload).text;
    expect(full).toContain('情報評価');
    expect(full).toContain('取扱注意 (restricted)');

    const xlsx = await app.inject({
      url: `/api/exercises/${exerciseId}/report?format=xlsx&lang=en&org=jeita&session=${sessionId}`,
      headers: facilitator.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String).join('\n');
    expect(cells).toContain('Tabletop exercise — after-action report');
    expect(cells).toContain('Outcomes before and after the decisions');
    expect(cells).not.toContain('Intelligence assessment');

    // DOCX (to edit): the same redaction, the marking in the header and footer of every page.
    const docx = await app.inject({
      url: `/api/exercises/${exerciseId}/report?format=docx&lang=ja&org=jeita&session=${sessionId}`,
      headers: facilitator.headers,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/\.docx"$/);
    const dir = tempDir();
    const file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, docx.rawPayload);
    const parts = await extractZip(file, 'report.docx', dir, (n) =>
      /^word\/(document|header\d*|footer\d*)\.xml$/.test(n),
    );
    const xml = (name: RegExp) =>
      parts
        .filter((p) => name.test(p.name))
        .map((p) => fs.readFileSync(p.file, 'utf8').replace(/<[^>]+>/g, ''))
        .join('\n');
    const words = xml(/document\.xml$/);
    expect(words).toContain('図上演習 事後評価報告書');
    expect(words).toContain('国家備蓄を90日分放出する');
    expect(words).not.toContain('情報評価');
    expect(xml(/header\d*\.xml$/)).toContain('公開 (public)');
    expect(xml(/footer\d*\.xml$/)).toContain('公開 (public)');
  }, 300_000);

  it('serves the report through a signed link until it expires or is revoked', async () => {
    const denied = await post(
      `/api/exercises/${exerciseId}/report-links`,
      { org: 'jeita', format: 'pdf' },
      player,
    );
    expect(denied.statusCode).toBe(403);
    const made = await post(`/api/exercises/${exerciseId}/report-links`, {
      org: 'jeita',
      format: 'pdf',
      lang: 'ja',
      session: sessionId,
      days: 7,
    });
    expect(made.statusCode).toBe(201);
    const { url, token, link } = made.json();
    // No account needed.
    const got = await app.inject({ url });
    expect(got.statusCode).toBe(200);
    expect(pdfText(got.rawPayload).text).toContain('国家備蓄を90日分放出する');
    expect(pdfText(got.rawPayload).text).not.toContain('情報評価');
    // A token with another expiry or signature is refused.
    const [id, expires, mac] = token.split('.');
    expect(
      (await app.inject({ url: `/api/exercise-report-links/${id}.${Number(expires) + 86_400_000}.${mac}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: `/api/exercise-report-links/${id}.${expires}.${'A'.repeat(43)}` })).statusCode,
    ).toBe(404);
    // Expired: the stored expiry is in the past.
    await state.query(
      `UPDATE exercise_report_links SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [link.id],
    );
    const expired = await app.inject({ url });
    expect(expired.json().error.message).toBe('this report link has expired');
    await state.query(
      `UPDATE exercise_report_links SET expires_at = now() + interval '1 day' WHERE id = $1`,
      [link.id],
    );
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/exercises/${exerciseId}/report-links/${link.id}`,
      headers: facilitator.headers,
      payload: { reason: 'sent to the wrong list' },
    });
    expect(revoke.statusCode).toBe(204);
    const revoked = await app.inject({ url });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.message).toBe('this report link was revoked');
    const audit = await state.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_type = 'exercise-report-link' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['share', 'read', 'revoke']);
  }, 300_000);
});
