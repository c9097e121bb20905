import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { readIoTableFile, importIoTable, loadIoTable } from '../../src/data/scenario/ioTables.ts';
import { columnTotals, rowTotals } from '../../src/analysis/io/table.ts';
import { toDense } from '../../src/analysis/io/matrix.ts';
import {
  allocationCoefficients,
  domesticCoefficients,
  importCoefficients,
  technicalCoefficients,
} from '../../src/analysis/io/coefficients.ts';
import { leontiefOutput, outputMultipliers } from '../../src/analysis/io/leontief.ts';
import { ghoshMultipliers, ghoshOutput } from '../../src/analysis/io/ghosh.ts';
import { inoperability, interdependencyMatrix } from '../../src/analysis/io/inoperability.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';

const japan13 = path.join(sharedData, 'io', 'iotable_13sector_2011.csv');

/** Independent check: Gauss–Jordan elimination with partial pivoting on a small dense matrix (row-major). */
function gaussJordanInverse(n: number, m: ArrayLike<number>): number[][] {
  const a = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => m[i * n + j]),
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row) => row.slice(n));
}

/** I − M as a dense row-major array. */
function iMinus(n: number, m: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = (i === j ? 1 : 0) - m[i * n + j];
  return out;
}

/** Reads the wide CSV by hand (a second, independent parse): row label → numbers. */
function readWide(file: string): Map<string, number[]> {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const split = (l: string) =>
    [...l.matchAll(/"([^"]*)"|([^,]+)|(?<=,|^)(?=,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
  const rows = new Map<string, number[]>();
  for (const l of lines.slice(1)) {
    const cells = split(l);
    rows.set(
      cells[0],
      cells.slice(1).map((c) => (c === '' ? 0 : Number(c))),
    );
  }
  return rows;
}

describe("Japan's 2011 13-sector input-output table", () => {
  const { table, notes } = readIoTableFile(japan13);
  const n = table.sectors.length;

  it('has 13 sectors with English and Japanese labels, and row totals equal column totals', () => {
    expect(n).toBe(13);
    expect(table.sectors[2]).toEqual({ code: '03', en: 'Manufacturing', ja: '製造業' });
    expect(notes).toEqual([]);
    const rows = rowTotals(table);
    const cols = columnTotals(table);
    for (let i = 0; i < n; i++) expect(Math.abs(rows[i] - cols[i])).toBeLessThan(1); // million yen
    // Manufacturing output by hand from the wide file: column sum of the industry rows and value-added rows.
    const wide = readWide(path.join(sharedData, 'io', 'iotable_13sector_2011_wider.csv'));
    let manufacturing = 0;
    for (const values of wide.values()) manufacturing += values[2];
    expect(wide.size).toBe(19);
    expect(table.output[2]).toBeCloseTo(manufacturing, 3);
  });

  it('the long and wide forms give the same table', () => {
    const wide = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011_wider.csv')).table;
    expect([...wide.output]).toEqual([...table.output]);
    expect([...wide.imports]).toEqual([...table.imports]);
    expect([...toDense(wide.Z)]).toEqual([...toDense(table.Z)]);
  });

  it('closed and open output multipliers equal the column sums of a Gauss–Jordan inverse', () => {
    const A = technicalCoefficients(table.Z, table.output);
    const m = importCoefficients(table);
    // Import coefficient of mining by hand: imports / (intermediate + domestic final demand); crude oil and ores.
    expect(m[1]).toBeGreaterThan(0.95);
    const Ad = domesticCoefficients(A, m);
    for (const [coefficients, multipliers] of [
      [A, outputMultipliers(A)],
      [Ad, outputMultipliers(Ad)],
    ] as const) {
      const L = gaussJordanInverse(n, iMinus(n, toDense(coefficients)));
      for (let j = 0; j < n; j++) {
        const columnSum = L.reduce((s, row) => s + row[j], 0);
        expect(multipliers[j]).toBeCloseTo(columnSum, 9);
      }
    }
    const closed = outputMultipliers(A);
    const open = outputMultipliers(Ad);
    for (let j = 0; j < n; j++) {
      expect(closed[j]).toBeGreaterThanOrEqual(open[j]); // leaking imports can only shorten the chain
      expect(open[j]).toBeGreaterThanOrEqual(1);
    }
  });

  it('the open Leontief model reproduces observed output from domestic final demand and exports', () => {
    const A = technicalCoefficients(table.Z, table.output);
    const m = importCoefficients(table);
    const y = table.finalDemand.map((f, i) => (1 - m[i]) * f + table.exports[i]);
    const x = leontiefOutput(domesticCoefficients(A, m), y);
    for (let i = 0; i < n; i++) expect(x[i] / table.output[i]).toBeCloseTo(1, 8);
  });

  it('Ghosh output and multipliers match the dense inverse, and primary inputs give back output', () => {
    const B = allocationCoefficients(table.Z, table.output);
    const G = gaussJordanInverse(n, iMinus(n, toDense(B)));
    const g = ghoshMultipliers(B);
    for (let i = 0; i < n; i++)
      expect(g[i]).toBeCloseTo(
        G[i].reduce((s, v) => s + v, 0),
        9,
      );
    // Supply identity x' = v'(I − B)⁻¹ where v = value added + imports used as inputs is not separable here, so
    // use the primary inputs implied by the columns: p_j = x_j − Σ_i z_ij.
    const zColumns = new Float64Array(n);
    const Zd = toDense(table.Z);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) zColumns[j] += Zd[i * n + j];
    const primary = table.output.map((x, j) => x - zColumns[j]);
    const x = ghoshOutput(B, primary);
    for (let j = 0; j < n; j++) expect(x[j] / table.output[j]).toBeCloseTo(1, 8);
  });

  it('inoperability equals x̂⁻¹ L x̂ c* computed densely', () => {
    const A = technicalCoefficients(table.Z, table.output);
    const Astar = interdependencyMatrix(A, table.output);
    const c = new Float64Array(n);
    c[2] = 0.01; // 1 % of manufacturing output lost directly
    const q = inoperability(Astar, c);
    const L = gaussJordanInverse(n, iMinus(n, toDense(A)));
    for (let i = 0; i < n; i++) {
      const expected = (L[i][2] * table.output[2] * 0.01) / table.output[i];
      expect(q[i]).toBeCloseTo(expected, 10);
    }
    expect(q[2]).toBeGreaterThan(0.01);
  });

  it('imports as an io-table dataset with provenance and loads back identical', () => {
    const dataDir = new DataDir(tempDir()).ensure();
    const catalog = new Catalog(dataDir);
    const entry = importIoTable({ dataDir, catalog, file: japan13 });
    expect(entry.kind).toBe('io-table');
    expect(entry.publisher).toMatch(/総務省/);
    expect(entry.version).toBe('2011');
    expect(entry.files.map((f) => f.name)).toEqual([
      'iotable_13sector_2011.csv',
      'iotable_13sector_2011_ja.csv',
    ]);
    const loaded = loadIoTable(catalog, entry.id).table;
    expect([...toDense(loaded.Z)]).toEqual([...toDense(table.Z)]);
    expect(loaded.sectors).toEqual(table.sectors);
  });
});

