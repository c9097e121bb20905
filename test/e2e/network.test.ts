import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSubmission } from '../../src/data/network/importSubmission.ts';
import { companyA, companyB, companyC, csvOf } from '../network/smallNetwork.ts';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * The supply-structure view in the browser (issue 24) on the hand-checked network of test/network/smallNetwork.ts:
 * a company uploads a bad file and sees the problems by row and column, then a good one; the ministry sees the
 * SPOF table (Alpha 36.7 %) and the graph; another company sees only the three-company cell (Gamma).
 */
describe('supply-chain structure view', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (const [org, lines] of [
      ['co-a', companyA],
      ['co-b', companyB],
    ] as const) {
      await h.app.services.state.query(
        "INSERT INTO organisations (id, name, kind, sharing_cap) VALUES ($1, $1, 'company', 2)",
        [org],
      );
      await importSubmission(h.app.services.state, {
        organisationId: org,
        content: Buffer.from(csvOf(lines)),
        fileName: `${org}.csv`,
        marking: { level: 1, compartments: [], releasableTo: null },
        submittedBy: 'test',
      });
    }
  }, 60_000);
  afterAll(async () => h?.close());

  it('a company uploads, sees problems by row and column, then its own submission', async () => {
    const page = await newPage(h, 'ja', {
      organisation: 'co-c',
      organisationKind: 'company',
      sharingCap: 2,
      level: 1,
    });
    await page.goto(`${h.baseUrl}/#/network`);
    await page.getByRole('heading', { name: 'サプライチェーン構造', exact: true }).waitFor();
    const bad = csvOf([{ ref: 'C1', tier: 1, name: 'Epsilon KK', country: 'XXX', share: 1 }]);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: '提出' }).click();
    const problems = page.locator('.network-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('supplier_country');
    expect(await problems.innerText()).toContain('ISO 3166の3文字国コードではありません');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(companyC)) });
    await page.getByRole('button', { name: '提出' }).click();
    await page.getByRole('status').waitFor();
    await page.locator('.network-submissions').getByText('c.csv').waitFor();
    expect(await page.locator('.network-submissions tbody tr').count()).toBe(1);
    // Outside the ministry: only Gamma (three companies) is shown.
    await page.locator('.network-spof').getByText('Gamma Rare Earth').waitFor();
    expect(await page.locator('.network-spof tbody tr').count()).toBe(1);
    await screenshot(page, 'network-company');
  }, 60_000);

  it('the ministry sees every cell and the graph', async () => {
    const page = await newPage(h, 'en', { level: 2 });
    await page.goto(`${h.baseUrl}/#/network`);
    await page.locator('.network-spof').getByText('Alpha Magnet Co', { exact: true }).waitFor();
    const table = await page.locator('.network-spof').innerText();
    expect(table).toContain('36.7 %');
    expect(table).toContain('Epsilon KK');
    await page
      .getByRole('img', { name: 'Supply graph of the product' })
      .or(page.locator('canvas'))
      .first()
      .waitFor();
    await screenshot(page, 'network-ministry');
  }, 60_000);
});
