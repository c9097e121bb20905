import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog, type CatalogEntry } from '../../src/data/catalog/catalog.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import { findTradeDataset, tradeSource } from '../../src/data/catalog/tradeDataset.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { sqlString } from '../../src/data/analytics/store.ts';
import { ChokepointError } from '../../src/errors.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { makeZip } from './zipFixture.ts';

const minerals = path.join(sharedData, 'baci-critical-minerals', 'BACI_HS17_critical_minerals_2018-2024.csv');
const sample = path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv');

/** Independent reading of a BACI CSV: line by line, quotes and padding stripped, plain JS sums. */
async function readCsv(file: string) {
  const perYear = new Map<number, { rows: number; value: number; withQuantity: number }>();
  const flows = new Map<string, { v: number; q: number | null }>();
  let header = true;
  for await (const raw of readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  })) {
    if (header) {
      header = false;
      continue;
    }
    const [t, i, j, k, v, q] = raw.split(',').map((f) => f.replaceAll('"', '').trim());
    const year = perYear.get(Number(t)) ?? { rows: 0, value: 0, withQuantity: 0 };
    year.rows++;
    year.value += Number(v);
    if (q !== 'NA' && q !== '') year.withQuantity++;
    perYear.set(Number(t), year);
    flows.set(`${t}/${i}/${j}/${k.padStart(6, '0')}`, {
      v: Number(v),
      q: q === 'NA' || q === '' ? null : Number(q),
    });
  }
  return { perYear, flows };
}

