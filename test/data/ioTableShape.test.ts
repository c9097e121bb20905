import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importIoTable, readIoTableFile } from '../../src/data/scenario/ioTables.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { ChokepointError } from '../../src/errors.ts';

/**
 * An input-output table cut short (whole lines lost: a partial download, a copy that ran out of space, a paste
 * of the top half) still parses; it must fail naming what is missing instead of giving the multipliers of an
 * economy that does not exist. The cut tables are the real 2011 Japanese table (MIC, via e-Stat) with lines
 * removed. Its long form lists the cells column by column: for each industry column its 13 industry rows and
 * 6 value-added rows (19 lines), then the final-demand, export and import columns.
 */
const io = path.join(sharedData, 'io');
const lines = (name: string) => fs.readFileSync(path.join(io, name), 'utf8').trimEnd().split('\n');

function writeTable(name: string, kept: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, `${kept.join('\n')}\n`);
  return file;
}

function errorOf(file: string): ChokepointError {
  try {
    readIoTableFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ChokepointError);
    return error as ChokepointError;
  }
  throw new Error(`${file} was read as a whole table`);
}

describe('input-output tables cut short are rejected naming what is missing', () => {
  it('the real tables are whole: 13 sectors long and wide, 3 sectors', () => {
    for (const [name, sectors] of [
      ['iotable_13sector_2011.csv', 13],
      ['iotable_13sector_2011_wider.csv', 13],
      ['iotable_3sector_2011.csv', 3],
    ] as const) {
      expect(readIoTableFile(path.join(io, name)).table.sectors).toHaveLength(sectors);
    }
  });

  it('long form cut in half: the sectors whose columns are lost', () => {
    const long = lines('iotable_13sector_2011.csv');
    expect(long).toHaveLength(378); // header + 13 × 19 industry-column cells + 13 × 10 other columns
    // Header and 188 cells: industry columns 01–09 whole (171 lines) and 17 cells of column 10.
    const file = writeTable('iotable_13sector_2011.csv', long.slice(0, 189));
    const e = errorOf(file);
    expect(e.message).toBe(
      'sectors 11, 12, 13 have a row but no column: the intermediate block must be square (is the file cut off?)',
    );
    expect(e.place).toEqual({ file });
  });

  it('long form with every industry column but nothing after: no final demand', () => {
    const long = lines('iotable_13sector_2011.csv');
    const e = errorOf(writeTable('iotable_13sector_2011.csv', long.slice(0, 1 + 13 * 19)));
    expect(e.message).toBe('the table has no final-demand columns (finaldemand/…): is the file cut off?');
  });

  it('wide form cut after 9 sector rows: the sectors whose rows are lost', () => {
    const wide = lines('iotable_13sector_2011_wider.csv');
    const e = errorOf(writeTable('iotable_13sector_2011_wider.csv', wide.slice(0, 10)));
    expect(e.message).toBe(
      'sectors 10, 11, 12, 13 have a column but no row: the intermediate block must be square (is the file cut off?)',
    );
  });

  it('wide form with the 13 sector rows but no value-added rows', () => {
    const wide = lines('iotable_13sector_2011_wider.csv');
    const e = errorOf(writeTable('iotable_13sector_2011_wider.csv', wide.slice(0, 14)));
    expect(e.message).toBe('the table has no value-added rows (valueadded/…): is the file cut off?');
  });

  it('one cell lost from the middle: the table no longer balances, naming the sector', () => {
    const long = lines('iotable_13sector_2011.csv');
    const lost = long.findIndex((l) =>
      l.startsWith('"industry","03_Manufacturing","finaldemand","72_Consumption expenditure (private)"'),
    );
    // Private consumption of manufactured goods: 55,177,632 million yen (line 264 of the file).
    expect(lost + 1).toBe(264);
    const value = Number(/,(-?\d+)$/.exec(long[lost])![1]);
    expect(value).toBe(55_177_632);
    const file = writeTable('iotable_13sector_2011.csv', [...long.slice(0, lost), ...long.slice(lost + 1)]);
    const e = errorOf(file);
    // Output of manufacturing (column total) 289,904,506 million yen; its row now lacks that cell.
    expect(e.message).toBe(
      `the table does not balance: sector 03 (Manufacturing) has a row total of ${(289_904_506 - value).toLocaleString('en-US')} ` +
        'but a column total of 289,904,506 million JPY (more apart than 0.01 % or 1 unit)',
    );
    expect(e.place).toEqual({ file, column: '03' });
  });

  it('a cut table is not imported: the catalog stays empty', () => {
    const long = lines('iotable_13sector_2011.csv');
    const file = writeTable('iotable_13sector_2011.csv', long.slice(0, 189));
    const dataDir = new DataDir(tempDir()).ensure();
    const catalog = new Catalog(dataDir);
    expect(() => importIoTable({ dataDir, catalog, file })).toThrow(/have a row but no column/);
    expect(catalog.list()).toEqual([]);
  });
});

describe('OECD ICIO tables cut short', () => {
  // Two countries, two sectors each, one final-demand column each; balanced: rows and columns sum to OUT.
  const table = [
    'V1,AAA_A,AAA_B,BBB_A,BBB_B,AAA_HFCE,BBB_GFCF,OUT',
    'AAA_A,5,3,2,0,8,2,20',
    'AAA_B,1,4,0,1,4,0,10',
    'BBB_A,2,0,6,3,1,18,30',
    'BBB_B,0,1,2,2,0,5,10',
    'TLS,1,0,2,0,0,0,0',
    'VA,11,2,18,4,0,0,0',
    'OUT,20,10,30,10,0,0,0',
  ];

  it('the whole table reads: four sectors, output from OUT', () => {
    const { table: read } = readIoTableFile(writeTable('ICIO_small.csv', table));
    expect(read.sectors.map((s) => s.code)).toEqual(['AAA_A', 'AAA_B', 'BBB_A', 'BBB_B']);
    expect([...read.output]).toEqual([20, 10, 30, 10]);
  });

  it('a sector row lost: named, not taken as final demand', () => {
    const e = errorOf(
      writeTable(
        'ICIO_cut.csv',
        table.filter((l) => !l.startsWith('BBB_B,')),
      ),
    );
    expect(e.message).toBe(
      'sector BBB_B has a column but no row: the intermediate block must be square (is the file cut off?)',
    );
  });

  it('a final-demand cell wrong: the row total no longer matches the column total', () => {
    const changed = table.map((l) => (l.startsWith('AAA_A,') ? 'AAA_A,5,3,2,0,3,2,20' : l));
    const e = errorOf(writeTable('ICIO_unbalanced.csv', changed));
    expect(e.message).toBe(
      'the table does not balance: sector AAA_A has a row total of 15 but a column total of 20 million USD (more apart than 0.01 % or 1 unit)',
    );
  });
});
