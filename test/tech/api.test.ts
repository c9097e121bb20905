import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';
import { pdfText } from './pdfText.ts';
import { importSharedTechnology } from '../helpers/sharedTrade.ts';

describe.each(stateBackends)('technology, zones and policy API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  let cleared: Record<string, string>;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const { dataDir, catalog, analytics } = app.services;
    await importSharedTechnology({ dataDir, catalog, analytics });
    analyst = (await testSession(app, { role: 'analyst', level: 2 })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
    cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('needs a session', async () => {
    for (const url of [
      '/api/tech/rta?field=uspto/semiconductors',
      '/api/zones',
      '/api/policy/measures',
      '/api/zones/tech-semiconductors/dossier',
    ]) {
      expect((await app.inject({ url })).statusCode).toBe(401);
    }
  });

  it('gives RTA of every country in USPTO semiconductors with concentration and provenance', async () => {
    const res = await app.inject({ url: '/api/tech/rta?field=uspto/semiconductors', headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2022);
    expect(body.topCountry).toBe('USA');
    const jpn = body.items.find((i: { country: string }) => i.country === 'JPN');
    // Read off the NCSES table SINV-10 for 2022: Japan 3,077 patents of 16,444.
    expect(jpn.count).toBe(3077);
    expect(jpn.share).toBeCloseTo(3077 / 16444, 6);
    expect(body.provenance.publisher).toContain('NCSES');
    expect(body.marking.level).toBe(0);
    // The RTA's world: the World rows of SINV-10 / SINV-4 by default, the sum of the listed economies on request.
    expect(body.world).toMatchObject({
      requested: 'published',
      used: 'published',
      published: { field: 16498, allFields: 324698 },
      sum: { field: 16444 },
    });
    const sum = (
      await app.inject({ url: '/api/tech/rta?field=uspto/semiconductors&world=sum', headers: viewer })
    ).json();
    expect(sum.world.used).toBe('sum');
    const jpnSum = sum.items.find((i: { country: string }) => i.country === 'JPN');
    // Same country shares; only the world's field share differs: RTA scales by (16,498/324,698) / (16,444/Σ).
    expect(jpn.rta / jpnSum.rta).toBeCloseTo(16444 / sum.world.sum.allFields / (16498 / 324698), 10);
    const bad = await app.inject({
      url: '/api/tech/rta?field=uspto/semiconductors&world=all',
      headers: viewer,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('gives Japan’s RCA for HS4 8505 from the exports dataset', async () => {
    const body = (
      await app.inject({ url: '/api/tech/rca?reporter=JPN&products=8505,2805', headers: viewer })
    ).json();
    expect(body.items.map((i: { product: string }) => i.product)).toEqual(['8505', '2805']);
    expect(body.items[0].rca).toBeGreaterThan(1);
    expect(body.coverage).toBe('all-products');
  });

  it('places entries on the zone matrix and hides an entry whose override is marked above the user', async () => {
    const all = (await app.inject({ url: '/api/zones?screen=false', headers: viewer })).json();
    const semis = all.items.find((i: { id: string }) => i.id === 'tech-semiconductors');
    expect([semis.zone, semis.rule.id]).toEqual(['advantage', 'A1']);
    expect(semis.matrix.concentrationSource).toBe('world-patent-hhi');
    expect(semis.matrix.advantage).toBeCloseTo(semis.indicators.rta, 12);
    const total = all.total;

    const override = await app.inject({
      method: 'POST',
      url: '/api/zones/tech-semiconductors/override',
      headers: analyst,
      payload: {
        zone: 'disruptive',
        reason: 'gate-all-around and chiplets reshape the field',
        marking: { level: 2, compartments: [], releasableTo: null },
      },
    });
    expect(override.statusCode).toBe(200);
    expect(override.json().createdBy).toMatch(/^u-/);

    const hidden = (await app.inject({ url: '/api/zones?screen=false', headers: viewer })).json();
    expect(hidden.total).toBe(total - 1);
    expect(hidden.items.some((i: { id: string }) => i.id === 'tech-semiconductors')).toBe(false);
    expect(
      (await app.inject({ url: '/api/zones/tech-semiconductors?screen=false', headers: viewer })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: '/api/zones/no-such-entry?screen=false', headers: viewer })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: '/api/zones/tech-semiconductors/dossier?screen=false', headers: viewer }))
        .statusCode,
    ).toBe(404);

    const seen = (
      await app.inject({ url: '/api/zones/tech-semiconductors?screen=false', headers: cleared })
    ).json();
    expect([seen.item.zone, seen.item.ruleZone]).toEqual(['disruptive', 'advantage']);
    expect(seen.history[0].reason).toContain('chiplets');
    const audit = await listAudit(state, {});
    expect(
      audit.items.some((a) => a.action === 'zone.override' && a.objectId === 'JPN/tech-semiconductors'),
    ).toBe(true);
  });

  it('refuses an override from a viewer', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/zones/tech-chemistry/override',
      headers: viewer,
      payload: { zone: 'advantage', reason: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('exports the dossier as PDF with extractable Japanese text and the marking on every page', async () => {
    const res = await app.inject({
      url: '/api/zones/tech-semiconductors/dossier?lang=ja&format=pdf&screen=false',
      headers: cleared,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = pdfText(res.rawPayload);
    expect(pdf.text).toContain('重要物資・技術ドシエ: 半導体技術');
    expect(pdf.text).toContain('① 破壊的技術革新が進む領域');
    expect(pdf.text).toContain('chiplets');
    // Header and footer on every page: the level-2 marking 秘 (confidential) twice per page.
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect((pdf.text.match(/秘 \(confidential\)/g) ?? []).length).toBe(2 * pdf.pages);
    const audit = await listAudit(state, {});
    expect(audit.items.some((a) => a.action === 'export' && a.objectId === 'tech-semiconductors.pdf')).toBe(
      true,
    );
  });

  it('exports the dossier as XLSX carrying the marking', async () => {
    const res = await app.inject({
      url: '/api/zones/tech-chemistry/dossier?lang=en&format=xlsx&screen=false',
      headers: viewer,
    });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toBe('PUBLIC (公開)');
    expect(ws.headerFooter.oddFooter).toContain('PUBLIC (公開)');
    expect(String(ws.getCell('A2').value)).toBe(
      'Critical good / technology dossier: chemistry, materials and pharmaceuticals',
    );
  });

  it('lists the measures catalogue and records an applied measure in the policy map', async () => {
    const measures = (await app.inject({ url: '/api/policy/measures', headers: viewer })).json();
    expect(measures.items.map((m: { id: string }) => m.id)).toEqual([
      'subsidy',
      'low-interest-loan',
      'tax-credit',
      'rd-programme',
      'export-control',
      'technology-management',
      'investment-screening',
      'data-cyber-security',
      'stockpile',
      'like-minded-coordination',
      'global-south-diversification',
    ]);
    const applied = await app.inject({
      method: 'POST',
      url: '/api/policy/applied',
      headers: analyst,
      payload: {
        entryId: 'tech-chemistry',
        measureId: 'rd-programme',
        status: 'planned',
        note: 'materials R&D',
      },
    });
    expect(applied.statusCode).toBe(200);
    const map = (await app.inject({ url: '/api/policy/map?screen=false', headers: viewer })).json();
    const chem = map.items.find((i: { id: string }) => i.id === 'tech-chemistry');
    expect(chem.applied.map((a: { measureId: string }) => a.measureId)).toEqual(['rd-programme']);
    expect(chem.suggested.length).toBeGreaterThan(0);
  });
});