/** Every file under catalog/ and store/ with its SHA-256: the "state" a failed import must not touch. */
function snapshot(dataDir: DataDir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else
        out[path.relative(dataDir.root, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dataDir.catalogDir);
  walk(dataDir.storeDir);
  return out;
}

let db: DuckDbStore;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(async () => {
  await db.close();
});

describe('BACI import of real files', () => {
  it('imports the critical-minerals extract (112,064 rows, 2018–2024) with per-year totals as in the CSV', async () => {
    const dataDir = new DataDir(tempDir());
    const expected = await readCsv(minerals);
    const entry = await importBaci({ dataDir, inputs: [minerals], version: 'V202601' });
    expect(entry.id).toBe('baci-hs17');
    expect(entry.hs).toBe('HS17');
    expect(entry.kind).toBe('trade-annual');
    expect(entry.synthetic).toBe(false);
    expect(entry.rows).toBe(112_064);
    expect(entry.rejectedRows).toBe(0);
    expect(entry.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(entry.files[0]).toMatchObject({
      name: path.basename(minerals),
      bytes: fs.statSync(minerals).size,
    });
    expect(entry.files[0].sha256).toBe(createHash('sha256').update(fs.readFileSync(minerals)).digest('hex'));

    const src = tradeSource(dataDir, findTradeDataset(new Catalog(dataDir)));
    const stored = await db.query<{ t: number; rows: number; value: number; q: number }>(
      `SELECT t, count(*) AS rows, sum(v) AS value, count(q) AS q FROM ${src} GROUP BY t ORDER BY t`,
    );
    expect(stored.map((r) => r.t)).toEqual([...expected.perYear.keys()].sort());
    for (const r of stored) {
      const want = expected.perYear.get(r.t)!;
      expect(r.rows).toBe(want.rows);
      expect(Math.abs(r.value - want.value) / want.value).toBeLessThan(1e-9);
      expect(r.q).toBe(0); // this extract publishes no quantities: all NA
    }
    // 2018 has 15,743 rows (counted with awk) and the first data line is China → Germany, 850511.
    expect(expected.perYear.get(2018)!.rows).toBe(15_743);
    const flow = await db.query(
      `SELECT v, q, typeof(t) AS tt FROM ${src} WHERE t = 2018 AND i = 156 AND j = 280 AND k = '850511'`,
    );
    expect(flow).toEqual([{ v: 294866.936, q: null, tt: 'INTEGER' }]);
    const schema = await db.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${src}`,
    );
    expect(Object.fromEntries(schema.map((c) => [c.column_name, c.column_type]))).toEqual({
      i: 'INTEGER',
      j: 'INTEGER',
      k: 'VARCHAR',
      v: 'DOUBLE',
      q: 'DOUBLE',
      t: 'INTEGER',
    });
    // Written with LZ4 (raw), every column of every year (see storeCompression in the importer).
    const glob = path.join(dataDir.absolute(entry.path), 't=*', '*.parquet');
    const codecs = await db.query<{ compression: string; files: number }>(
      `SELECT compression, count(DISTINCT file_name) AS files FROM parquet_metadata(${sqlString(glob)}) GROUP BY ALL`,
    );
    expect(codecs).toEqual([{ compression: 'LZ4_RAW', files: 7 }]);
  });

  it('imports the ZAF/AFG half sample: space-padded quoted q, NA quantities, CRLF, 5-digit codes padded', async () => {
    const dataDir = new DataDir(tempDir());
    const expected = await readCsv(sample);
    const entry = await importBaci({ dataDir, inputs: [sample], hs: 'HS17' });
    expect(entry.rows).toBe(71_192);
    expect(entry.years).toEqual([2021]);
    const src = tradeSource(dataDir, entry);
    const [totals] = await db.query<{
      rows: number;
      value: number;
      q: number;
      i: number;
      j: number;
      k: number;
    }>(
      `SELECT count(*) AS rows, sum(v) AS value, count(q) AS q, count(DISTINCT i) AS i, count(DISTINCT j) AS j,
              count(DISTINCT k) AS k FROM ${src}`,
    );
    const want = expected.perYear.get(2021)!;
    expect(totals.rows).toBe(want.rows);
    expect(Math.abs(totals.value - want.value) / want.value).toBeLessThan(1e-9);
    expect(totals.q).toBe(want.withQuantity);
    expect(totals.q).toBe(71_192 - 2_306); // 2,306 lines have q = "           NA" (grep -c)
    expect(totals).toMatchObject({ i: 2, j: 211, k: 4_422 }); // as data/README.md says
    // First data line: 2021,4,24,382390,52.051,"       13.235"; and 2021,4,31,81310,1.624,"        0.500".
    const first = await db.query(`SELECT v, q FROM ${src} WHERE i = 4 AND j = 24 AND k = '382390'`);
    expect(first).toEqual([{ v: 52.051, q: 13.235 }]);
    const padded = await db.query(`SELECT v, q FROM ${src} WHERE i = 4 AND j = 31 AND k = '081310'`);
    expect(padded).toEqual([{ v: 1.624, q: 0.5 }]);
    // A few more flows against the independent reading.
    for (const key of [...expected.flows.keys()].filter((_k, n) => n % 9973 === 0)) {
      const [t, i, j, k] = key.split('/');
      const rows = await db.query<{ v: number; q: number | null }>(
        `SELECT v, q FROM ${src} WHERE t = $1 AND i = $2 AND j = $3 AND k = $4`,
        [Number(t), Number(i), Number(j), k],
      );
      expect(rows).toEqual([expected.flows.get(key)]);
    }
  });

  it('reads a padded "NA" quantity that first appears after the lines the reader samples', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'late-padding.csv');
    const rows = Array.from({ length: 4000 }, (_v, n) => `2021,4,24,${382000 + n},1.5,2.25\n`).join('');
    fs.writeFileSync(
      file,
      `t,i,j,k,v,q\n${rows}2021,4,24,999999,7,"           NA"\n2021,4,24,999998,8,"      3.500"\n`,
    );
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [file], hs: 'HS17' });
    expect(entry.rows).toBe(4002);
    expect(entry.rejectedRows).toBe(0);
    const src = tradeSource(dataDir, entry);
    expect(await db.query(`SELECT k, v, q FROM ${src} WHERE k >= '999998' ORDER BY k`)).toEqual([
      { k: '999998', v: 8, q: 3.5 },
      { k: '999999', v: 7, q: null },
    ]);
    expect(await db.query(`SELECT count(q) AS q, sum(v) AS v FROM ${src}`)).toEqual([
      { q: 4001, v: 4000 * 1.5 + 15 },
    ]);
  });

  it('is idempotent: the same import twice gives the same store version and files', async () => {
    const dataDir = new DataDir(tempDir());
    const first = await importBaci({ dataDir, inputs: [sample], hs: 'HS17' });
    const before = snapshot(dataDir);
    const second = await importBaci({ dataDir, inputs: [sample], hs: 'HS17' });
    expect(second.path).toBe(first.path);
    expect(second.rows).toBe(first.rows);
    const after = snapshot(dataDir);
    const storeFiles = (s: Record<string, string>) =>
      Object.fromEntries(Object.entries(s).filter(([f]) => f.startsWith('store')));
    expect(storeFiles(after)).toEqual(storeFiles(before));
    expect(fs.readdirSync(path.join(dataDir.storeDir, 'baci-hs17'))).toHaveLength(1);
    expect(fs.readdirSync(dataDir.tmpDir)).toEqual([]);
  });
});

describe('BACI import of a CEPII zip archive', () => {
  const countries =
    'country_code,country_name,country_iso2,country_iso3\r\n4,Afghanistan,AF,AFG\r\n156,China,CN,CHN\r\n392,Japan,JP,JPN\r\n842,USA,US,USA\r\n';
  const products =
    'code,description\r\n"010121","Horses: live, pure-bred breeding animals"\r\n"850511","Permanent magnets: of metal"\r\n';
  const year = (t: number, rows: string[]) => `t,i,j,k,v,q\n${rows.map((r) => `${t},${r}`).join('\n')}\n`;

  it('imports every year inside, keeps the code tables and records the members', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'BACI_HS17_V202601.zip');
    fs.writeFileSync(
      zip,
      makeZip([
        {
          name: 'BACI_HS17_Y2022_V202601.csv',
          content: year(2022, ['156,392,850511,1000.5,2.000', '842,392,10121,20.25,NA']),
        },
        { name: 'BACI_HS17_Y2023_V202601.csv', content: year(2023, ['156,842,850511,3000,4.5']) },
        { name: 'country_codes_V202601.csv', content: countries },
        { name: 'product_codes_HS17_V202601.csv', content: products },
        { name: 'Readme.txt', content: 'not a CSV' },
      ]),
    );
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [zip] });
    expect(entry).toMatchObject({
      id: 'baci-hs17',
      hs: 'HS17',
      version: 'V202601',
      rows: 3,
      years: [2022, 2023],
    });
    const members = (entry.extra!.members as { name: string }[]).map((m) => m.name).sort();
    expect(members).toEqual([
      'BACI_HS17_Y2022_V202601.csv',
      'BACI_HS17_Y2023_V202601.csv',
      'country_codes_V202601.csv',
      'product_codes_HS17_V202601.csv',
    ]);
    const src = tradeSource(dataDir, entry);
    expect(await db.query(`SELECT t, i, j, k, v, q FROM ${src} ORDER BY t, i`)).toEqual([
      { t: 2022, i: 156, j: 392, k: '850511', v: 1000.5, q: 2 },
      { t: 2022, i: 842, j: 392, k: '010121', v: 20.25, q: null },
      { t: 2023, i: 156, j: 842, k: '850511', v: 3000, q: 4.5 },
    ]);
    const stored = dataDir.absolute(entry.path);
    const codes = await db.query(
      `SELECT * FROM read_parquet('${path.join(stored, 'country_codes.parquet')}') ORDER BY country_code::INTEGER`,
    );
    expect(codes).toHaveLength(4);
    expect(codes[1]).toEqual({
      country_code: '156',
      country_name: 'China',
      country_iso2: 'CN',
      country_iso3: 'CHN',
    });
    const productRows = await db.query(
      `SELECT code FROM read_parquet('${path.join(stored, 'product_codes.parquet')}')`,
    );
    expect(productRows.map((r) => r.code)).toEqual(['010121', '850511']);
  });

  it('reads a Latin-1 country code table (older CEPII releases) without failing', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'BACI_HS17_V202201.zip');
    const latin1 = Buffer.from(
      'country_code,country_name\r\n384,C\xf4te d\x27Ivoire\r\n392,Japan\r\n',
      'latin1',
    );
    fs.writeFileSync(
      zip,
      makeZip([
        { name: 'BACI_HS17_Y2021_V202201.csv', content: year(2021, ['384,392,180100,5,1']) },
        { name: 'country_codes_V202201.csv', content: latin1 },
      ]),
    );
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [zip] });
    expect(entry).toMatchObject({ version: 'V202201', rows: 1 });
    const codes = await db.query(
      `SELECT country_name FROM read_parquet('${path.join(dataDir.absolute(entry.path), 'country_codes.parquet')}') ORDER BY 1`,
    );
    expect(codes).toEqual([{ country_name: "Côte d'Ivoire" }, { country_name: 'Japan' }]);
  });

  it('rejects a country code missing from the archive’s own code table, naming member and line', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'BACI_HS17_V202601.zip');
    fs.writeFileSync(
      zip,
      makeZip([
        {
          name: 'BACI_HS17_Y2022_V202601.csv',
          content: year(2022, ['156,392,850511,1,1', '156,999,850511,1,1']),
        },
        { name: 'country_codes_V202601.csv', content: countries },
      ]),
    );
    const error = await importBaci({ dataDir: new DataDir(tempDir()), inputs: [zip] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChokepointError);
    expect((error as ChokepointError).place).toEqual({
      file: `${zip}:BACI_HS17_Y2022_V202601.csv`,
      line: 3,
      column: 'j',
    });
    expect((error as ChokepointError).message).toMatch(
      /country code 999 is not in the archive's country code table .* 1 rejected row/,
    );
  });
});

describe('BACI import of several yearly files', () => {
  it('stops at the first file with a bad row (the import fails anyway) and says "at least"', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'BACI_HS17_V202601.zip');
    fs.writeFileSync(
      zip,
      makeZip([
        {
          name: 'BACI_HS17_Y2021_V202601.csv',
          content: 't,i,j,k,v,q\n2021,4,24,382390,1,1\n2021,4,24,382391,x,1\n',
        },
        {
          name: 'BACI_HS17_Y2022_V202601.csv',
          content: 't,i,j,k,v,q\n2022,4,24,382390,1,1\n2022,4,24,382391,y,1\n',
        },
      ]),
    );
    const error = (await importBaci({ dataDir: new DataDir(tempDir()), inputs: [zip] }).catch(
      (e: unknown) => e,
    )) as ChokepointError;
    expect(error.place).toEqual({ file: `${zip}:BACI_HS17_Y2021_V202601.csv`, line: 3, column: 'v' });
    expect(error.message).toMatch(/at least 1 rejected row in all/);
  });
});

describe('BACI import of malformed input leaves the store unchanged', () => {
  let dataDir: DataDir;
  let dir: string;
  let before: Record<string, string>;
  let previous: CatalogEntry;

  beforeAll(async () => {
    dataDir = new DataDir(tempDir());
    dir = tempDir();
    previous = await importBaci({ dataDir, inputs: [sample], hs: 'HS17', datasetId: 'baci-hs17' });
    before = snapshot(dataDir);
  });

  /** Import `file` into the same dataset and return the error; the store must be byte-identical afterwards. */
  async function failing(name: string, content: Buffer | string, options: { maxRejects?: number } = {}) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const error = await importBaci({ dataDir, inputs: [file], hs: 'HS17', ...options }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChokepointError);
    expect(snapshot(dataDir)).toEqual(before);
    expect(new Catalog(dataDir).get('baci-hs17')).toEqual(previous);
    expect(fs.readdirSync(dataDir.tmpDir)).toEqual([]);
    const e = error as ChokepointError;
    expect(e.place.file).toBe(file);
    return e;
  }

  it('wrong header', async () => {
    const e = await failing(
      'header.csv',
      'year,exporter,importer,product,value,quantity\n2021,4,24,382390,1,1\n',
    );
    expect(e.place.line).toBe(1);
    expect(e.message).toMatch(/wrong header: expected t,i,j,k,v,q/);
  });

  it('empty file and a header without rows', async () => {
    expect((await failing('empty.csv', '')).message).toBe('file is empty (0 bytes)');
    const e = await failing('only-header.csv', '"t","i","j","k","v","q"\r\n');
    expect(e.message).toMatch(/no data rows/);
    expect(e.place.line).toBe(2);
  });

  it('text in a numeric column: line and column named, with the count', async () => {
    const e = await failing(
      'text.csv',
      't,i,j,k,v,q\n2021,4,24,382390,1.5,1\n2021,4,24,382391,12 kUSD,1\n2021,4,x24,382392,1,NA\n',
    );
    expect(e.place).toMatchObject({ line: 3, column: 'v' });
    expect(e.message).toMatch(/12 kUSD.*2 rejected rows/);
  });

  it('out-of-domain values: negative value, non-HS6 code, year out of range', async () => {
    const e = await failing(
      'domain.csv',
      't,i,j,k,v,q\n2021,4,24,382390,1.5,1\n2021,4,24,38239012,1,1\n2021,4,24,382390,-5,1\n1901,4,24,382390,1,1\n',
    );
    expect(e.place).toMatchObject({ line: 3, column: 'k' });
    expect(e.message).toMatch(/product code "38239012" is not an HS6 code .* 3 rejected rows/);
  });

  it('Shift_JIS: in the header and in a data line', async () => {
    // "日本" in Shift_JIS is 93 FA 96 7B.
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b]);
    let e = await failing(
      'sjis-header.csv',
      Buffer.concat([sjis, Buffer.from(',i,j,k,v,q\n2021,4,24,382390,1,1\n')]),
    );
    expect(e.message).toBe(
      'file is not UTF-8 (looks like Shift_JIS): byte 0x93 at offset 0 (line 1) is not valid UTF-8',
    );
    expect(e.place.line).toBe(1);
    // Beyond the first 64 KiB, so only the row check sees it; k holds the Shift_JIS text.
    const rows = Array.from({ length: 3000 }, (_v, n) => `2021,4,24,${382000 + n},1.5,1\n`).join('');
    const before = `t,i,j,k,v,q\n${rows}2021,4,24,`;
    e = await failing('sjis-row.csv', Buffer.concat([Buffer.from(before), sjis, Buffer.from(',1,1\n')]));
    expect(e.message).toBe(
      `file is not UTF-8 (looks like Shift_JIS): byte 0x93 at offset ${before.length} (line 3002) is not valid UTF-8`,
    );
    expect(e.place.line).toBe(3002);
  });

  it('zip: truncated archive, 0-byte member, no yearly CSV', async () => {
    const good = makeZip([
      { name: 'BACI_HS17_Y2021_V202601.csv', content: 't,i,j,k,v,q\n2021,4,24,382390,1,1\n' },
    ]);
    expect((await failing('BACI_HS17_V1.zip', good.subarray(0, good.length - 30))).message).toMatch(
      /truncated or corrupt/,
    );
    const empty = makeZip([
      { name: 'BACI_HS17_Y2021_V202601.csv', content: 't,i,j,k,v,q\n2021,4,24,382390,1,1\n' },
      { name: 'BACI_HS17_Y2022_V202601.csv', content: '' },
    ]);
    expect((await failing('BACI_HS17_V2.zip', empty)).message).toBe(
      'zip member BACI_HS17_Y2022_V202601.csv is empty (0 bytes)',
    );
    // Damaged compressed data in the middle (bytes of the deflate stream overwritten).
    const big = makeZip([
      {
        name: 'BACI_HS17_Y2021_V202601.csv',
        content: `t,i,j,k,v,q\n${Array.from({ length: 5000 }, (_v, n) => `2021,4,24,${100000 + n},${n}.5,1`).join('\n')}\n`,
      },
    ]);
    const damaged = Buffer.from(big);
    damaged.fill(0xff, 200, 260);
    expect((await failing('BACI_HS17_V4.zip', damaged)).message).toMatch(
      /truncated or corrupt \(member BACI_HS17_Y2021/,
    );
    const none = makeZip([{ name: 'notes.csv', content: 'a,b\n1,2\n' }]);
    expect((await failing('BACI_HS17_V3.zip', none)).message).toMatch(/holds no BACI yearly CSV/);
  });

  it('with --max-rejects the import proceeds and keeps the count and the rejected lines', async () => {
    const file = path.join(dir, 'some-bad.csv');
    fs.writeFileSync(
      file,
      't,i,j,k,v,q\r\n2021,4,24,382390,1.5,1\r\n2021,4,24,382391,abc,1\r\n2021,4,24,382392,-1,1\r\n2021,4,24,382393,2.5,NA\r\n',
    );
    const tooFew = await importBaci({
      dataDir,
      inputs: [file],
      hs: 'HS17',
      datasetId: 'partial',
      maxRejects: 1,
    }).catch((e: unknown) => e);
    expect((tooFew as ChokepointError).message).toMatch(
      /2 rejected rows in all \(more than --max-rejects 1\)/,
    );
    const entry = await importBaci({
      dataDir,
      inputs: [file],
      hs: 'HS17',
      datasetId: 'partial',
      maxRejects: 2,
    });
    expect(entry.rows).toBe(2);
    expect(entry.rejectedRows).toBe(2);
    const rejects = entry.extra!.rejects as { file: string; line: number; column: string; text: string }[];
    expect(rejects.map((r) => [r.line, r.column, r.text])).toEqual([
      [3, 'v', '2021,4,24,382391,abc,1'],
      [4, 'v', '2021,4,24,382392,-1,1'],
    ]);
    const rows = await db.query(`SELECT k, v, q FROM ${tradeSource(dataDir, entry)} ORDER BY k`);
    expect(rows).toEqual([
      { k: '382390', v: 1.5, q: 1 },
      { k: '382393', v: 2.5, q: null },
    ]);
  });
});
