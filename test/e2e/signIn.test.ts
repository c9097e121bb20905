import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHanako, newPage, screenshot, startHarness, type Harness } from './harness.ts';

describe('sign-in', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await addHanako(h);
  });
  afterAll(async () => h?.close());

  it('asks to sign in, refuses a wrong password, signs in, shows the clearance, signs out', async () => {
    const page = await newPage(h, 'ja', false);
    await page.goto(h.baseUrl);
    await page.getByRole('heading', { name: 'サインイン' }).waitFor();
    await page.getByLabel('ユーザー名').fill('hanako');
    await page.getByLabel('パスワード').fill('wrong password');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('パスワードが違う');
    await page.getByLabel('パスワード').fill('correct horse battery');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByText('山田 花子 としてサインイン中(閲覧者、取扱注意 まで閲覧可)').waitFor();
    await page.getByRole('heading', { name: 'データセット' }).waitFor();
    await screenshot(page, 'signed-in-ja');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'chokepoint_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.getByRole('heading', { name: 'サインイン' }).waitFor();
    expect((await page.context().request.get(`${h.baseUrl}/api/auth/me`)).status()).toBe(401);
    await page.context().close();
  });
});
