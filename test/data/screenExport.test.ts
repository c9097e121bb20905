import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { sqlString } from '../../src/data/analytics/store.ts';
import { runScreen, screenAllToFile, type ScreenResult } from '../../src/data/screening/screen.ts';
import { writeScreenCsv, writeScreenParquet, writeScreenXlsx } from '../../src/data/screening/screenExport.ts';
import { parseCsv } from '../../src/data/importers/csvRecords.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';

describe('screen exports (CSV, XLSX, Parquet) carry every row and its provenance', () => {
  let analytics: DuckDbStore;
  let dataDir: DataDir;
  let result: ScreenResult;
  let out: string;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    analytics = await openDuckDb();
    result = await runScreen(
      { dataDir, catalog: new Catalog(dataDir), analytics },
      { reporter: 'KOR', year: 2023 },
    );
    out = tempDir();
  });
  afterAll(async () => analytics.close());

  it('CSV: a header, one line per product, flags and provenance columns', () => {
    const file = path.join(out, 'kor.csv');
    writeScreenCsv(result, file);
    const records = parseCsv(fs.readFileSync(file, 'utf8'), file);
    const header = records[0].fields;
    expect(records.length - 1).toBe(result.items.length);
    const row = Object.fromEntries(header.map((h, n) => [h, records[1].fields[n]]));
    expect(row).toMatchObject({
      reporter: 'KOR',
      hs6: result.items[0].hs6,
      dataset: 'baci-cm',
      version: 'V202601',
      synthetic: 'false',
    });
    expect(Number(row.hhi)).toBeCloseTo(result.items[0].hhi, 12);
    expect(row.flag_eu2021).toBe(String(result.items[0].flags.eu2021));
    expect(JSON.parse(row.thresholds).geodep.window).toBe(3);
  });

  it('XLSX: the rows and a provenance sheet', async () => {
    const file = path.join(out, 'kor.xlsx');
    await writeScreenXlsx(result, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('screen')!.rowCount).toBe(result.items.length + 1);
    const facts = new Map<string, unknown>();
    book
      .getWorksheet('provenance')!
      .eachRow((r) => facts.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(facts.get('dataset')).toBe('baci-cm');
    expect(facts.get('flagged by eu2021')).toBe(result.counts.eu2021);
  });

  it('Parquet: typed columns, the same numbers', async () => {
    const file = path.join(out, 'kor.parquet');
    await writeScreenParquet(analytics, result, file, dataDir.tmpDir);
    const rows = await analytics.query(
      `SELECT hs6, importValueUsd, flag_hhi, synthetic FROM read_parquet(${sqlString(file)})`,
    );
    expect(rows.length).toBe(result.items.length);
    expect(rows[0]).toEqual({
      hs6: result.items[0].hs6,
      importValueUsd: result.items[0].importValueUsd,
      flag_hhi: result.items[0].flags.hhi,
      synthetic: false,
    });
  });

  it('--reporter ALL to Parquet holds KOR with the same figures as the single screen', async () => {
    const file = path.join(out, 'all.parquet');
    await screenAllToFile(
      { dataDir, catalog: new Catalog(dataDir), analytics },
      { year: 2023 },
      file,
      'parquet',
    );
    const kor = await analytics.query<{ hs6: string; hhi: number; dataset: string }>(
      `SELECT hs6, hhi, dataset FROM read_parquet(${sqlString(file)}) WHERE reporter = 'KOR' ORDER BY "importValueUsd" DESC, hs6`,
    );
    expect(kor.map((r) => r.hs6)).toEqual(result.items.map((i) => i.hs6));
    kor.forEach((r, n) => expect(r.hhi).toBeCloseTo(result.items[n].hhi, 12));
    expect(kor[0].dataset).toBe('baci-cm');
  });

  it('--reporter ALL to CSV: the rows of the Parquet file, USD in whole dollars and shares to 15 decimals', async () => {
    const services = { dataDir, catalog: new Catalog(dataDir), analytics };
    const parquetFile = path.join(out, 'all-for-csv.parquet');
    const csvFile = path.join(out, 'all.csv');
    await screenAllToFile(services, { year: 2023 }, parquetFile, 'parquet');
    await screenAllToFile(services, { year: 2023 }, csvFile, 'csv');
    const fromParquet = await analytics.query(`SELECT * FROM read_parquet(${sqlString(parquetFile)})`);
    const records = parseCsv(fs.readFileSync(csvFile, 'utf8'), csvFile);
    const header = records[0].fields;
    const fromCsv = records.slice(1).map((r) => Object.fromEntries(header.map((h, n) => [h, r.fields[n]])));
    expect(fromCsv.length).toBe(fromParquet.length);
    expect(fromCsv.length).toBeGreaterThan(1000);
    const usd = ['importValueUsd', 'exportValueUsd'];
    const shares = [
      'hhi',
      'topShare',
      'top3Share',
      'concernShare',
      'likeMindedShare',
      'extraGroupShare',
      'worldExportHhi',
      'topWorldExporterShare',
    ];
    fromCsv.forEach((row, n) => {
      const want = fromParquet[n];
      expect([row.reporter, row.hs6]).toEqual([want.reporter, want.hs6]);
      for (const name of usd) {
        expect(row[name]).toMatch(/^\d+$/);
        // The sums may differ in their last bits between the two runs (parallel order); never by a dollar.
        expect(Math.abs(Number(row[name]) - Number(want[name]))).toBeLessThanOrEqual(0.5 + 1e-6);
      }
      for (const name of shares) {
        if (want[name] === null) expect(row[name], name).toBe('');
        else {
          expect(row[name], name).toMatch(/^(-?\d\.\d{15}|0|1)$/);
          // Half a unit of the 15th decimal, plus what the two runs' parallel sums may differ by.
          expect(Math.abs(Number(row[name]) - Number(want[name])), name).toBeLessThanOrEqual(2e-15);
        }
      }
      expect(row.partnerShare).toBe('');
      expect(Number(row.importExportRatio)).toBeCloseTo(Number(want.importExportRatio), 9);
      expect(row.topSupplier).toBe(want.topSupplier);
      expect(row.flagEu2021).toBe(String(want.flagEu2021));
    });
    // Exact zeros and ones are written as one digit.
    const zeros = fromParquet.filter((r) => r.concernShare === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(fromCsv.filter((r) => r.concernShare === '0').length).toBe(zeros);
    expect(fromCsv.filter((r) => r.topShare === '1').length).toBe(
      fromParquet.filter((r) => r.topShare === 1).length,
    );
  });
});
