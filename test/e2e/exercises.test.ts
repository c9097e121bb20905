import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSignedInAs, screenshot, startHarness, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { listDecisions } from '../../src/data/exercises/sessionStore.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';

/**
 * A tabletop exercise in the browser (issue 19, docs/exercises.md): the facilitator designs it in the designer
 * (one inject marked 取扱注意, level 1), adds two players of the same team with different clearances and opens a
 * session; all three follow it in their own browser contexts over the WebSocket. Injects arrive in order; the
 * uncleared player is told that something was withheld and never receives its content — checked on the page and
 * on every WebSocket frame the browser received; a decision is recorded and reaches the others; a player who
 * reloads mid-exercise sees everything again and keeps receiving live events. The uncleared player's browser
 * runs in Japanese.
 */
const SECRET = ['XYZZY-TITLE', 'XYZZY-BODY'];

type Session = Awaited<ReturnType<typeof testSession>>;

/** Every WebSocket text frame the page receives, across reloads (the listener is on the page). */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) =>
      frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString()),
    );
  });
  return frames;
}

/** The live page has replayed the log and is connected. */
async function joined(page: Page): Promise<void> {
  await page.locator('[data-testid="live-session"][data-synced="true"][data-connection="open"]').waitFor();
}

/** The ids of the delivered injects (content or withheld notice) in the order the timeline shows them. */
async function deliveredIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="timeline"] [data-inject]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-inject') ?? ''));
}

async function fillInject(
  page: Page,
  i: number,
  inject: { id: string; at: string; team?: string; title: string; body?: string; expectation?: string },
) {
  await page.getByRole('button', { name: 'Add inject' }).click();
  const editor = page.getByTestId('inject-editor').nth(i);
  await editor.getByLabel('Id', { exact: true }).fill(inject.id);
  await editor.getByLabel('At (simulated time)').fill(inject.at);
  if (inject.team) await editor.getByLabel('Team', { exact: true }).selectOption(inject.team);
  await editor.getByLabel('Title (English)').fill(inject.title);
  if (inject.body) await editor.getByLabel('Text (English)').fill(inject.body);
  if (inject.expectation)
    await editor.getByLabel('Expectations for evaluators (one per line)').fill(inject.expectation);
  return editor;
}

