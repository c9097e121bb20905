import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

/**
 * Issue 18, item 3: members of a marked country group leaked through `reporterMembers` of /api/screens and
 * /countries/{c}/supplies, and through `provenance.concern` after CONCERN was raised to level 3, with the result
 * keeping the lower marking. A group is read where the screen resolves it (recordGroupsUsed): a reader who may not
 * read it gets what they would get if it did not exist; one who may gets the result marked with it.
 * Real data: the BACI critical-minerals extract.
 */
const level = (n: number) => ({ level: n, compartments: [], releasableTo: null });

describe('marked country groups in screens', () => {
  let app: App;
  let low: Record<string, string>;
  let high: Record<string, string>;

  beforeAll(async () => {
    const root = tempDir();
    await importSharedTrade(new DataDir(root).ensure(), { datasetId: 'baci-cm' });
    app = await buildApp({ dataDir: root, webDir: false });
    low = (await testSession(app, { role: 'viewer', level: 1 })).headers;
    high = (await testSession(app, { role: 'analyst', level: 3 })).headers;
    for (const [id, members] of [
      ['CONCERN', ['CHN', 'RUS', 'PRK']],
      ['TRIO', ['KOR', 'TWN', 'VNM']],
    ] as const) {
      const put = await app.inject({
        method: 'PUT',
        url: `/api/groups/${id}`,
        headers: high,
        payload: { members, marking: level(3) },
      });
      expect(put.statusCode).toBe(200);
    }
  });
  afterAll(async () => app?.close());

  it('a screen does not use CONCERN for a reader below its marking, and is marked with it for one cleared', async () => {
    const seen = (await app.inject({ url: '/api/screens?reporter=JPN&year=2024', headers: high })).json();
    expect(seen.provenance.concern).toEqual(['CHN', 'RUS', 'PRK']);
    expect(seen.marking.level).toBe(3);
    const res = await app.inject({ url: '/api/screens?reporter=JPN&year=2024', headers: low });
    expect(res.statusCode).toBe(200);
    expect(res.json().provenance.concern).toEqual([]);
    expect(res.json().marking.level).toBe(0);
    expect(res.body).not.toContain('PRK');
  });

  it('a marked group as reporter answers a reader below it exactly like an unknown one, members never shown', async () => {
    for (const url of [
      (g: string) => `/api/screens?reporter=${g}&year=2024`,
      (g: string) => `/api/countries/CHN/supplies?reporter=${g}&year=2024`,
    ]) {
      const hidden = await app.inject({ url: url('TRIO'), headers: low });
      const unknown = await app.inject({ url: url('QUARTET'), headers: low });
      expect(hidden.statusCode).toBe(unknown.statusCode);
      expect(hidden.body.replaceAll('TRIO', 'QUARTET')).toBe(unknown.body);
      expect(hidden.body).not.toMatch(/VNM|TWN/);
      const cleared = await app.inject({ url: url('TRIO'), headers: high });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().reporterMembers ?? cleared.json().provenance?.reporterMembers).toBeDefined();
      expect(cleared.json().marking.level).toBe(3);
    }
  });
});
