import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

/** The screens, product and critical-goods API on the real BACI extract, USGS data and HS labels. */
describe('screens API', () => {
  let app: App;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    const root = tempDir();
    const dataDir = new DataDir(root).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm', minerals: true, labels: true });
    app = await buildApp({ dataDir: root, webDir: false });
    analyst = (await testSession(app, { role: 'analyst' })).headers;
    viewer = (await testSession(app, { role: 'viewer' })).headers;
  });
  afterAll(async () => app.close());

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/screens?reporter=JPN&year=2024' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024' })).statusCode).toBe(401);
  });

  it('screens JPN 2024: labels ja/en, counts, provenance, pages and sorting', async () => {
    const res = await app.inject({ url: '/api/screens?reporter=JPN&year=2024&pageSize=10', headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.screened).toBe(31);
    expect(body.total).toBe(31);
    expect(body.items).toHaveLength(10);
    expect(body.provenance).toMatchObject({ dataset: 'baci-cm', version: 'V202601', synthetic: false });
    expect(body.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
    const values = body.items.map((i: { importValueUsd: number }) => i.importValueUsd);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const ga = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&q=811292', headers: viewer })).json().items[0];
    expect(ga.hs6).toBe('811292');
    expect(ga.labelEn.length).toBeGreaterThan(5);
    expect(ga.labelJa).toMatch(/[ぁ-んァ-ン一-龥]/);
    // Page 4 of 10 holds the last product; sorting by HHI ascending.
    const last = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&pageSize=10&page=4', headers: viewer })).json();
    expect(last.items).toHaveLength(1);
    const byHhi = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&sort=hhi&order=asc&pageSize=100', headers: viewer })).json();
    const hhis = byHhi.items.map((i: { hhi: number }) => i.hhi);
    expect(hhis).toEqual([...hhis].sort((a, b) => a - b));
    // --method filter equals its count.
    const eu = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&method=eu2021&pageSize=100', headers: viewer })).json();
    expect(eu.total).toBe(body.counts.eu2021);
    const counts = (await app.inject({ url: '/api/screens/counts?reporter=EU27&year=2024&critical=true', headers: viewer })).json();
    expect(counts.reporter).toBe('EU27');
    expect(counts.counts.eu2021).toBeGreaterThan(0);
  });

  it('clear errors: unknown reporter, year without data, unknown method', async () => {
    const r1 = await app.inject({ url: '/api/screens?reporter=XYZ&year=2024', headers: viewer });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.message).toMatch(/"XYZ" is neither a country nor a group/);
    const r2 = await app.inject({ url: '/api/screens?reporter=JPN&year=2030', headers: viewer });
    expect(r2.statusCode).toBe(404);
    expect(r2.json().error.message).toMatch(/no annual trade dataset has data for 2030 \(baci-cm: 2018–2024\)/);
    const r3 = await app.inject({ url: '/api/products/999998?reporter=JPN&year=2024', headers: viewer });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.code).toBe('unknown_code');
  });

  it('product dossier with verdicts, labels, and mine ▸ refine ▸ trade', async () => {
    const res = await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024', headers: viewer });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.labelJa.length).toBeGreaterThan(0);
    expect(d.verdicts.map((v: { method: string }) => v.method)).toEqual(['eu2021', 'geodep', 'majority', 'hhi']);
    expect(d.years.map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const gallium = d.minerals.find((m: { commodity: string }) => m.commodity === 'Gallium');
    expect(gallium.topProducer).toBe('CHN');
    expect(d.provenance.dataset).toBe('baci-cm');
  });

  it('a screen of a marked dataset carries its marking and is hidden from users without clearance', async () => {
    await app.services.state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-cm', $1::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [JSON.stringify({ level: 2, compartments: [], releasableTo: null })],
    );
    try {
      const hidden = await app.inject({ url: '/api/screens?reporter=JPN&year=2024', headers: viewer });
      expect(hidden.statusCode).toBe(404);
      const hiddenDossier = await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024', headers: viewer });
      expect(hiddenDossier.statusCode).toBe(404);
      const cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
      const seen = await app.inject({ url: '/api/screens?reporter=JPN&year=2024', headers: cleared });
      expect(seen.statusCode).toBe(200);
      expect(seen.json().marking.level).toBe(2);
      const dossier = await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024', headers: cleared });
      expect(dossier.json().marking.level).toBe(2);
    } finally {
      await app.services.state.query(`DELETE FROM dataset_markings WHERE dataset_id = 'baci-cm'`);
    }
  });

  it('minerals in a compartment the reader lacks are left out of the dossier and /minerals, which say so (issue 18, item 14)', async () => {
    const minerals = app.services.catalog.ofKind('minerals')[0]!.id;
    await app.services.state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ($1, $2::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [minerals, JSON.stringify({ level: 1, compartments: ['minerals'], releasableTo: null })],
    );
    try {
      // An administrator at level 3 without the compartment: the page, without the minerals, rather than a 404.
      const admin = (await testSession(app, { role: 'administrator', level: 3 })).headers;
      const dossier = await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024', headers: admin });
      expect(dossier.statusCode).toBe(200);
      expect(dossier.json().minerals).toEqual([]);
      expect(dossier.json().withheld).toEqual(['minerals']);
      expect(dossier.json().marking).toEqual({ level: 0, compartments: [], releasableTo: null });
      const all = await app.inject({ url: '/api/minerals?year=2024', headers: admin });
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({ items: [], total: 0, withheld: ['minerals'] });
      // With the compartment: the minerals, and the page marked with them.
      const holder = (await testSession(app, { role: 'viewer', level: 1, compartments: ['minerals'] })).headers;
      const full = (await app.inject({ url: '/api/products/811292?reporter=JPN&year=2024', headers: holder })).json();
      expect(full.withheld).toEqual([]);
      expect(full.minerals.find((m: { commodity: string }) => m.commodity === 'Gallium').topProducer).toBe('CHN');
      expect(full.marking).toEqual({ level: 1, compartments: ['minerals'], releasableTo: null });
    } finally {
      await app.services.state.query(`DELETE FROM dataset_markings WHERE dataset_id = $1`, [minerals]);
    }
  });

  it('critical goods: viewers read, analysts edit; screens follow the edit', async () => {
    const list = (await app.inject({ url: '/api/critical-goods', headers: viewer })).json();
    expect(list.total).toBe(12);
    const denied = await app.inject({ method: 'PUT', url: '/api/critical-goods/permanent-magnets', headers: viewer, payload: { hs: [] } });
    expect(denied.statusCode).toBe(403);
    const before = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&critical=true&pageSize=100', headers: analyst })).json();
    const edit = await app.inject({
      method: 'PUT',
      url: '/api/critical-goods/permanent-magnets',
      headers: analyst,
      payload: { hs: [{ hs6: '850519', match: 'approximate', note: 'ferrite magnets only' }] },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().edited).toBe(true);
    const after = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024&critical=true&pageSize=100', headers: analyst })).json();
    // 850511 (metal permanent magnets) was critical only as a magnet: it leaves the critical screen.
    const codes = (r: { items: { hs6: string }[] }) => r.items.map((i) => i.hs6);
    expect(codes(before)).toContain('850511');
    expect(codes(after)).not.toContain('850511');
    expect(after.total).toBe(before.total - 1);
    await app.inject({ method: 'POST', url: '/api/critical-goods/permanent-magnets/reset', headers: analyst });
  });

  it('publishes the routes in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    for (const p of ['/api/screens', '/api/screens/counts', '/api/products/{hs6}', '/api/minerals', '/api/critical-goods', '/api/critical-goods/{id}']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
