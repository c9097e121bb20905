import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateDb } from '../../src/data/state/db.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importList } from '../../src/data/exportControl/listStore.ts';
import { screenParty } from '../../src/data/exportControl/screeningService.ts';
import { caseEvents, getCase, openCase } from '../../src/data/exportControl/caseStore.ts';
import { rescreenOpenCases } from '../../src/data/exportControl/rescreen.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { tempDir } from '../helpers/tmp.ts';

const officer = { id: null, name: 'officer' };

describe.each(stateBackends)('re-screening open cases after a new list version on %s', (backend) => {
  let db: StateDb;
  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => db?.close());

  it('records the new hit on the case that now matches and leaves the others alone', async () => {
    const dir = tempDir();
    const dataDir = new DataDir(dir);
    const catalog = new Catalog(dataDir);
    const v1 = path.join(dir, 'watch_2026-01-01.csv');
    fs.writeFileSync(v1, 'id,name,country\nW1,Orion Precision Machinery,CHN\n');
    await importList({ catalog, dataDir, file: v1, list: 'watch' });
    const subject = { name: '東方精密機械有限公司', country: 'CHN', lists: ['watch'] };
    const open = await openCase(
      db,
      { kind: 'party-screening', title: 'Dongfang', subject, result: screenParty(catalog, subject) },
      officer,
    );
    const other = { name: 'Orion Precision Machinery', country: 'CHN', lists: ['watch'] };
    const unchanged = await openCase(
      db,
      { kind: 'party-screening', title: 'Orion', subject: other, result: screenParty(catalog, other) },
      officer,
    );

    const v2 = path.join(dir, 'watch_2026-02-01.csv');
    fs.writeFileSync(
      v2,
      'id,name,aliases,country\nW1,Orion Precision Machinery,,CHN\nW2,Dongfang Precision Machinery,東方精密機械有限公司,CHN\n',
    );
    await importList({ catalog, dataDir, file: v2, list: 'watch' });
    const changes = await rescreenOpenCases(db, catalog, officer);
    const mine = changes.filter((c) => c.caseId === open.id || c.caseId === unchanged.id);
    expect(mine).toEqual([
      {
        caseId: open.id,
        title: 'Dongfang',
        added: [
          {
            list: 'watch',
            entryId: 'W2',
            name: 'Dongfang Precision Machinery',
            score: 1,
            entryChanged: false,
          },
        ],
        removed: [],
      },
    ]);
    expect(
      ((await getCase(db, open.id)).result as { matches: { entryId: string }[] }).matches.map(
        (m) => m.entryId,
      ),
    ).toEqual(['W2']);
    expect((await caseEvents(db, open.id)).map((e) => e.action)).toEqual(['created', 'rescreened']);
    expect((await caseEvents(db, unchanged.id)).map((e) => e.action)).toEqual(['created']);
  });
});
