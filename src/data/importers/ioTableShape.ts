import { ChokepointError } from '../../errors.ts';
import { columnTotals, rowTotals, type IoTable } from '../../analysis/io/table.ts';

/**
 * Checks that an input-output table read from a file is whole before it is stored: a table cut in half still
 * parses, and would give the multipliers of an economy that does not exist.
 *  - The intermediate block is square: every sector has its row (what it supplies) and its column (what it buys).
 *  - The table balances: each sector's row total Σ_j z_ij + f_i + e_i − m_i (its output as supplied) equals its
 *    column total Σ_i z_ij + v_i (its output as produced), the accounting identity of an input-output table
 *    (Miller & Blair 2009, §2.2). A missing block of cells breaks it for the sectors it held.
 */

/**
 * How far a sector's row and column totals may differ: 0.01 % of its output, and at least one unit of the table.
 * Published tables balance up to the rounding of their cells (the 2011 Japanese table, 13 and 3 sectors, to the
 * million yen); a missing cell of any weight is larger.
 */
export const balanceTolerance = { relative: 1e-4, absolute: 1 } as const;

/** Fails naming the sectors that have a row but no column, or a column but no row. */
export function checkSquare(rows: Iterable<string>, columns: Iterable<string>, file: string): void {
  const rowSet = new Set(rows);
  const columnSet = new Set(columns);
  const noRow = [...columnSet].filter((s) => !rowSet.has(s));
  const noColumn = [...rowSet].filter((s) => !columnSet.has(s));
  if (noRow.length === 0 && noColumn.length === 0) return;
  const problems = [
    noRow.length ? `${sectors(noRow)} ${noRow.length === 1 ? 'has' : 'have'} a column but no row` : '',
    noColumn.length
      ? `${sectors(noColumn)} ${noColumn.length === 1 ? 'has' : 'have'} a row but no column`
      : '',
  ].filter(Boolean);
  throw new ChokepointError(
    'bad_file',
    `${problems.join('; ')}: the intermediate block must be square (is the file cut off?)`,
    { file },
  );
}

/**
 * Fails naming the first sector whose row and column totals differ by more than `balanceTolerance`; `absent` names
 * the parts of the table the file lacks (e.g. the import column), said in the message since they are the likely
 * cause.
 */
export function checkBalance(table: IoTable, file: string, absent: string[] = []): void {
  const rows = rowTotals(table);
  const columns = columnTotals(table);
  const off: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const scale = Math.max(Math.abs(rows[i]), Math.abs(columns[i]));
    const allowed = Math.max(balanceTolerance.relative * scale, balanceTolerance.absolute);
    if (Math.abs(rows[i] - columns[i]) > allowed) off.push(i);
  }
  if (off.length === 0) return;
  const first = table.sectors[off[0]];
  const number = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  throw new ChokepointError(
    'bad_file',
    `the table does not balance: sector ${first.code}${first.en !== first.code ? ` (${first.en})` : ''} has a row total of ` +
      `${number(rows[off[0]])} but a column total of ${number(columns[off[0]])} ${table.unit} ` +
      `(more apart than 0.01 % or 1 unit)` +
      (off.length > 1 ? `, and so do ${sectors(off.slice(1).map((i) => table.sectors[i].code))}` : '') +
      (absent.length ? `; the file has no ${absent.join(', ')}: is it cut off?` : ''),
    { file, column: first.code },
  );
}

/** "sector 08" / "sectors 08, 09, 10" (the first ten, then how many more). */
function sectors(codes: string[]): string {
  const shown = codes.slice(0, 10).join(', ');
  const more = codes.length > 10 ? ` and ${codes.length - 10} more` : '';
  return `sector${codes.length === 1 ? '' : 's'} ${shown}${more}`;
}
