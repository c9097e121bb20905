import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData } from '../helpers/tmp.ts';

/**
 * Administration in the browser: an administrator adds an organisation and a user through the forms (a refusal
 * is shown by its field), the one-time password appears once; an auditor sees those actions in the audit view
 * with the chain verification; a viewer has no administration entry; the language choice survives a reload.
 * On Home, the administrator fetches a dataset from the mirror and generates a SYNTHETIC year as jobs.
 */
describe('administration and audit view', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  const mirrorBefore = process.env.CHOKEPOINT_MIRROR;
  afterAll(async () => {
    if (mirrorBefore === undefined) delete process.env.CHOKEPOINT_MIRROR;
    else process.env.CHOKEPOINT_MIRROR = mirrorBefore;
    await h?.close();
  });

  it('lets an administrator add an organisation and a user, with errors by the field', async () => {
    const page = await newPage(h, 'en', { role: 'administrator', level: 3 });
    await page.goto(`${h.baseUrl}/#/admin/organisations`);
    await page.getByRole('link', { name: 'Administration' }).waitFor();
    await page.getByLabel('Identifier').fill('jp-assoc');
    await page.getByLabel('Name').fill('Japan Minerals Association');
    await page.getByLabel('Kind').selectOption('association');
    await page.getByLabel('Sharing cap (highest level it may receive)').selectOption('1');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const orgRow = page.locator('tr[data-org="jp-assoc"]');
    await orgRow.waitFor();
    expect(await orgRow.innerText()).toContain('Industry association (業界団体)');
    expect(await orgRow.innerText()).toContain('1 Restricted');

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Add user', level: 3 }).waitFor();
    await page.getByLabel('User name').fill('tanaka');
    await page.getByLabel('Display name').fill('Tanaka Hanako');
    await page.getByLabel('Organisation').selectOption('jp-assoc');
    await page.getByLabel('Role').selectOption('analyst');
    await page.getByLabel('Compartments').fill('minerals, batteries');
    // Level 2 is above the association's sharing cap (1): the API refuses, and the message sits by that field.
    await page.getByLabel('Clearance level').selectOption('2');
    await page.getByRole('button', { name: 'Add user' }).click();
    const levelError = page.locator('#user-clearanceLevel-error');
    await levelError.getByText(/cap/).waitFor();
    expect(await page.getByLabel('Clearance level').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('tr[data-user="tanaka"]').count()).toBe(0);

    await page.getByLabel('Clearance level').selectOption('1');
    await page.getByRole('button', { name: 'Add user' }).click();
    const oneTime = page.getByTestId('one-time-password');
    await oneTime.waitFor();
    const password = await oneTime.locator('code').innerText();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const userRow = page.locator('tr[data-user="tanaka"]');
    await userRow.waitFor();
    expect(await userRow.innerText()).toContain('jp-assoc');
    expect(await userRow.innerText()).toContain('batteries, minerals');
    // The password really signs the new user in (checked against the API, not the page).
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'tanaka', password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'analyst', organisationId: 'jp-assoc' });
    await page.getByRole('button', { name: 'I have noted it' }).click();
    expect(await oneTime.count()).toBe(0);

    // Disable and enable again.
    await userRow.getByRole('button', { name: 'Disable' }).click();
    await userRow.getByText('disabled').waitFor();
    await userRow.getByRole('button', { name: 'Enable' }).click();
    await userRow.getByText('active').waitFor();
    await screenshot(page, 'admin-users-en');
    await page.context().close();
  });

  it('shows the auditor those actions and the verified chain; no administration entry for viewers', async () => {
    const page = await newPage(h, 'en', { role: 'auditor', level: 3 });
    await page.goto(`${h.baseUrl}/#/admin`);
    const verify = page.getByTestId('audit-verify');
    await verify.getByText(/Intact: \d+ entries/).waitFor();
    // The page's verification counted every entry before it; its own verify call then appended exactly one.
    const shown = Number(/Intact: (\d+) entries/.exec(await verify.innerText())![1]);
    const [{ n }] = await h.app.services.state.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM audit_log',
    );
    expect(shown).toBe(Number(n) - 1);
    expect(await verify.getAttribute('class')).toContain('ok');

    const audit = page.getByTestId('audit');
    await audit.waitFor();
    const orgEntry = audit.locator('tr[data-action="organisation.add"]');
    expect(await orgEntry.innerText()).toContain('jp-assoc');
    expect(await audit.locator('tr[data-action="user.add"]').innerText()).toContain('tanaka');
    expect(await audit.locator('tr[data-action="user.disable"]').count()).toBe(1);
    expect(await audit.locator('tr[data-action="user.enable"]').count()).toBe(1);

    // Filter by action: only user.add rows remain, and the total says how many the log holds.
    await page.getByLabel('Action').fill('user.add');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 entries match').waitFor();
    const [{ n: adds }] = await h.app.services.state.query<{ n: number | string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'user.add'",
    );
    expect(Number(adds)).toBe(1);
    expect(await audit.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'admin-audit-en');

    // Japanese, remembered after a reload.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '監査ログ' }).waitFor();
    await page.reload();
    await page.getByText('ハッシュチェーンの検証').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.context().close();

    const viewer = await newPage(h, 'en', { role: 'viewer', level: 0 });
    await viewer.goto(h.baseUrl);
    await viewer.getByRole('heading', { name: 'Datasets' }).waitFor();
    expect(await viewer.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await viewer.context().close();
    // The auditor may not add users: the API says so (the nav hides nothing the server would allow).
    const { headers } = await testSession(h.app, { role: 'auditor', level: 3 });
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { username: 'x-user', organisationId: 'jp-assoc', role: 'viewer' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('fetches a dataset from the mirror and generates a SYNTHETIC year from Home, with clear errors', async () => {
    delete process.env.CHOKEPOINT_MIRROR;
    const page = await newPage(h, 'en', { role: 'administrator', level: 3 });
    await page.goto(h.baseUrl);
    await page.getByTestId('no-datasets').waitFor();
    await page.getByText(/No mirror is configured/).waitFor();
    await page.getByRole('combobox', { name: /^Dataset/ }).selectOption('baci-critical-minerals');
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    // The server refuses before starting: the BACI extract exists only in mirrors.
    await page
      .locator('#fetch-error')
      .getByText(/CHOKEPOINT_MIRROR/)
      .waitFor();

    // The server reads CHOKEPOINT_MIRROR per request: set it to the shared data, laid out as a mirror.
    process.env.CHOKEPOINT_MIRROR = sharedData;
    await page.reload();
    await page.getByRole('combobox', { name: /^Dataset/ }).selectOption('baci-sample-zaf-afg');
    expect(await page.getByText(/No mirror is configured/).count()).toBe(0);
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    const fetchJob = page.getByTestId('job-fetch');
    expect(await fetchJob.getAttribute('aria-live')).toBe('polite');
    await fetchJob.getByText('Done: fetch.').waitFor({ timeout: 60_000 });
    // The list refreshed by itself, with the provenance of the copied file: its SHA-256 computed here.
    const row = page.locator('tr[data-dataset="baci-sample-zaf-afg"]');
    await row.waitFor();
    const sha = createHash('sha256')
      .update(fs.readFileSync(path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv')))
      .digest('hex');
    expect(await row.locator('.checksum').innerText()).toBe(`${sha.slice(0, 12)}…`);
    expect(await row.innerText()).toContain('CEPII');
    expect(await page.locator('.banner.synthetic').count()).toBe(0);

    // A SYNTHETIC year: generated, imported, then labelled everywhere on the page.
    await page.getByRole('spinbutton', { name: /^Year/ }).fill('2025');
    await page.getByRole('spinbutton', { name: /^Flows/ }).fill('20000');
    await page.getByRole('spinbutton', { name: /^Seed/ }).fill('7');
    await page.getByRole('button', { name: 'Generate' }).click();
    const synthJob = page.getByTestId('job-synth');
    await synthJob.getByText(/Done|Failed/).waitFor({ timeout: 90_000 });
    expect(await synthJob.innerText()).toContain('Done: SYNTHETIC year.');
    await page.locator('.banner.synthetic').waitFor();
    const synthetic = page.locator('tr', { has: page.locator('.tag.synthetic') });
    expect(await synthetic.count()).toBe(1);
    const datasets = (
      await h.app.inject({ url: '/api/datasets', headers: (await testSession(h.app)).headers })
    ).json();
    const made = datasets.items.find((d: { synthetic: boolean }) => d.synthetic);
    expect(made.years).toEqual([2025]);
    expect(await synthetic.getAttribute('data-dataset')).toBe(made.id);
    // Both jobs are listed, done.
    expect(await page.getByTestId('jobs').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'home-admin-en');
    await page.context().close();
  });

  it('fetches every dataset at once from Home; what the analyses read is imported with it (issue 27)', async () => {
    process.env.CHOKEPOINT_MIRROR = sharedData;
    const page = await newPage(h, 'ja', { role: 'administrator', level: 3 });
    await page.goto(h.baseUrl);
    await page.getByRole('button', { name: 'すべて取得' }).click();
    const job = page.getByTestId('job-fetch');
    await job.getByText(/完了|失敗/).waitFor({ timeout: 240_000 });
    expect(await job.innerText()).not.toContain('失敗');
    // The IO table, China's monthly exports and the Pink Sheet prices are ready for scenarios and early warning,
    // next to the files they came from (no CLI import).
    for (const id of ['japan-io-2011', 'io-jp2011', 'china-minerals-monthly', 'pinksheet-prices', 'sea-network'])
      await page.locator(`tr[data-dataset="${id}"]`).waitFor();
    const headers = (await testSession(h.app)).headers;
    const datasets = (await h.app.inject({ url: '/api/datasets', headers })).json();
    const kinds = Object.fromEntries(datasets.items.map((d: { id: string; kind: string }) => [d.id, d.kind]));
    expect(kinds).toMatchObject({
      'io-jp2011': 'io-table',
      'china-minerals-monthly': 'trade-monthly',
      'pinksheet-prices': 'prices',
    });
    await page.context().close();
  });
});
