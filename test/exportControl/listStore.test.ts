import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import {
  importList,
  presentLists,
  readListDelta,
  readListEntries,
} from '../../src/data/exportControl/listStore.ts';
import {
  parseEndUserListCsv,
  parseEndUserListXlsx,
} from '../../src/data/exportControl/listFormats/metiEndUserList.ts';
import { parseSpecifiedEntitiesCsv } from '../../src/data/exportControl/listFormats/metiSpecifiedEntities.ts';
import { parseMofcomJson } from '../../src/data/exportControl/listFormats/mofcomJson.ts';
import { parseFollowTheMoney } from '../../src/data/exportControl/listFormats/followTheMoney.ts';
import { parseUserCsv } from '../../src/data/exportControl/listFormats/userCsv.ts';
import { parseMofAssetFreeze } from '../../src/data/exportControl/listFormats/mofAssetFreeze.ts';
import { parseCsv } from '../../src/data/importers/csvRecords.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const dir = path.join(sharedData, 'export-control');
const eulOld = path.join(dir, 'meti_end_user_list_2025-01-31.csv');
const eulNewCsv = path.join(dir, 'meti_end_user_list_2025-09-29.csv');
const eulNewXlsx = path.join(dir, 'meti_end_user_list_2025-09-29.xlsx');

