import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, startHarness, type Harness } from './harness.ts';

/**
 * API errors in the user's language (issue 27): the API sends a code, a reason and parameters beside its English
 * message, and the Japanese UI says them in Japanese — a scenario's negative duration by its field, a scenario
 * that does not exist — while the English UI keeps the server's words.
 */
describe('API errors in the user’s language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  for (const [lang, texts] of [
    [
      'ja',
      {
        nameJa: '名称（日本語）',
        products: '品目（HS6桁コード、または all）',
        save: '保存',
        negative: '負の値は指定できません（指定値：-6）',
        missing: 'シナリオが見つかりません',
      },
    ],
    [
      'en',
      {
        nameJa: 'Name (Japanese)',
        products: 'Products (HS6 codes, or all)',
        save: 'Save',
        negative: 'must not be negative (got -6)',
        missing: 'scenario not found',
      },
    ],
  ] as const) {
    it(`says a refused scenario and a missing one in ${lang === 'ja' ? 'Japanese' : 'English'}`, async () => {
      const page = await newPage(h, lang);
      await page.goto(`${h.baseUrl}/#/scenarios/new`);
      await page.getByLabel(texts.nameJa).fill('中国が811292の対日輸出を削減');
      await page.getByLabel(texts.products).fill('811292');
      await page.locator('#sc-shocks-0-duration').fill('-6');
      await page.getByRole('button', { name: texts.save, exact: true }).click();
      const error = page.locator('[data-error-for="shocks[0].duration"]');
      await error.waitFor();
      expect(await error.innerText()).toContain(texts.negative);
      // Beside the field's name (a code), no English word in Japanese.
      if (lang === 'ja')
        expect((await error.innerText()).replace('shocks[0].duration', '')).not.toMatch(/[A-Za-z]{3,}/);

      await page.goto(`${h.baseUrl}/#/scenarios/00000000-0000-4000-8000-000000000000`);
      await page.getByText(texts.missing).waitFor();
      await page.context().close();
    });
  }
});
