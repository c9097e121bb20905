import { ChokepointError } from '../../errors.ts';
import { csrFromEntries, type Entry } from '../../analysis/io/matrix.ts';
import type { IoTable } from '../../analysis/io/table.ts';
import { parseCsvTable, parseNumberField } from './csvRecords.ts';
import { checkBalance, checkSquare } from './ioTableShape.ts';

/**
 * OECD Inter-Country Input-Output tables (ICIO, CSV release: https://www.oecd.org/en/data/datasets/inter-country-input-output-tables.html),
 * million USD. The first column names rows; rows and columns named COUNTRY_SECTOR (e.g. JPN_C26) that appear on
 * both axes are the intermediate block; other columns (…_HFCE, _NPISH, _GGFC, _GFCF, _INVNT, _DPABR) are final
 * demand; other rows (TLS, VA) are primary inputs; the row and column OUT hold output. The world table is closed:
 * imports of one country are intermediate flows from another, so the table's own imports and exports are zero.
 */
export function isIcioLayout(header: string[]): boolean {
  return (
    header.some((c) => c.trim() === 'OUT') && header.slice(1).some((c) => /^[A-Z0-9]{3}_/.test(c.trim()))
  );
}

export function parseIcioTable(text: string, file: string): IoTable {
  const records = parseCsvTable(text, file);
  if (records.length < 2) throw new ChokepointError('bad_file', 'the file has no data rows', { file });
  const header = records[0].fields.map((c) => c.trim());
  if (!isIcioLayout(header))
    throw new ChokepointError(
      'bad_file',
      'not an OECD ICIO table (no OUT column or COUNTRY_SECTOR columns)',
      { file, line: 1 },
    );
  // Sector rows and columns are named COUNTRY_SECTOR; the other rows (TLS, VA, OUT) are primary inputs and output,
  // and the COUNTRY_ columns with a final-demand code are final demand. A sector missing on either axis means the
  // table is not whole: its column would otherwise be taken as final demand, or its row dropped.
  const rowLabels = records.slice(1).map((r) => r.fields[0].trim());
  const sectorCodes = header.slice(1).filter((c) => isSectorCode(c) && !finalDemandColumn.test(c));
  checkSquare(rowLabels.filter(isSectorCode), sectorCodes, file);
  if (sectorCodes.length === 0)
    throw new ChokepointError('bad_file', 'no sector appears both as a row and as a column', {
      file,
      line: 1,
    });
  const index = new Map(sectorCodes.map((c, i) => [c, i]));
  const n = sectorCodes.length;
  const entries: Entry[] = [];
  const finalDemand = new Float64Array(n);
  const valueAdded = new Float64Array(n);
  const statedOutput = new Float64Array(n).fill(NaN);
  for (const r of records.slice(1)) {
    const label = r.fields[0].trim();
    const i = index.get(label);
    for (let c = 1; c < header.length; c++) {
      const v = parseNumberField(r.fields[c], { file, line: r.line, column: header[c] }) ?? 0;
      const j = index.get(header[c]);
      if (label === 'OUT') {
        if (j !== undefined) statedOutput[j] = v;
      } else if (i !== undefined) {
        if (j !== undefined) entries.push({ i, j, v });
        else if (header[c] !== 'OUT') finalDemand[i] += v;
      } else if (j !== undefined) {
        valueAdded[j] += v;
      }
    }
  }
  const Z = csrFromEntries(n, entries);
  const output = Float64Array.from(valueAdded);
  for (let k = 0; k < Z.col.length; k++) output[Z.col[k]] += Z.val[k];
  for (let j = 0; j < n; j++) {
    const stated = statedOutput[j];
    if (!Number.isNaN(stated) && Math.abs(stated - output[j]) > 1e-6 * Math.max(1, Math.abs(stated)) + 0.5) {
      throw new ChokepointError(
        'bad_file',
        `column ${sectorCodes[j]} sums to ${output[j]} but OUT says ${stated}`,
        { file, column: sectorCodes[j] },
      );
    }
  }
  const table = {
    sectors: sectorCodes.map((code) => ({ code, en: code, ja: code })),
    Z,
    finalDemand,
    exports: new Float64Array(n),
    imports: new Float64Array(n),
    valueAdded,
    output,
    unit: 'million USD',
  };
  checkBalance(table, file);
  return table;
}

/** COUNTRY_SECTOR, e.g. JPN_C26 (country codes of ICIO are ISO3, plus CN1/CN2, MX1/MX2 for the split tables). */
const isSectorCode = (label: string) => /^[A-Z0-9]{3}_/.test(label);

/** ICIO's final-demand columns: households, non-profits, government, capital formation, inventories, purchases abroad. */
const finalDemandColumn = /_(HFCE|NPISH|GGFC|GFCF|INVNT|DPABR)$/;