/** Independent of the importer: (country_ja, name) pairs of a CSV, names folded by NFKC, case, bullets, spacing. */
function namesOf(file: string): Map<string, string> {
  const [head, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'), file);
  const at = (c: string) => head.fields.indexOf(c);
  const key = (r: string[]) =>
    `${r[at('country_ja')]}|${r[at('name')]
      .normalize('NFKC')
      .toLowerCase()
      .replace(/^[・\s]+/, '')
      .replace(/[^\p{L}\p{N}]/gu, '')}`;
  return new Map(rows.map((r) => [key(r.fields), r.fields[at('aliases')]]));
}

describe('list file formats (real files)', () => {
  it('reads the 2025-09-29 End User List the same from the Excel and from the CSV', async () => {
    const csv = parseEndUserListCsv(eulNewCsv);
    const xlsx = await parseEndUserListXlsx(eulNewXlsx);
    expect(csv).toHaveLength(835);
    expect(xlsx.map(({ sourceRow: _r, ...e }) => e)).toEqual(csv.map(({ sourceRow: _r, ...e }) => e));
    // The README's facts: 495 entries with aliases, 240 with CW, 54 with CW only.
    expect(csv.filter((e) => e.names.length > 1)).toHaveLength(495);
    expect(csv.filter((e) => e.concerns.includes('CW'))).toHaveLength(240);
    expect(csv.filter((e) => e.concerns.join() === 'CW')).toHaveLength(54);
    expect(csv.filter((e) => e.countries[0] === 'IRN')).toHaveLength(257);
  });

  it('reads the specified entities with aliases out of （別称、…） and the countries', () => {
    const entries = parseSpecifiedEntitiesCsv(
      path.join(
        dir,
        'meti-russia-lists',
        'meti_russia_belarus_third_country_specified_entities_2025-09-12.csv',
      ),
    );
    expect(entries).toHaveLength(644);
    expect(entries.find((e) => e.id === 'russia-103')?.names).toEqual([
      'Serniya Engineering',
      'セルニヤエンジニアリング',
      'Sernia Engineering',
      'セルニアエンジニアリング',
    ]);
    expect(entries.filter((e) => e.programme === 'belarus').every((e) => e.countries[0] === 'BLR')).toBe(
      true,
    );
  });

  it('reads MOFCOM entries with their Chinese aliases and no country', () => {
    const entries = parseMofcomJson(path.join(dir, 'cn_mofcom_lists_2026-07-19.json'));
    expect(entries).toHaveLength(240);
    expect(
      entries.filter((e) => e.id.startsWith('cn-uel-20240520-1')).map((e) => [e.id, e.names[0]]),
    ).toEqual([
      ['cn-uel-20240520-1', '参与对台湾地区军售的美国波音防务'],
      ['cn-uel-20240520-1#2', 'General Atomics Aeronautical Systems'],
    ]);
    expect(entries.find((e) => e.id === 'cn-att-20260224-1')).toMatchObject({
      names: ['SUBARU Corporation', '斯巴鲁株式会社'],
      countries: [],
      programme: 'cn-attention-list',
    });
  });

  it('reads FollowTheMoney parties and counts what it does not screen', () => {
    const parsed = parseFollowTheMoney(path.join(dir, 'opensanctions_ftm_sample_entities.ndjson'));
    expect(parsed.entries).toHaveLength(6);
    expect(parsed.skipped).toEqual([{ schema: 'Address', count: 1 }]);
    const tobacco = parsed.entries.find((e) => e.id === 'NK-2GdmHtZTeNXjNVrBGEXZNj')!;
    expect(tobacco.countries).toEqual(['BLR']);
    expect(tobacco.identifiers).toEqual(['808000714']);
    expect(tobacco.names).toContain('Общество с ограниченной ответственностью “Интер Тобако”');
  });

  it('names the line of a bad row in a user list', () => {
    const root = tempDir();
    const file = path.join(root, 'mine.csv');
    fs.writeFileSync(file, 'id,name,country\nA1,Acme Trading,CHN\nA2,,JPN\n');
    expect(() => parseUserCsv(file)).toThrow(
      expect.objectContaining({ place: { file, line: 3, column: 'name' } }),
    );
    fs.writeFileSync(file, 'id,name,country\nA1,Acme Trading,Atlantis\n');
    expect(() => parseUserCsv(file)).toThrow(/unknown country "Atlantis"/);
  });
});

describe('versioned list datasets', () => {
  let dataDir: DataDir;
  let catalog: Catalog;
  beforeAll(() => {
    dataDir = new DataDir(tempDir());
    catalog = new Catalog(dataDir);
  });

  it('stores the End User List 2025-01-31 → 2025-09-29 delta, counts as computed from the two CSVs', async () => {
    const first = await importList({ catalog, dataDir, file: eulOld, list: 'meti-eul' });
    expect(first.delta).toBeNull();
    expect(first.version).toMatchObject({ version: '2025-01-31', entries: 748 });
    const second = await importList({
      catalog,
      dataDir,
      file: eulNewXlsx,
      list: 'meti-eul',
      version: '2025-09-29',
    });
    const old = namesOf(eulOld);
    const now = namesOf(eulNewCsv);
    const added = [...now.keys()].filter((k) => !old.has(k)).length;
    const removed = [...old.keys()].filter((k) => !now.has(k)).length;
    expect(second.delta!.added).toHaveLength(added);
    expect(second.delta!.removed).toHaveLength(removed);
    expect(second.delta!.added.length + second.delta!.changed.length + second.delta!.unchanged).toBe(835);
    // The README's name-based comparison (without folding the PDF's stray bullet): 98 new, 11 gone.
    expect([added, removed]).toEqual([97, 10]);
    // The renaming the README mentions is one entry removed and one added.
    expect(second.delta!.removed.map((e) => e.names[0])).toContain(
      'Northwestern Polytechnical University (西北工業大学)',
    );
    expect(readListDelta(catalog, 'meti-eul').delta!.added).toHaveLength(added);
  });

  it('keeps every version readable and computes a delta between any two', async () => {
    const old = readListEntries(catalog, 'meti-eul', '2025-01-31');
    expect(old.entries).toHaveLength(748);
    expect(readListEntries(catalog, 'meti-eul').entries).toHaveLength(835);
    const reverse = readListDelta(catalog, 'meti-eul', { from: '2025-09-29', to: '2025-01-31' });
    expect(reverse.delta!.added).toHaveLength(10);
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await importList({ catalog, dataDir, file: eulNewXlsx, list: 'meti-eul' });
    expect(again.unchanged).toBe(true);
    expect(presentLists(catalog).find((l) => l.list === 'meti-eul')!.versions).toHaveLength(2);
  });

  it('leaves the current version in place when a new file is malformed', async () => {
    const bad = path.join(tempDir(), 'meti_end_user_list_2026-01-01.csv');
    const lines = fs.readFileSync(eulNewCsv, 'utf8').split('\n');
    lines[5] = lines[5].replace(/^(\d+),[^,]+,[^,]+,/, '$1,アトランティス,Atlantis,');
    fs.writeFileSync(bad, lines.join('\n'));
    await expect(importList({ catalog, dataDir, file: bad, list: 'meti-eul' })).rejects.toThrow(
      expect.objectContaining({
        message: 'unknown country or region "アトランティス"',
        place: { file: bad, line: 6, column: 'country' },
      }),
    );
    const meta = presentLists(catalog).find((l) => l.list === 'meti-eul')!;
    expect(meta.versions.map((v) => v.version)).toEqual(['2025-01-31', '2025-09-29']);
    expect(readListEntries(catalog, 'meti-eul').entries).toHaveLength(835);
  });
});

describe('MOF asset-freeze workbook (real file)', () => {
  it('reads the programme sheets, skipping the index, the lifted programmes and deleted rows', async () => {
    const parsed = await parseMofAssetFreeze(path.join(dir, 'jp_mof_asset_freeze_list_2026-03-05.xlsx'));
    // 一覧 and the three 【解除】 sheets (Liberia, Côte d'Ivoire, Iran) hold no list.
    expect(parsed.skipped).toContainEqual({
      what: 'sheets without a list (index, lifted programmes)',
      count: 4,
    });
    expect(parsed.skipped.find((s) => s.what === 'deleted entries')!.count).toBeGreaterThan(0);
    expect(parsed.entries.find((e) => e.id === '30:sberbank')).toMatchObject({
      names: ['Sberbank', 'ズベルバンク'],
      programme: '30.ロシア連邦(特定銀行）',
    });
    expect(parsed.entries.find((e) => e.id === '15:yunhojin')).toMatchObject({
      names: ['Yun Ho-jin', 'ユン・ホジン', 'ユン・ホチン', 'Yun Ho-chin'],
      countries: ['PRK'],
    });
  }, 60_000);
});
