import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importHs, readHsFiles, type HsFiles } from '../../src/data/importers/hs.ts';
import { loadHsLabels, type HsLabels } from '../../src/data/reference/hs.ts';
import { changedHs17Codes, concordanceHeadings, mapHsCode } from '../../src/data/reference/concordance.ts';
import { hsChapterTitlesJa } from '../../src/data/reference/hsChapters.ts';

const hsDir = path.join(sharedData, 'hs');
const files: HsFiles = {
  hs22: path.join(hsDir, 'harmonized-system.csv'),
  hs4Ja: path.join(hsDir, 'hs4_ja.csv'),
  hs6Ja: path.join(hsDir, 'hs6_ja.csv'),
  hs17: path.join(hsDir, 'baci_product_codes_hs17_bec.csv'),
};

/** First column of a CSV, read here with a plain split (codes never contain commas or quotes). */
function firstColumn(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',')[0]);
}

describe('HS importer', () => {
  let labels: HsLabels;
  let dataDir: DataDir;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir());
    const entry = await importHs({ dataDir, files, version: 'test' });
    expect(entry.path).toMatch(/^store\/hs\//);
    labels = loadHsLabels(dataDir);
  });

  it('holds the counts the README states: 97 chapters, 1,229 headings, 5,613 HS22 and 5,384 HS17 subheadings', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(dataDir.catalogDir, 'hs.json'), 'utf8'));
    expect(entry.extra.hs22).toEqual({ chapters: 97, headings: 1229, subheadings: 5613 });
    expect(entry.extra.hs17).toEqual({ subheadings: 5384 });
    expect(entry.rows).toBe(97 + 1229 + 5613 + 5384);
    // 97 chapter titles + 1,227 headings + 5,611 subheadings in Japanese: all HS22 codes but electrical energy
    // (2716, not in Japan's tariff) and 9999, which the Japanese files do not list.
    expect(entry.extra.japaneseLabels).toBe(97 + 1227 + 5611);
    expect(entry.extra.withoutJapanese).toEqual(['2716', '271600', '9999', '999999']);
    expect(entry.files.map((f: { name: string }) => f.name).sort()).toEqual([
      'baci_product_codes_hs17_bec.csv',
      'harmonized-system.csv',
      'hs4_ja.csv',
      'hs6_ja.csv',
    ]);
  });

  it('labels codes in English and Japanese', () => {
    expect(labels.hsLabel('850511', 'en')).toBe(
      'Magnets; permanent magnets and articles intended to become permanent magnets after magnetisation, of metal',
    );
    expect(labels.hsLabel('0101', 'ja')).toBe('馬、ろ馬、ら馬及びヒニー（生きているものに限る。）');
    expect(labels.hsLabel('010121', 'ja')).toBe('馬 ＞ 純粋種の繁殖用のもの');
    // A residual subheading ("その他のもの") is named after its heading (issue 27): graphite 250490.
    expect(labels.hsLabel('250490', 'ja')).toBe('天然黒鉛 ▸ その他のもの');
    expect(labels.hsLabel('250410', 'ja')).toBe('粉状又はフレーク状のもの');
    expect(labels.lookup('250490', 'ja')?.text).toBe('その他のもの');
    expect(labels.hsLabel('250490', 'en')).toBe('Graphite; natural, in other forms, excluding powder or flakes');
    // hs4_ja.csv leaves 0205 empty (its only subheading is 020500): the subheading's text serves.
    expect(labels.hsLabel('0205', 'ja')).toBe(
      '馬、ろ馬、ら馬又はヒニーの肉（生鮮のもの及び冷蔵し又は冷凍したものに限る。）',
    );
    expect(labels.hsLabel('81', 'ja')).toBe('その他の卑金属及びサーメット並びにこれらの製品');
    expect(labels.hsLabel('85', 'en')).toMatch(/^Electrical machinery/);
  });

  it('falls back across revisions only for unchanged codes, then to the heading and chapter', () => {
    // 810720 (cadmium, unwrought) exists only in HS17; no Japanese label, no heading 8107 in HS22 → chapter 81.
    expect(labels.lookup('810720', 'en', 'HS17')).toMatchObject({ code: '810720', exact: true });
    expect(labels.lookup('810720', 'ja', 'HS17')).toMatchObject({ code: '81', exact: false });
    // 850511 did not change: the HS22 Japanese label serves an HS17 code.
    expect(labels.lookup('850511', 'ja', 'HS17')).toMatchObject({ code: '850511', revision: 'HS22' });
    // 811292 changed scope (hafnium, rhenium left it): the HS22 label is NOT used for HS17; its heading is.
    expect(labels.lookup('811292', 'ja', 'HS17')).toMatchObject({ code: '8112', exact: false });
    expect(labels.lookup('811292', 'en', 'HS17')?.text).toMatch(/hafnium/);
    expect(labels.hsLabel('999999', 'en')).toMatch(/not specified/i); // falls back to chapter 99
    expect(labels.hsLabel('12345', 'en')).toBeUndefined();
  });

  it('re-importing the same files is idempotent', async () => {
    const again = await importHs({ dataDir, files, version: 'test' });
    expect(fs.readdirSync(path.join(dataDir.storeDir, 'hs'))).toEqual([path.basename(again.path)]);
  });

  it('refuses a Japanese label for an unknown code, naming file and line, and publishes nothing', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'hs4_ja.csv');
    fs.writeFileSync(bad, 'hs4,desc_ja\n0101,馬\n7777,架空\n');
    expect(() => readHsFiles({ ...files, hs4Ja: bad })).toThrow(/HS code 7777 is not in the HS 2022 list/);
    const fresh = new DataDir(tempDir());
    await expect(importHs({ dataDir: fresh, files: { ...files, hs4Ja: bad } })).rejects.toMatchObject({
      place: { file: bad, line: 3, column: 'hs4' },
    });
    expect(fs.existsSync(path.join(fresh.catalogDir, 'hs.json'))).toBe(false);
  });
});

