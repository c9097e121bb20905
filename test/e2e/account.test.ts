import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser } from '../../src/data/security/users.ts';
import { addHanako, newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * Every user's own page (issue 27): a viewer, who has no administration entry, changes the password — refusals
 * are shown by their field in the page's language — and signs in with the new one; creates an API token that
 * works as a Bearer token until it is revoked.
 */
describe('my account', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await addHanako(h);
  });
  afterAll(async () => h?.close());

  const signIn = async (page: Page, password: string) => {
    await page.getByLabel('ユーザー名').fill('hanako');
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'サインイン' }).click();
  };
  const change = async (page: Page, current: string, next: string, confirm: string) => {
    await page.getByLabel('現在のパスワード').fill(current);
    await page.getByLabel('新しいパスワード', { exact: true }).fill(next);
    await page.getByLabel('新しいパスワード（確認）').fill(confirm);
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
  };

  it('changes the password with errors by the field, then signs in with the new one only', async () => {
    const page = await newPage(h, 'ja', false);
    await page.goto(h.baseUrl);
    await signIn(page, 'correct horse battery');
    await page.getByRole('link', { name: 'アカウント' }).click();
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();

    // Checked in the page: too short, and the confirmation differs.
    await change(page, 'correct horse battery', 'short', 'short');
    await page.locator('#newPassword-error').getByText('12 文字以上').waitFor();
    expect(await page.getByLabel('新しいパスワード', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await change(page, 'correct horse battery', 'staple battery horse', 'staple battery hors');
    await page.locator('#confirm-error').getByText('一致しません').waitFor();
    // Checked by the server: the current password.
    await change(page, 'wrong horse battery', 'staple battery horse', 'staple battery horse');
    await page.locator('#currentPassword-error').getByText('現在のパスワードが違います').waitFor();
    expect(await page.getByLabel('現在のパスワード').getAttribute('aria-invalid')).toBe('true');

    await change(page, 'correct horse battery', 'staple battery horse', 'staple battery horse');
    await page.getByRole('status').getByText('パスワードを変更しました').waitFor();
    expect(await page.getByLabel('現在のパスワード').inputValue()).toBe('');
    await screenshot(page, 'account-ja');

    await page.getByRole('button', { name: 'サインアウト' }).click();
    await signIn(page, 'correct horse battery');
    await page.getByRole('alert').getByText('パスワードが違う').waitFor();
    await signIn(page, 'staple battery horse');
    await page.getByText('山田 花子 としてサインイン中').waitFor();
    await page.context().close();
  });

  it('creates an API token shown once, which works until it is revoked (English)', async () => {
    const page = await newPage(h, 'en', { role: 'viewer', level: 1 });
    await page.goto(`${h.baseUrl}/#/account`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('No tokens.').waitFor();
    await page.getByLabel('Token name').fill('nightly script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('.one-time code').innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const row = page.getByRole('row', { name: /nightly script/ });
    await row.getByText('never').waitFor();

    const me = () => h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect((await me()).statusCode).toBe(200);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    expect((await me()).statusCode).toBe(401);
    await page.context().close();
  });

  it('holds a one-time password at its own page until it is changed, then opens the app', async () => {
    const { password } = await addUser(h.app.services.state, {
      username: 'jiro',
      displayName: '鈴木 次郎',
      organisationId: 'meti',
      role: 'analyst',
      clearanceLevel: 1,
    });
    const page = await newPage(h, 'ja', false);
    await page.goto(`${h.baseUrl}/#/screen`);
    await page.getByLabel('ユーザー名').fill('jiro');
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByRole('heading', { name: 'ご自身のパスワードを設定してください' }).waitFor();
    // Nothing of the app is shown (its requests would be refused): no signed-in line, no screening form.
    expect(await page.locator('p.session').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'サプライチェーン分析' }).count()).toBe(0);
    await change(page, password, 'jiro has his own now', 'jiro has his own now');
    await page.getByText('鈴木 次郎 としてサインイン中').waitFor();
    await page.getByRole('heading', { name: 'サプライチェーン分析' }).waitFor();
    await screenshot(page, 'first-password-changed-ja');
    const me = await h.app.services.state.query<{ must_change_password: boolean }>(
      'SELECT must_change_password FROM users WHERE username = $1',
      ['jiro'],
    );
    expect(me[0].must_change_password).toBe(false);
    await page.context().close();
  });
});
