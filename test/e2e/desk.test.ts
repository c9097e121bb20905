import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * The anonymous consultation desk in the browser: a signed-out SME asks in Japanese and gets a case token,
 * desk staff answer it, the requester reads the answer with the token. The token never appears in the URL.
 */
describe('consultation desk', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('asks without an account, is answered by staff, and reads the answer with the token', async () => {
    const requester = await newPage(h, 'ja', false);
    await requester.goto(`${h.baseUrl}/#/desk`);
    await requester.getByRole('heading', { name: '相談窓口（匿名）' }).waitFor();
    const question = '取引先から製造ノウハウの開示を求められています。技術流出の懸念はありますか？';
    await requester.getByLabel('相談分野').selectOption('technology_leakage');
    await requester.getByLabel('ご相談内容').fill(question);
    await requester.getByRole('button', { name: '匿名で送信' }).click();
    const token = (await requester.getByTestId('case-token').innerText()).trim();
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(requester.url()).not.toContain(token);
    await screenshot(requester, 'desk-ja');

    const staff = await newPage(h, 'ja', { role: 'analyst' });
    await staff.goto(`${h.baseUrl}/#/consultations`);
    await staff.getByRole('heading', { name: '相談窓口：相談一覧' }).waitFor();
    await staff
      .getByRole('button', { name: /受付中/ })
      .first()
      .click();
    await staff.getByText(question).waitFor();
    const answer = '開示範囲を契約で限定し、技術管理の社内規程を確認してください。';
    await staff.getByRole('textbox', { name: '回答' }).fill(answer);
    await staff.getByRole('button', { name: '回答を送信' }).click();
    await staff.locator('.message-staff', { hasText: answer }).waitFor();

    await requester.getByLabel('相談トークン').fill(token);
    await requester.getByRole('button', { name: '確認' }).click();
    await requester.locator('.message-staff', { hasText: answer }).waitFor();
    expect(await requester.locator('.case-thread').innerText()).toContain('回答済み');
    expect(requester.url()).not.toContain(token);
  });
});
