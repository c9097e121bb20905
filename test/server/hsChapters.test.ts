import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importHs } from '../../src/data/importers/hs.ts';
import { setDatasetMarking } from '../../src/data/security/datasetMarkings.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const hsDir = path.join(sharedData, 'hs');

/**
 * Chapter rows of harmonized-system.csv read here on their own: lines "section,NN,description,TOTAL,2" where the
 * description may be quoted (it holds commas) with doubled quotes inside.
 */
function chaptersFromCsv(): Map<string, string> {
  const text = fs.readFileSync(path.join(hsDir, 'harmonized-system.csv'), 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^[^,]*,(\d{2}),("(?:[^"]|"")*"|[^,]*),TOTAL,2$/.exec(line);
    if (m) out.set(m[1], m[2].startsWith('"') ? m[2].slice(1, -1).replaceAll('""', '"') : m[2]);
  }
  return out;
}

/** GET /api/hs/chapters: chapter titles in English and Japanese for the screening chapter filter. */
describe.each(stateBackends)('HS chapters API (%s)', (backend) => {
  let app: App;
  let empty: App;
  let state: StateDb;
  let viewer: Record<string, string>;
  let cleared: Record<string, string>;
  beforeAll(async () => {
    state = await openTestState(backend);
    const dataDir = new DataDir(tempDir()).ensure();
    await importHs({
      dataDir,
      files: {
        hs22: path.join(hsDir, 'harmonized-system.csv'),
        hs4Ja: path.join(hsDir, 'hs4_ja.csv'),
        hs6Ja: path.join(hsDir, 'hs6_ja.csv'),
        hs17: path.join(hsDir, 'baci_product_codes_hs17_bec.csv'),
      },
      version: 'test-hs',
    });
    app = await buildApp({ dataDir: dataDir.root, webDir: false, state });
    empty = await buildApp({ dataDir: tempDir(), webDir: false, state });
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
    cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await empty.close();
    await state.close();
  });

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/hs/chapters' })).statusCode).toBe(401);
  });

  it('lists the 97 chapters of HS 2022 with the English titles of the file and Japanese titles', async () => {
    const res = await app.inject({ url: '/api/hs/chapters', headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { code: string; en: string; ja: string }[];
      total: number;
      provenance: { dataset: string; version: string; synthetic: boolean };
      marking: { level: number };
    };
    const csv = chaptersFromCsv();
    expect(csv.size).toBe(97); // the data README: 97 chapters
    expect(body.total).toBe(97);
    expect(body.items.map((c) => c.code)).toEqual([...csv.keys()].sort());
    expect(body.items.some((c) => c.code === '77')).toBe(false); // reserved in the HS
    for (const c of body.items) expect(c.en).toBe(csv.get(c.code));
    const byCode = new Map(body.items.map((c) => [c.code, c]));
    expect(byCode.get('28')!.en).toMatch(/^Inorganic chemicals/);
    expect(byCode.get('28')!.ja).toMatch(/^無機化学品/);
    expect(byCode.get('81')!.ja).toMatch(/卑金属/);
    // Every chapter has a Japanese title, written in Japanese script.
    expect(body.items.filter((c) => !/[ぁ-んァ-ン一-龥]/.test(c.ja)).map((c) => c.code)).toEqual([]);
    expect(body.provenance).toMatchObject({ dataset: 'hs', version: 'test-hs', synthetic: false });
    expect(body.marking.level).toBe(0);
  });

  it('a marked nomenclature is hidden from users below its level, exactly like a missing one', async () => {
    const missing = await empty.inject({ url: '/api/hs/chapters', headers: viewer });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/chokepoint data fetch hs/);
    await setDatasetMarking(state, 'hs', { level: 2, compartments: [], releasableTo: null }, 'test');
    try {
      const hidden = await app.inject({ url: '/api/hs/chapters', headers: viewer });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual(missing.json());
      const shown = await app.inject({ url: '/api/hs/chapters', headers: cleared });
      expect(shown.statusCode).toBe(200);
      expect(shown.json().marking.level).toBe(2);
    } finally {
      await state.query(`DELETE FROM dataset_markings WHERE dataset_id = 'hs'`);
    }
  });
});
