import { describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { presentLists, readListDelta } from '../../src/data/exportControl/listStore.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

describe('fetching the export-control datasets from the mirror', () => {
  it('imports both End User List revisions, the specified entities and MOFCOM as screening lists', async () => {
    const dataDir = new DataDir(tempDir());
    const catalog = new Catalog(dataDir);
    for (const id of [
      'meti-end-user-list',
      'meti-russia-lists',
      'cn-mofcom-lists',
      'jp-export-control-order',
    ])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
    const lists = presentLists(catalog);
    expect(lists.map((l) => [l.list, l.role, l.versions.map((v) => `${v.version}:${v.entries}`)])).toEqual([
      ['cn-mofcom', 'foreign-control', ['2026-07-19:240']],
      ['meti-eul', 'end-user-list', ['2025-01-31:748', '2025-09-29:835']],
      ['meti-russia', 'export-ban', ['2025-09-12:644']],
    ]);
    const eul = catalog.get('list-meti-eul');
    expect(eul).toMatchObject({ source: 'mirror', version: '2025-09-29', rows: 835 });
    expect(readListDelta(catalog, 'meti-eul').delta!.added).toHaveLength(97);
    expect(catalog.get('jp-export-control-order').files.map((f) => f.name)).toContain(
      'jp_export_control_order_country_tables.csv',
    );
    // A second fetch of the same files adds no version.
    await fetchDataset(findManifest('meti-end-user-list'), { dataDir, mirror: sharedData });
    expect(presentLists(catalog).find((l) => l.list === 'meti-eul')!.versions).toHaveLength(2);
  }, 120_000);
});