describe('tabletop exercise, three browsers', () => {
  let h: Harness;
  let facilitator: Session;
  let cleared: Session;
  let uncleared: Session;
  let evaluator: Session;
  let exerciseId = '';
  let sessionId = '';
  let fPage: Page;
  let aPage: Page;
  let bPage: Page;
  let aFrames: string[];
  let bFrames: string[];

  beforeAll(async () => {
    h = await startHarness();
    facilitator = await testSession(h.app, { role: 'analyst', level: 1 });
    cleared = await testSession(h.app, { role: 'viewer', level: 1 });
    uncleared = await testSession(h.app, { role: 'viewer', level: 0 });
    evaluator = await testSession(h.app, { role: 'viewer', level: 1 });
  }, 60_000);
  afterAll(async () => h?.close());

  it('the facilitator designs the exercise with a marked inject, adds the players and opens a session', async () => {
    fPage = await pageSignedInAs(h, 'en', facilitator.headers);
    await fPage.goto(`${h.baseUrl}/#/exercises/new`);
    await fPage.getByLabel('Title (English)').first().fill('Gallium export ban drill');
    await fPage
      .getByLabel('Objectives (one per line; “English | 日本語”)')
      .fill('Decide on a stockpile release | 備蓄放出を判断する');
    await fillInject(fPage, 0, {
      id: 'brief',
      at: '0',
      title: 'Exercise start',
      body: 'Supply of 811292 is cut.',
    });
    const intel = await fillInject(fPage, 1, {
      id: 'intel',
      at: '1',
      team: 'gov',
      title: 'Restricted assessment XYZZY-TITLE',
      body: 'The supplier will extend the ban: XYZZY-BODY',
      expectation: 'Decide who may be told',
    });
    await intel.getByLabel('Marking of the inject').selectOption('1');
    await fillInject(fPage, 2, {
      id: 'stock-out',
      at: '2',
      team: 'gov',
      title: 'Stocks run out',
      body: 'Month 2: stocks of 811292 run out',
      expectation: 'Decide on a stockpile release',
    });
    for (const [i, id, taken, title] of [
      [3, 'release-confirmed', 'true', 'Release under way'],
      [4, 'escalation', 'false', 'Production stoppages'],
    ] as const) {
      const editor = await fillInject(fPage, i, { id, at: '2.5', team: 'gov', title });
      await editor.getByLabel('Fires only on a decision').check();
      await editor.getByLabel('Decision on inject').selectOption('stock-out');
      await editor.getByLabel('Fires if the action was taken').selectOption(taken);
      await editor.getByLabel('Action (empty = any decision)').selectOption('stockpile-release');
    }
    await fPage.getByRole('button', { name: 'Save exercise' }).click();
    await fPage.getByTestId('exercise-status').getByText('Ready').waitFor();
    exerciseId = decodeURIComponent(new URL(fPage.url()).hash.split('/')[2]);

    // The design as stored: the marked inject carries level 1, the conditions point at the stock-out.
    const stored = (
      await h.app.inject({ url: `/api/exercises/${exerciseId}`, headers: facilitator.headers })
    ).json();
    expect(stored.injects.map((i: { id: string }) => i.id)).toEqual([
      'brief',
      'intel',
      'stock-out',
      'release-confirmed',
      'escalation',
    ]);
    expect(stored.injects[1].marking).toEqual({ level: 1, compartments: [], releasableTo: null });
    expect(stored.injects[3].condition).toEqual({
      inject: 'stock-out',
      taken: true,
      action: 'stockpile-release',
    });
    expect(stored.design.objectives).toEqual([
      { en: 'Decide on a stockpile release', ja: '備蓄放出を判断する' },
    ]);

    for (const who of [cleared, uncleared]) {
      await fPage.getByLabel('User id').fill(who.user.id);
      await fPage.getByLabel('Role', { exact: true }).selectOption('player');
      await fPage.getByLabel('Team', { exact: true }).selectOption('gov');
      await fPage.getByRole('button', { name: 'Add or change participant' }).click();
      await fPage.getByTestId('participants').locator(`td[title="${who.user.id}"]`).waitFor();
    }
    const asEvaluator = await h.app.inject({
      method: 'PUT',
      url: `/api/exercises/${exerciseId}/participants/${evaluator.user.id}`,
      headers: facilitator.headers,
      payload: { role: 'evaluator' },
    });
    expect(asEvaluator.statusCode).toBe(204);
    await fPage.getByRole('button', { name: 'Open a new session' }).click();
    await joined(fPage);
    sessionId = decodeURIComponent(new URL(fPage.url()).hash.split('/')[4]);
    expect(sessionId).toMatch(/.+/);
    expect(await fPage.getByTestId('session-state').innerText()).toBe('State: Ready');
  });

  it('delivers injects in order, by clearance: the uncleared player gets a notice, never the content', async () => {
    const live = `${h.baseUrl}/#/exercises/${exerciseId}/session/${sessionId}`;
    aPage = await pageSignedInAs(h, 'en', cleared.headers);
    aFrames = recordFrames(aPage);
    await aPage.goto(live);
    bPage = await pageSignedInAs(h, 'ja', uncleared.headers);
    bFrames = recordFrames(bPage);
    await bPage.goto(live);
    await Promise.all([joined(aPage), joined(bPage)]);
    // Japanese UI for the uncleared player.
    await bPage.getByRole('heading', { name: '図上演習' }).waitFor();
    expect(await bPage.getByTestId('your-part').innerText()).toBe('あなたの役割: プレイヤー(政府)');

    await fPage.getByRole('button', { name: 'Start' }).click();
    await bPage.getByTestId('session-state').getByText('状態: 進行中').waitFor();
    await fPage.getByLabel('Advance by').fill('1');
    await fPage.getByRole('button', { name: 'Advance' }).click();
    await aPage
      .locator('[data-inject="intel"]')
      .getByText('Restricted assessment XYZZY-TITLE', { exact: true })
      .waitFor();
    await bPage.getByTestId('withheld').waitFor();
    await fPage.getByRole('button', { name: 'Advance' }).click();
    await aPage.locator('[data-inject="stock-out"]').waitFor();
    await bPage.locator('[data-inject="stock-out"]').waitFor();
    await fPage.locator('[data-inject="stock-out"]').waitFor();

    expect(await deliveredIds(aPage)).toEqual(['brief', 'intel', 'stock-out']);
    expect(await deliveredIds(bPage)).toEqual(['brief', 'intel', 'stock-out']);
    expect(await deliveredIds(fPage)).toEqual(['brief', 'intel', 'stock-out']);
    expect(await aPage.locator('[data-inject="intel"]').innerText()).toContain('XYZZY-BODY');
    expect(await aPage.getByTestId('sim-time').innerText()).toBe('Simulated time: 2 months');
    // The uncleared player's notice: that an inject for their team was withheld, in Japanese, nothing of it.
    const notice = await bPage.getByTestId('withheld').innerText();
    expect(notice).toBe(
      '政府 宛て(1 か月)の状況付与は、指定区分の取扱資格がないため表示されません。内容は伏せられています。',
    );
    const bText = await bPage.locator('main').innerText();
    for (const s of SECRET) expect(bText).not.toContain(s);
    // …and on the wire: no frame the uncleared browser received carries the content.
    expect(bFrames.length).toBeGreaterThan(4);
    for (const frame of bFrames) for (const s of SECRET) expect(frame).not.toContain(s);
    const withheld = bFrames.map((f) => JSON.parse(f)).find((f) => f.event?.kind === 'withheld');
    expect(Object.keys(withheld.event).sort()).toEqual([
      'at',
      'createdAt',
      'injectId',
      'kind',
      'seq',
      'simTime',
      'team',
    ]);
    expect(aFrames.some((f) => f.includes('XYZZY-BODY'))).toBe(true);
    await screenshot(bPage, 'exercise-player-withheld-ja');
  });

  it('records a decision, shows it to the team and the facilitator, and fires the condition it meets', async () => {
    await aPage.locator('[data-inject="stock-out"] summary').click();
    const form = aPage.getByRole('form', { name: 'Decision on “Stocks run out”' });
    await form
      .getByLabel('Options considered (one per line)')
      .fill('Release the stockpile\nWait for partners');
    await form.getByLabel('Action chosen').fill('Release 30 days of the national stockpile');
    await form.getByLabel('Rationale').fill('Stocks run out in month 2');
    await form.getByLabel('Owner').fill('METI minerals office');
    await form.getByLabel('Follow-up').fill('Review in month 3');
    await form.getByLabel('What it changes in the scenario').selectOption('stockpile-release');
    await form.getByLabel('Days of stock cover released').fill('30');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByText('Decision recorded.').waitFor();

    for (const page of [fPage, bPage])
      await page
        .locator('[data-inject="stock-out"] [data-testid="decision"]')
        .getByText('Release 30 days')
        .waitFor();
    const decisions = await listDecisions(h.app.services.state, sessionId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      injectId: 'stock-out',
      team: 'gov',
      userId: cleared.user.id,
      optionsConsidered: ['Release the stockpile', 'Wait for partners'],
      action: 'Release 30 days of the national stockpile',
      rationale: 'Stocks run out in month 2',
      owner: 'METI minerals office',
      followUp: 'Review in month 3',
      adjustment: { kind: 'stockpile-release', products: 'all', days: 30 },
    });
  });

  it('an evaluator follows every team and scores an expectation of a delivered inject', async () => {
    const page = await pageSignedInAs(h, 'en', evaluator.headers);
    await page.goto(`${h.baseUrl}/#/exercises/${exerciseId}/session/${sessionId}`);
    await joined(page);
    expect(await page.getByTestId('your-part').innerText()).toBe('Your part: Evaluator');
    expect(await deliveredIds(page)).toEqual(['brief', 'intel', 'stock-out']);
    expect(await page.locator('[data-inject="stock-out"] summary').count()).toBe(0); // no decision form
    const stockOut = page.locator('[data-inject="stock-out"]');
    await stockOut.getByLabel('Score (0–100)').fill('80');
    await stockOut.getByLabel('Comment').fill('Released in time');
    await stockOut.getByRole('button', { name: 'Save score' }).click();
    await stockOut.getByText('Score saved.').waitFor();
    const scores = (
      await h.app.inject({ url: `/api/exercise-sessions/${sessionId}/scores`, headers: facilitator.headers })
    ).json();
    expect(scores.items).toMatchObject([
      {
        injectId: 'stock-out',
        expectationId: 'stock-out-e1',
        evaluatorId: evaluator.user.id,
        score: 80,
        comment: 'Released in time',
      },
    ]);
    await page.context().close();
  });

  it('a player who reloads mid-exercise sees everything again and keeps receiving live events', async () => {
    const before = bFrames.length;
    await bPage.reload();
    await joined(bPage);
    expect(await deliveredIds(bPage)).toEqual(['brief', 'intel', 'stock-out']);
    await bPage.getByTestId('withheld').waitFor();
    await bPage
      .locator('[data-inject="stock-out"] [data-testid="decision"]')
      .getByText('Release 30 days')
      .waitFor();
    expect(await bPage.getByTestId('sim-time').innerText()).toBe('シミュレーション時間: 2 か月');
    // The replay came over the socket again (after=0), still without the content.
    const replay = bFrames.slice(before);
    expect(replay.some((f) => f.includes('"type":"synced"'))).toBe(true);
    for (const frame of replay) for (const s of SECRET) expect(frame).not.toContain(s);

    // Live again: the release was decided, so the confirmation fires and the escalation does not.
    await fPage.getByLabel('Advance by').fill('1');
    await fPage.getByRole('button', { name: 'Advance' }).click();
    await bPage
      .locator('[data-inject="release-confirmed"]')
      .getByText('Release under way', { exact: true })
      .waitFor();
    await aPage.locator('[data-inject="release-confirmed"]').waitFor();
    expect(await deliveredIds(bPage)).toEqual(['brief', 'intel', 'stock-out', 'release-confirmed']);
    expect(await fPage.locator('[data-inject="escalation"]').count()).toBe(0);
    await fPage.getByText('Inject escalation did not fire: its condition was not met.').waitFor();
    for (const frame of bFrames) for (const s of SECRET) expect(frame).not.toContain(s);
    await screenshot(fPage, 'exercise-facilitator-en');
  });

  it('the facilitator ends the session; the report links carry the session', async () => {
    await fPage.getByRole('button', { name: 'End session' }).click();
    await aPage.getByTestId('session-state').getByText('State: Ended').waitFor();
    await aPage.getByRole('heading', { name: 'Lessons learned' }).waitFor();
    await aPage.getByLabel('What worked well?').fill('Quick release decision');
    await aPage.getByRole('button', { name: 'Send answers' }).click();
    await aPage.getByText('Thank you: your answers were recorded.').waitFor();

    await fPage.goto(`${h.baseUrl}/#/exercises/${exerciseId}`);
    const pdf = fPage.getByRole('link', { name: 'PDF report' });
    await pdf.waitFor();
    const url = new URL((await pdf.getAttribute('href'))!, h.baseUrl);
    expect(url.pathname).toBe(`/api/exercises/${exerciseId}/report`);
    expect(url.searchParams.get('session')).toBe(sessionId);
    expect(url.searchParams.get('org')).toBe('test-ministry');
    const res = await fPage.request.get(url.toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
  });
});