describe('OECD ICIO layout', () => {
  it('parses a two-country, two-sector table; output from OUT; world multipliers match a dense inverse', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ICIO_tiny.csv');
    // Intermediate block 4×4, final demand split in two columns per country, TLS and VA rows, OUT row/column.
    fs.writeFileSync(
      file,
      [
        'V1,JPN_C26,JPN_D35,CHN_C26,CHN_D35,JPN_HFCE,JPN_GFCF,CHN_HFCE,CHN_GFCF,OUT',
        'JPN_C26,10,5,20,0,30,15,10,10,100',
        'JPN_D35,8,2,0,0,20,0,0,0,30',
        'CHN_C26,25,3,40,10,5,2,60,55,200',
        'CHN_D35,0,0,30,5,0,0,15,0,50',
        'TLS,2,0,10,5,0,0,0,0,0',
        'VA,55,20,100,30,0,0,0,0,0',
        'OUT,100,30,200,50,0,0,0,0,0',
      ].join('\n'),
    );
    const { table, format } = readIoTableFile(file);
    expect(format).toBe('oecd-icio');
    expect(table.sectors.map((s) => s.code)).toEqual(['JPN_C26', 'JPN_D35', 'CHN_C26', 'CHN_D35']);
    expect([...table.output]).toEqual([100, 30, 200, 50]);
    expect([...table.finalDemand]).toEqual([65, 20, 122, 15]);
    expect([...table.valueAdded]).toEqual([57, 20, 110, 35]);
    const rows = rowTotals(table);
    for (let i = 0; i < 4; i++) expect(rows[i]).toBeCloseTo(table.output[i], 9);
    const A = technicalCoefficients(table.Z, table.output);
    const L = gaussJordanInverse(4, iMinus(4, toDense(A)));
    const mult = outputMultipliers(A);
    for (let j = 0; j < 4; j++)
      expect(mult[j]).toBeCloseTo(
        L.reduce((s, r) => s + r[j], 0),
        10,
      );
  });

  it('rejects a table whose OUT disagrees with its column, naming the column', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ICIO_bad.csv');
    fs.writeFileSync(file, 'V1,AAA_X,AAA_HFCE,OUT\nAAA_X,1,9,10\nVA,8,0,0\nOUT,11,0,0\n');
    expect(() => readIoTableFile(file)).toThrow(/AAA_X sums to 9 but OUT says 11/);
  });
});
