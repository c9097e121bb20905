import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { companyA, companyB, companyC, csvOf } from './smallNetwork.ts';

/**
 * The supply-structure API (issue 24) on the hand-checked network of smallNetwork.ts: three companies submit
 * through the API; a bad file comes back by row and column with nothing stored; each company reads only its own
 * submission, the ministry all of them; single points of failure and hidden concentration in the ministry view
 * and in the aggregate view; uncertain matches confirmed by the ministry only; reads audited.
 */
type Headers = Record<string, string>;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe.each(stateBackends)('network API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let ministry: Headers;
  const companies: Record<string, Headers> = {};
  let outsider: Headers;
  const submissionIds: Record<string, string> = {};
  const call = async (headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers, payload });

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    ministry = (await testSession(app, { role: 'analyst', level: 2, organisation: 'meti-test' })).headers;
    for (const org of ['co-a', 'co-b', 'co-c', 'co-x'])
      companies[org] = (
        await testSession(app, {
          role: 'analyst',
          level: 2,
          organisation: org,
          organisationKind: 'company',
          sharingCap: 2,
        })
      ).headers;
    outsider = companies['co-x'];
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await state?.close();
  });

  it('refuses a bad file with every problem by row and column and stores nothing', async () => {
    const bad = csvOf([
      { ref: 'X1', tier: 1, name: 'X', country: 'XXX', share: 0.7 },
      { ref: 'X2', tier: 1, name: 'Y', country: 'CHN', share: 0.7 },
      { ref: 'X3', tier: 2, via: 'NOPE', name: 'Z', country: 'CHN', share: 0.5 },
    ]);
    const res = await call(companies['co-a'], 'POST', '/api/network/submissions', {
      fileName: 'bad.csv',
      contentBase64: b64(bad),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('bad_input');
    expect(body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '4:supplier_country',
      '5:share',
      '6:via',
    ]);
    expect(body.problems[1].messageJa).toContain('合計');
    const listed = await call(ministry, 'GET', '/api/network/submissions');
    expect(listed.json().total).toBe(0);
    expect(
      Number((await state.query<{ n: number }>('SELECT count(*)::int AS n FROM network_entities'))[0].n),
    ).toBe(0);
  });

  it('stores three companies’ submissions and matches the supplier named in two spellings', async () => {
    for (const [org, lines] of [
      ['co-a', companyA],
      ['co-b', companyB],
      ['co-c', companyC],
    ] as const) {
      const res = await call(companies[org], 'POST', '/api/network/submissions', {
        fileName: `${org}.csv`,
        contentBase64: b64(csvOf(lines)),
      });
      expect(res.statusCode, res.body).toBe(200);
      submissionIds[org] = res.json().submission.id;
      expect(res.json().submission).toMatchObject({
        organisationId: org,
        supplierCount: 3,
        productCount: 1,
        siteCount: 1,
      });
    }
    const entities = await state.query<{ name: string }>('SELECT name FROM network_entities ORDER BY name');
    // Alpha Magnet Co and "Alpha Magnet Co., Ltd." are one; Gamma three times is one.
    expect(entities.map((e) => e.name)).toEqual([
      'Alpha Magnet Co',
      'Beta Metals',
      'Delta Corp',
      'Epsilon KK',
      'Gamma Rare Earth',
      'Zeta Mining',
    ]);
  });

  it('a company reads its own submission only; the ministry reads all; others see them as missing', async () => {
    const own = await call(companies['co-a'], 'GET', '/api/network/submissions');
    expect(own.json().items.map((s: { organisationId: string }) => s.organisationId)).toEqual(['co-a']);
    expect(own.json().total).toBe(1);
    expect((await call(ministry, 'GET', '/api/network/submissions')).json().total).toBe(3);
    expect((await call(outsider, 'GET', '/api/network/submissions')).json()).toMatchObject({
      items: [],
      total: 0,
    });
    const detail = await call(companies['co-a'], 'GET', `/api/network/submissions/${submissionIds['co-a']}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().suppliers.map((s: { ref: string }) => s.ref)).toEqual(['A1', 'A2', 'A3']);
    const other = await call(companies['co-a'], 'GET', `/api/network/submissions/${submissionIds['co-b']}`);
    const missing = await call(companies['co-a'], 'GET', '/api/network/submissions/no-such');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(
      (await call(ministry, 'GET', `/api/network/submissions/${submissionIds['co-b']}`)).statusCode,
    ).toBe(200);
    const reads = await listAudit(state, { action: 'read' });
    expect(
      reads.items.some((e) => e.objectType === 'network_submission' && e.objectId === submissionIds['co-b']),
    ).toBe(true);
  });

  it('single points of failure: every cell for the ministry, only cells of ≥ 3 companies for others', async () => {
    const full = (await call(ministry, 'GET', '/api/network/spof?hs=850511&minShare=0.25')).json();
    expect(full.view).toBe('ministry');
    expect(full.companies).toBe(3);
    expect(
      full.rows.map((r: { kind: string; name: string; cut: number }) => [
        r.kind,
        r.name,
        Number(r.cut.toFixed(4)),
      ]),
    ).toEqual([
      ['entity', 'Alpha Magnet Co', 0.3667],
      ['site', 'Alpha Magnet Co — Plant 1', 0.3667],
      ['entity', 'Epsilon KK', 0.3333],
      ['entity', 'Gamma Rare Earth', 0.3],
      ['entity', 'Zeta Mining', 0.2667],
    ]);
    for (const reader of [outsider, companies['co-a']]) {
      const agg = (await call(reader, 'GET', '/api/network/spof?hs=850511&minShare=0')).json();
      expect(agg.view).toBe('aggregate');
      expect(agg.rows.map((r: { name: string; companies: number }) => [r.name, r.companies])).toEqual([
        ['Gamma Rare Earth', 3],
      ]);
      expect(agg.marking.level).toBe(1);
    }
    const analyses = await listAudit(state, { action: 'read' });
    expect(
      analyses.items.some(
        (e) => e.objectType === 'network_analysis' && (e.details as { view?: string }).view === 'aggregate',
      ),
    ).toBe(true);
  });

  it('hidden concentration: Gamma behind three different tier-1s', async () => {
    const res = (await call(outsider, 'GET', '/api/network/concentration?hs=850511')).json();
    expect(
      res.rows.map((r: { kind: string; name: string; tier1s: number }) => [r.kind, r.name, r.tier1s]),
    ).toEqual([
      ['country', 'CHN', 3],
      ['entity', 'Gamma Rare Earth', 3],
    ]);
  });

  it('an uncertain match waits for the ministry; confirming merges the entities', async () => {
    const res = await call(companies['co-x'], 'POST', '/api/network/submissions', {
      fileName: 'x.csv',
      contentBase64: b64(
        csvOf([{ ref: 'X1', tier: 1, name: 'Gamma Rare Earths Group', country: 'CHN', share: 1 }]),
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().matches).toEqual({ joined: 0, created: 1, proposed: 1 });
    expect((await call(outsider, 'GET', '/api/network/proposals')).json().total).toBe(0);
    const listed = (await call(ministry, 'GET', '/api/network/proposals?status=proposed')).json();
    expect(listed.total).toBe(1);
    const [p] = listed.items;
    expect(p.toEntity.name).toBe('Gamma Rare Earth');
    const refused = await call(outsider, 'POST', `/api/network/proposals/${p.id}/decision`, {
      decision: 'confirmed',
    });
    expect(refused.statusCode).toBe(404);
    const ok = await call(ministry, 'POST', `/api/network/proposals/${p.id}/decision`, {
      decision: 'confirmed',
    });
    expect(ok.json().status).toBe('confirmed');
    const [{ n }] = await state.query<{ n: number }>(
      "SELECT count(DISTINCT submission_id)::int AS n FROM network_suppliers l JOIN network_entities e ON e.id = l.entity_id WHERE e.name = 'Gamma Rare Earth'",
    );
    expect(n).toBe(4);
    const again = await call(ministry, 'POST', `/api/network/proposals/${p.id}/decision`, {
      decision: 'rejected',
    });
    expect(again.statusCode).toBe(400);
  });

  it('the template downloads in both languages and an XLSX filled in from it imports', async () => {
    const ja = await call(outsider, 'GET', '/api/network/template?lang=ja&format=xlsx');
    expect(ja.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ja.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['製品', '拠点', '仕入先', '記入方法']);
    const suppliers = wb.getWorksheet('仕入先')!;
    expect(suppliers.getRow(1).values).toContain('購入比率');
    suppliers.addRow(['S1', 1, '', '', '東芝マテリアル', 'JPN', '', '', '850511', 0.5, 2, 30, 14]);
    suppliers.addRow(['S2', 1, '', '', 'Bad Co', 'CHN', '', '', '850511', 'half', '', '', '']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const bad = await call(companies['co-c'], 'POST', '/api/network/submissions', {
      fileName: 'f.xlsx',
      contentBase64: filled,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([
      expect.objectContaining({ sheet: '仕入先', row: 3, column: 'share' }),
    ]);
    suppliers.spliceRows(3, 1);
    const good = await call(companies['co-c'], 'POST', '/api/network/submissions', {
      fileName: 'f.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().submission.supplierCount).toBe(1);
    const en = await call(outsider, 'GET', '/api/network/template?lang=en&format=csv');
    expect(en.body.split('\r\n')[0]).toMatch(/^\ufeffrecord,product_code,hs,/);
  });
});
