import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSignedInAs, screenshot, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Sharing and dialogue in the browser (issue 24): an analyst shares the Japan 2024 screen (real BACI extract, 31
 * products) with a partner organisation and a signed link for a person without an account; a viewer of that
 * organisation finds it under "Shared with me" and opens its snapshot; the link serves the page watermarked with
 * the person's name without signing in. Then a hearing is recorded on the dialogue page and its follow-up is due.
 */
describe('sharing analyses and dialogue records in the browser', () => {
  let h: Harness;
  let analyst: Record<string, string>;
  let partner: Record<string, string>;
  let linkUrl = '';

  beforeAll(async () => {
    h = await startTradeHarness({ labels: true });
    analyst = (await testSession(h.app, { role: 'analyst', level: 2, organisation: 'meti' })).headers;
    partner = (await testSession(h.app, { role: 'viewer', level: 1, organisation: 'partner-a' })).headers;
  }, 120_000);
  afterAll(async () => h?.close());

  it('shares a screen from its page with an organisation and a signed link', async () => {
    const page = await pageSignedInAs(h, 'en', analyst);
    await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
    await page.locator('[data-testid="screen-summary"][data-total="31"]').waitFor();
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this result' });
    await dialog.getByLabel('Title').fill('Japan 2024 screen for partner A');
    await dialog.getByLabel('Organisations (ids, comma-separated)').fill('partner-a');
    await dialog.getByLabel(/Also make a signed link/).check();
    await dialog.getByLabel(/Their name/).fill('Hanako Sato (JEITA)');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.getByText('Shared with 1 recipient(s).').waitFor();
    linkUrl = (await dialog.locator('.share-token').textContent()) ?? '';
    expect(linkUrl).toMatch(/\/api\/share-links\/[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'share-dialog');
  });

  it('the partner finds it under Shared with me and opens the snapshot', async () => {
    const page = await pageSignedInAs(h, 'ja', partner);
    await page.goto(`${h.baseUrl}/#/shared`);
    await page.getByRole('heading', { name: '共有された分析' }).waitFor();
    await page.getByRole('button', { name: 'Japan 2024 screen for partner A' }).click();
    const article = page.getByRole('article', { name: 'Japan 2024 screen for partner A' });
    await article
      .getByText('取扱注意', { exact: false })
      .or(article.getByText('公開', { exact: false }))
      .first()
      .waitFor();
    await article.getByText('スナップショット(共有者が見た内容)').click();
    const fields = article.getByTestId('share-fields');
    expect(
      await fields
        .locator('div', { has: page.locator('dt', { hasText: /^screened$/ }) })
        .locator('dd')
        .textContent(),
    ).toBe('31');
    expect(await article.locator('pre').textContent()).toContain('"reporter"');
    await screenshot(page, 'shared-with-me');
  });

  it('the signed link opens without an account, watermarked with the recipient', async () => {
    const page = await pageSignedInAs(h, 'en', null);
    const res = await page.goto(linkUrl);
    expect(res?.status()).toBe(200);
    await page.locator('.watermark', { hasText: 'Hanako Sato (JEITA)' }).waitFor();
    await screenshot(page, 'share-link');
  });

  it('records a hearing on the dialogue page; its follow-up is due', async () => {
    const page = await pageSignedInAs(h, 'en', analyst);
    await page.goto(`${h.baseUrl}/#/dialogue`);
    const form = page.getByRole('form', { name: 'New record' });
    await form.getByLabel('Held on').fill('2026-11-20');
    await form.getByLabel('Title').fill('Hearing on gallium supply');
    await form.getByLabel('Products, HS6 (comma-separated)').fill('811292');
    await form.getByLabel(/Findings \(one per line/).fill('Gallium comes from one refiner | 811292 | CHN');
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(/Follow-ups \(one per line/).fill(`Send the minutes | k.ito | ${soon}`);
    await form.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('article', { name: 'Hearing on gallium supply' }).waitFor();
    await page
      .getByRole('table', { name: 'Follow-ups due within 30 days' })
      .getByText('Send the minutes')
      .waitFor();
    await page.getByRole('button', { name: 'Open scenario draft' }).click();
    await page.getByText(/Scenario draft [0-9a-f]{8} opened/).waitFor();
    await screenshot(page, 'dialogue');
  });
});
