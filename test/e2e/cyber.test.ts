import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { importOsvDatabase } from '../../src/data/cyber/osvDatabase.ts';
import { importKev } from '../../src/data/cyber/kevCatalog.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData } from '../helpers/tmp.ts';
import { getJson, newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * Cyber and SBOM in the browser (issue 22) on the mirror's cyber datasets fetched with their checksums: an analyst
 * imports the ProtonMail Bridge v1.8.0 CycloneDX SBOM and sees the vulnerabilities the API lists for it (OSV Go
 * records, CISA KEV) with the datasets' versions; imports CISA's CPG 2.0 (CISO Assistant library), answers one
 * requirement and sees the score the server computes change; in Japanese, the SBOM page's vulnerability section.
 */
const sbomFile = 'proton-bridge-v1.8.0.cdx-1.2.json';
const organisation = 'supplier-e2e';

interface Vulns {
  vulnerabilities: {
    component: string;
    purl: string;
    vulnId: string;
    fixedIn: string[];
    kev: boolean;
    suppressed: boolean;
    vex: { status: string } | null;
  }[];
  osv: { version: string };
}
interface Assessment {
  score: { overall: { score: number | null; implemented: number; applicable: number } } | null;
}

describe('cyber and SBOM', () => {
  let h: Harness;
  let sbomPath = '';
  let cpgPath = '';
  let sbomId = '';
  beforeAll(async () => {
    h = await startHarness(async (dir) => {
      const dataDir = new DataDir(dir).ensure();
      const fetched = async (id: string) => {
        const { entries } = await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
        return dataDir.datasetDir(entries[0]);
      };
      sbomPath = path.join(await fetched('cyber-sboms'), 'cyclonedx', sbomFile);
      cpgPath = path.join(await fetched('ciso-assistant-controls'), 'cisa-cpg-2.0.yaml');
      await importOsvDatabase({ dataDir, source: await fetched('osv-go-proton-bridge') });
      importKev({
        dataDir,
        file: path.join(await fetched('cisa-kev'), 'known_exploited_vulnerabilities.json'),
      });
    });
  });
  afterAll(async () => h?.close());

  it('imports a real SBOM and shows the vulnerabilities the API lists for it', async () => {
    const page = await newPage(h, 'en', { organisation, organisationKind: 'company' });
    await page.goto(`${h.baseUrl}/#/cyber`);
    await page.getByRole('heading', { name: 'Import an SBOM' }).waitFor();
    await page.getByLabel('SBOM file').setInputFiles(sbomPath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status');
    await done.getByText(/^Imported “.*” with \d+ components\.$/).waitFor();
    await done.getByRole('link').click();
    sbomId = decodeURIComponent(/#\/cyber\/sbom\/([^/?]+)/.exec(page.url())?.[1] ?? '');
    expect(sbomId).not.toBe('');

    const { headers } = await testSession(h.app, {
      role: 'analyst',
      level: 3,
      organisation,
      organisationKind: 'company',
    });
    const api = await getJson<Vulns>(h, headers, `/api/cyber/sboms/${sbomId}/vulnerabilities`);
    // docs/cyber.md: 21 vulnerabilities for this SBOM against the 22 Go records (one withdrawn, kept apart).
    expect(api.vulnerabilities).toHaveLength(21);
    const table = page.getByTestId('cy-vulns');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(api.vulnerabilities.length);
    const first = api.vulnerabilities[0];
    const row = rows.filter({ hasText: first.vulnId });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(first.component);
    expect(cells[2]).toContain(first.vulnId);
    expect(cells[4]).toBe(first.kev ? 'known exploited' : '—');
    expect(cells[5]).toBe(first.fixedIn.join(', ') || '—');
    const provenance = await page.getByTestId('cy-vuln-provenance').innerText();
    expect(provenance).toContain(`version ${api.osv.version}`);
    expect(provenance).toContain('1 withdrawn records apart');
    expect(provenance).toMatch(/KEV: cisa-kev|KEV: kev/);

    // A VEX statement (CycloneDX, written here) says the first vulnerability does not affect this component.
    const vex = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      vulnerabilities: [
        {
          id: first.vulnId,
          analysis: { state: 'not_affected', justification: 'code_not_reachable' },
          affects: [{ ref: first.purl }],
        },
      ],
    };
    await page.getByText('Attach VEX statements').click();
    await page
      .getByLabel('VEX file')
      .setInputFiles({
        name: 'vex.cdx.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(vex)),
      });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByRole('status').getByText('1 VEX statements attached.').waitFor();
    const marked = (
      await getJson<Vulns>(h, headers, `/api/cyber/sboms/${sbomId}/vulnerabilities`)
    ).vulnerabilities.find((x) => x.vulnId === first.vulnId && x.purl === first.purl);
    expect(marked?.suppressed).toBe(true);
    await expect
      .poll(() => row.locator('td').nth(6).innerText())
      .toBe(`${marked?.vex?.status} (suppressed by VEX)`);
    await page.getByTestId('cy-components').waitFor();
    await screenshot(page, 'cyber-sbom-en');
  });

  it('answers one requirement of an imported catalogue and sees the score change', async () => {
    const page = await newPage(h, 'en', { organisation, organisationKind: 'company' });
    await page.goto(`${h.baseUrl}/#/cyber/assessments`);
    await page.getByText('Import a requirement catalogue').click();
    await page.getByLabel('Catalogue file').setInputFiles(cpgPath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // docs/cyber.md: CISA CPG 2.0 gives 34 assessable requirements.
    await page
      .getByRole('status')
      .getByText(/with 34 requirements\.$/)
      .waitFor();
    await page.getByLabel('Title').fill('CPG self-assessment 2026');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('cy-score').waitFor();
    const id = decodeURIComponent(/#\/cyber\/assessment\/([^/?]+)/.exec(page.url())?.[1] ?? '');
    const { headers } = await testSession(h.app, {
      role: 'analyst',
      level: 3,
      organisation,
      organisationKind: 'company',
    });
    const before = await getJson<Assessment>(h, headers, `/api/cyber/assessments/${id}`);
    expect(before.score?.overall.implemented).toBe(0);
    const overall = page.getByTestId('cy-overall');
    const shownBefore = await overall.innerText();

    const answer = page.locator('tr.cy-answer').first();
    await answer.getByRole('combobox').selectOption('implemented');
    await answer.getByText('saved').waitFor();
    const after = await getJson<Assessment>(h, headers, `/api/cyber/assessments/${id}`);
    expect(after.score?.overall.implemented).toBe(1);
    const expected = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(
      after.score?.overall.score ?? 0,
    );
    await expect.poll(() => overall.innerText()).toBe(expected);
    expect(expected).not.toBe(shownBefore);
    await screenshot(page, 'cyber-assessment-en');
  });

  it('a buyer invites the supplier, which answers with its assessment', async () => {
    const buyer = await newPage(h, 'en', { organisation: 'buyer-e2e', organisationKind: 'company' });
    await buyer.goto(`${h.baseUrl}/#/cyber/invitations`);
    await buyer.getByRole('heading', { name: 'Invite a supplier' }).waitFor();
    await buyer.getByRole('combobox', { name: /^Supplier/ }).selectOption(organisation);
    await buyer
      .getByLabel('Framework')
      .selectOption({ label: 'CISA Cybersecurity Performance Goals v2.0 (1)' });
    await buyer.getByLabel('Required level').fill('conformant');
    await buyer.getByRole('button', { name: 'Invite', exact: true }).click();
    await buyer.getByTestId('cy-invitations').getByText('Open').waitFor();

    const supplier = await newPage(h, 'en', { organisation, organisationKind: 'company' });
    await supplier.goto(`${h.baseUrl}/#/cyber/invitations`);
    const row = supplier.getByTestId('cy-invitations').locator('tbody tr').first();
    await row.getByLabel('Assessment').selectOption({ label: 'CPG self-assessment 2026' });
    await row.getByRole('button', { name: 'Answer with' }).click();
    await row.getByText('Answered').waitFor();
    await row.getByRole('link', { name: 'Assessment' }).waitFor();
  });

  it('shows the SBOM’s vulnerabilities in Japanese', async () => {
    expect(sbomId).not.toBe('');
    const page = await newPage(h, 'ja', { organisation, organisationKind: 'company' });
    await page.goto(`${h.baseUrl}/#/cyber/sbom/${sbomId}`);
    await page.getByRole('heading', { name: /既知の脆弱性/ }).waitFor();
    await page.getByTestId('cy-vulns').waitFor();
    expect(await page.getByTestId('cy-vuln-provenance').innerText()).toContain(
      '取り下げられた記録1件は別扱い',
    );
    await screenshot(page, 'cyber-sbom-ja');
  });
});