/**
 * Exercises built on the scenario module, in the Japanese UI: one from a template in one step (its scenario runs
 * on the real 2024 BACI extract, then the injects are generated), and injects generated from a saved scenario's
 * finished run added to it in the designer — each generated inject's figures are the run's.
 */
describe('exercises from the scenario module (Japanese UI)', () => {
  let h: Harness;
  let analyst: Session;
  let runId = '';

  beforeAll(async () => {
    h = await startTradeHarness({ datasetId: 'baci-cm', ioTable: true, labels: true });
    analyst = await testSession(h.app, { role: 'analyst', level: 1 });
    const scenario = await h.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: analyst.headers,
      payload: {
        text: [
          'name: China cuts 850511 to Japan for 4 months',
          'nameJa: 中国が850511の対日輸出を4か月停止',
          'reporter: JPN',
          'year: 2024',
          'horizon: 12',
          'shocks:',
          '  - type: export-cut',
          '    exporter: CHN',
          '    products: ["850511"]',
          '    share: 1',
          '    duration: 4',
          'monteCarlo:',
          '  draws: 10',
          '  seed: 1',
        ].join('\n'),
      },
    });
    expect(scenario.statusCode).toBe(201);
    const run = await h.app.inject({
      method: 'POST',
      url: `/api/scenarios/${scenario.json().id}/runs`,
      headers: analyst.headers,
      payload: { version: 1 },
    });
    runId = run.json().id;
    await settleRunningWork();
  }, 120_000);
  afterAll(async () => {
    await settleRunningWork();
    await h?.close();
  });

  it('creates an exercise from a template and adds injects generated from a saved run in the designer', async () => {
    const page = await pageSignedInAs(h, 'ja', analyst.headers);
    await page.goto(`${h.baseUrl}/#/exercises`);
    await page.getByRole('heading', { name: 'テンプレートから演習を作成' }).waitFor();
    await page.getByLabel('テンプレート', { exact: true }).selectOption('export-ban-critical-mineral');
    await page.getByLabel('報告国(ISO3、例: JPN)').fill('JPN');
    await page.getByLabel('貿易年(空欄 = 最新)').fill('2024');
    await page.getByLabel('HS6コード(カンマ区切り、空欄 = テンプレートの既定)').fill('811292');
    await page.getByRole('button', { name: '演習を作成' }).click();
    await page.getByTestId('exercise-status').getByText('準備完了').waitFor({ timeout: 60_000 });
    const exerciseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    const before = (
      await h.app.inject({ url: `/api/exercises/${exerciseId}`, headers: analyst.headers })
    ).json().injects.length;
    expect(before).toBeGreaterThan(3);
    expect(await page.getByTestId('inject-script').locator('tbody tr').count()).toBe(before);

    await page.getByRole('link', { name: '設計と状況付与を編集' }).click();
    await page.getByLabel('保存済みシナリオ').selectOption({ label: '中国が850511の対日輸出を4か月停止' });
    await page.getByLabel('完了した実行').waitFor();
    await page.getByRole('button', { name: '生成した状況付与を追加' }).click();
    const status = await page.getByText(/^実行から \d+ 件の状況付与を追加しました。$/).innerText();
    const added = Number(/\d+/.exec(status)![0]);
    expect(added).toBeGreaterThan(3);
    // The designer reloads with the new injects; the stored ones carry the run's figures.
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="inject-editor"]').length === n,
      before + added,
    );
    const run = (await h.app.inject({ url: `/api/scenario-runs/${runId}`, headers: analyst.headers })).json();
    const exercise = (
      await h.app.inject({ url: `/api/exercises/${exerciseId}`, headers: analyst.headers })
    ).json();
    const generated = exercise.injects.filter(
      (i: { source: { runId: string } | null }) => i.source?.runId === runId,
    );
    expect(generated).toHaveLength(added);
    for (const f of generated.flatMap((i: { figures: { path: string; value: number }[] }) => i.figures)) {
      let v: unknown = run.result;
      for (const part of f.path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown>)[part];
      expect(f.value).toBe(v);
    }
    await screenshot(page, 'exercise-designer-ja');

    // Decisions change the world: a session, the scenario run again from the live console, compared side by side.
    await page.goto(`${h.baseUrl}/#/exercises/${exerciseId}`);
    await page.getByRole('button', { name: '新しいセッションを開く' }).click();
    await joined(page);
    await page.getByRole('button', { name: '開始', exact: true }).click();
    await page.getByTestId('session-state').getByText('状態: 進行中').waitFor();
    await page.getByRole('button', { name: '時間を進める' }).click();
    const first = page.locator('[data-testid="timeline"] [data-inject]').first();
    await first.waitFor();
    const injectId = (await first.getAttribute('data-inject'))!;
    // A decision that changes the scenario, recorded over HTTP: it arrives on the console over the socket.
    const sessionId = decodeURIComponent(new URL(page.url()).hash.split('/')[4]);
    const decided = await h.app.inject({
      method: 'POST',
      url: `/api/exercise-sessions/${sessionId}/decisions`,
      headers: analyst.headers,
      payload: {
        injectId,
        action: '国家備蓄を30日分放出',
        adjustment: { kind: 'stockpile-release', products: 'all', days: 30 },
      },
    });
    expect(decided.statusCode).toBe(201);
    await page
      .locator(`[data-inject="${injectId}"] [data-testid="decision"]`)
      .getByText('国家備蓄を30日分放出')
      .waitFor();
    await page.getByRole('button', { name: '意思決定を反映してシナリオを再実行' }).click();
    await page.getByText('意思決定を反映したシナリオを実行しています。').waitFor();
    await settleRunningWork();
    await page.goto(`${h.baseUrl}/#/exercises/${exerciseId}`);
    const outcome = page.getByTestId('outcomes').locator('tbody tr');
    await outcome.getByText('完了').waitFor();
    const baseline = exercise.baselineRunId as string;
    await outcome.getByRole('link', { name: '当初の結果と比較' }).click();
    await page.waitForURL(new RegExp(`#/scenarios/compare\\?runs=${baseline}%2C`));
  });
});
