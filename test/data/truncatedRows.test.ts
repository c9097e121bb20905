import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { importCustomsJapan } from '../../src/data/importers/customsJapan.ts';
import { importExports } from '../../src/data/importers/exports.ts';
import { importPinkSheet } from '../../src/data/importers/pinksheet.ts';
import { readIoTableFile } from '../../src/data/scenario/ioTables.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { iso3OfName } from '../../src/data/reference/countries.ts';
import { ChokepointError } from '../../src/errors.ts';

/**
 * A file cut in the middle of its last line (a partial download, a copy that ran out of space) ends with a row
 * that has fewer fields than the header. Each importer must reject that row naming file and line, not import it
 * with the missing fields empty. The cut files are copies of real files (gunzipped and gzipped again for .gz) cut
 * just before a field separator of their last line, so that the last row keeps `fieldsKept` whole fields.
 */
function cutCopy(real: string, fieldsKept: number, name: string): { file: string; line: number } {
  const bytes = fs.readFileSync(path.join(sharedData, real));
  const body = (real.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8').replace(/\r?\n$/, '');
  const start = body.lastIndexOf('\n') + 1;
  let at = start - 1;
  for (let k = 0; k < fieldsKept; k++) at = body.indexOf(',', at + 1);
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, name.endsWith('.gz') ? zlib.gzipSync(body.slice(0, at)) : body.slice(0, at));
  return { file, line: body.slice(0, start).split('\n').length };
}

async function errorOf(run: () => unknown): Promise<ChokepointError> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ChokepointError);
  return error as ChokepointError;
}

describe('a file cut in the middle of its last row is rejected naming file and line', () => {
  it('a mapped monthly CSV (China critical minerals, by HS6 and partner)', async () => {
    // period_dt,partner_name,hs6,val,qty,uv cut after val: the quantity and unit value are missing.
    const cut = cutCopy('monthly/china-critical-minerals/deep_dive_hs6_monthly.csv', 4, 'deep_dive_cut.csv');
    const e = await errorOf(() =>
      importMonthlyCsv(cut.file, {
        map: parseColumnMap('period=period_dt,partner=partner_name,hs=hs6,value=val,quantity=qty'),
        reporter: 'CHN',
        flow: 'export',
      }),
    );
    expect(cut.line).toBe(6443); // wc -l: 6,442 data lines after the header
    expect(e.place).toEqual({ file: 'deep_dive_cut.csv', line: 6443 });
    expect(e.message).toMatch(/expected 6 fields as in the header, found 4/);
  });

  it('Japan Customs summary (gzip as published, cut after the goods field)', async () => {
    const real = 'monthly/japan-customs-summary/trade_year_2009-2026.csv.gz';
    const cut = cutCopy(real, 4, 'trade_year_cut.csv.gz');
    const e = await errorOf(() => importCustomsJapan(cut.file));
    expect(e.place).toEqual({ file: 'trade_year_cut.csv.gz', line: cut.line });
    expect(e.message).toMatch(/^expected 5 fields as in the header, found 4: the file ends in the middle/);
  });

  it('a gzip file cut short fails as such, not as garbage text', async () => {
    const gz = fs.readFileSync(
      path.join(sharedData, 'monthly', 'japan-customs-summary', 'trade_year_2009-2026.csv.gz'),
    );
    const file = path.join(tempDir(), 'trade_year_short.csv.gz');
    fs.writeFileSync(file, gz.subarray(0, gz.length >> 1));
    const e = await errorOf(() => importCustomsJapan(file));
    expect(e.message).toMatch(/^gzip data is truncated or corrupt/);
    expect(e.place).toEqual({ file: 'trade_year_short.csv.gz' });
  });

  it('World Bank Pink Sheet prices (cut in the middle of the last month)', async () => {
    const cut = cutCopy('prices/pinksheet_monthly_prices.csv', 30, 'pinksheet_cut.csv');
    const e = await errorOf(() => importPinkSheet(cut.file));
    expect(e.place).toEqual({ file: 'pinksheet_cut.csv', line: cut.line });
    // 72 columns (month + 71 series); the cut line keeps 30.
    expect(e.message).toMatch(/^expected 72 fields as in the header, found 30: the file ends in the middle/);
  });

  it('the wide Japanese input-output table (cut in its last value-added row)', async () => {
    const cut = cutCopy('io/iotable_13sector_2011_wider.csv', 7, 'iotable_wide_cut.csv');
    const e = await errorOf(() => readIoTableFile(cut.file));
    expect(e.place).toEqual({ file: cut.file, line: 20 });
    expect(e.message).toMatch(/^expected 24 fields as in the header, found 7: the file ends in the middle/);
  });

  describe('world exports by HS4 (Open Trade Statistics, gzip)', () => {
    let db: DuckDbStore;
    beforeAll(async () => {
      db = await openDuckDb();
    });
    afterAll(async () => {
      await db.close();
    });

    it('cut after the product code: the value is missing, not "NA"', async () => {
      const { file } = cutCopy('world-exports-hs4/world_trade_2017.csv.gz', 2, 'world_trade_2017.csv');
      const dataDir = new DataDir(tempDir()).ensure();
      const e = await errorOf(() =>
        importExports({
          catalog: new Catalog(dataDir),
          dataDir,
          analytics: db,
          file,
          resolveCountry: iso3OfName,
        }),
      );
      expect(e.place).toEqual({ file, line: 233_433 });
      expect(e.message).toMatch(/^expected 3 fields as in the header, found 2: the file ends in the middle/);
      expect(fs.readdirSync(dataDir.catalogDir)).toEqual([]);
    });
  });
});