describe('Japanese chapter titles', () => {
  it('cover every chapter of the HS 2022 list', () => {
    const hs22 = fs.readFileSync(files.hs22, 'utf8').split('\n').slice(1).filter(Boolean);
    const codes = hs22.map((l) => l.split(',')[1]).filter((c) => /^\d{2}$/.test(c));
    expect(codes).toHaveLength(97);
    expect(Object.keys(hsChapterTitlesJa).sort()).toEqual([...codes].sort());
  });
});

describe('HS17 ↔ HS22 concordance', () => {
  const hs17 = new Set(firstColumn(files.hs17));
  const hs22Lines = fs.readFileSync(files.hs22, 'utf8').split('\n').slice(1).filter(Boolean);
  const hs22 = new Set(hs22Lines.map((l) => l.split(',')[1]).filter((c) => /^\d{6}$/.test(c)));

  it('lists every HS17 subheading of the covered headings that HS22 dropped, with targets that exist', () => {
    const dropped = [...hs17].filter((c) => !hs22.has(c) && concordanceHeadings.some((h) => c.startsWith(h)));
    expect(dropped.length).toBeGreaterThan(10);
    for (const code of dropped) expect(changedHs17Codes(), code).toContain(code);
    for (const code of changedHs17Codes()) {
      expect(hs17.has(code), `HS17 ${code}`).toBe(true);
      for (const t of mapHsCode(code, 'HS17', 'HS22').codes) expect(hs22.has(t), `HS22 ${t}`).toBe(true);
    }
  });

  it('maps the critical-mineral codes: all 1:1 except 811292 (split) and 811231 (part of 811292)', () => {
    const critical = JSON.parse(
      fs.readFileSync(path.join(sharedData, 'baci-critical-minerals/critical_codes.json'), 'utf8'),
    ) as { codes: { hs6: string }[] };
    const codes = [...new Set(critical.codes.map((c) => c.hs6))];
    expect(codes).toHaveLength(31);
    const changed = codes.filter(
      (c) => mapHsCode(c, 'HS22', 'HS17').changed || mapHsCode(c, 'HS17', 'HS22').changed,
    );
    expect(changed.sort()).toEqual(['811231', '811292']);
    expect(mapHsCode('811292', 'HS17', 'HS22')).toMatchObject({
      codes: ['811292', '811231', '811241'],
      relation: '1:n',
    });
    expect(mapHsCode('811231', 'HS22', 'HS17')).toMatchObject({ codes: ['811292'], relation: 'n:1' });
    expect(mapHsCode('850511', 'HS17', 'HS22')).toMatchObject({
      codes: ['850511'],
      relation: '1:1',
      changed: false,
    });
  });

  it('flags merges: cadmium 8107.20 and 8107.90 both went to 8112.69', () => {
    expect(mapHsCode('810720', 'HS17', 'HS22')).toMatchObject({ codes: ['811269'], relation: 'n:1' });
    expect(mapHsCode('811269', 'HS22', 'HS17')).toMatchObject({
      codes: ['810720', '810790'],
      relation: '1:n',
    });
  });
});
