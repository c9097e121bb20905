import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importOwnership, readOwnershipInputs } from '../../src/data/ownership/index.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData } from '../helpers/tmp.ts';
import { allConditions } from '../investment/caseFixtures.ts';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * The investment view in the browser (issue 21): the real Gasgrid Finland chain (BODS 0.4 example) imported, a
 * notification opened through the API; the inbox shows its review deadline and the case page its rule path and
 * the ownership graph, in Japanese.
 */
describe('investment screening view', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness(async (dir) => {
      const file = path.join(sharedData, 'ownership', 'bods-examples', 'bods-package-fi-soe.json');
      importOwnership({
        dataDir: new DataDir(dir).ensure(),
        format: 'bods',
        inputs: readOwnershipInputs(file),
      });
    });
    const { headers } = await testSession(h.app, { role: 'analyst', level: 3 });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/investment/cases',
      headers,
      payload: {
        case: {
          investor: {
            name: 'Gasgrid Finland Oy',
            country: 'FIN',
            kind: 'company',
            ownershipEntity: '19f1c5afe9d7',
          },
          target: { name: 'Example Gas KK', listed: true, jsic: ['3411'] },
          action: { type: 'acquisition', holdingAfter: 0.04 },
          commitments: allConditions,
          acceptedOn: '2026-12-01',
        },
        reviewer: 'reviewer-1',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    caseId = res.json().id;
  }, 60_000);
  afterAll(async () => h?.close());

  it('shows the deadline in the inbox and the rule path and ownership graph on the case page', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/investment`);
    await page.getByRole('heading', { name: '対内直接投資審査（外為法）' }).waitFor();
    await page.getByRole('link', { name: 'Gasgrid Finland Oy → Example Gas KK' }).first().waitFor();
    expect(await page.locator('.investment-deadlines').innerText()).toContain('2026-12-31');
    await page.getByRole('heading', { name: '適用規則' }).waitFor();
    await screenshot(page, 'investment-inbox-ja');
    await page.goto(`${h.baseUrl}/#/investment/${caseId}`);
    await page.getByText('事前届出', { exact: true }).waitFor();
    const reasons = await page.locator('.investment-reasons').innerText();
    expect(reasons).toContain('owner:state-controlled');
    expect(reasons).toContain('一般免除は利用不可');
    await page.getByRole('img', { name: '資本関係図：主体と直接の保有関係' }).waitFor();
    await page.getByText(/Suomen tasavalta.*実効 0 %.*支配含む 100 %/).waitFor();
    expect(fs.existsSync(await screenshot(page, 'investment-case-ja'))).toBe(true);
  });
});
