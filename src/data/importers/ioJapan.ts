import { ChokepointError } from '../../errors.ts';
import { csrFromEntries, type Entry } from '../../analysis/io/matrix.ts';
import type { IoSector, IoTable } from '../../analysis/io/table.ts';
import { parseCsvTable, parseNumberField, type CsvRecord } from './csvRecords.ts';
import { checkBalance, checkSquare } from './ioTableShape.ts';

/**
 * Japan's national input-output table (総務省 産業連関表, MIC, published on e-Stat) in the tidy layouts of the
 * 2011 13-sector table: the long form `input_type,input_name,output_type,output_name,value_M` and the wide form
 * `input,industry/01_…,…,finaldemand/…,export/…,import/…`. Names carry a code prefix ("03_Manufacturing"); the
 * English and Japanese files share the codes, so a Japanese file beside the English one gives the ja labels.
 * Values are million yen; imports, duties and commodity taxes on imports are negative ("less") columns.
 */
interface Cell {
  inputType: string;
  inputName: string;
  outputType: string;
  outputName: string;
  value: number;
  line: number;
  column: string;
}

export function isJapanIoLayout(header: string[]): boolean {
  const h = header.map((c) => c.trim());
  return (
    (h[0] === 'input_type' && h[1] === 'input_name') ||
    (h[0] === 'input' && h.slice(1).some((c) => c.includes('/')))
  );
}

function cellsOf(records: CsvRecord[], file: string): Cell[] {
  const header = records[0].fields.map((c) => c.trim());
  const cells: Cell[] = [];
  if (header[0] === 'input_type') {
    const need = ['input_type', 'input_name', 'output_type', 'output_name'];
    const at = need.map((n) => header.indexOf(n));
    const valueAt = header.findIndex((c) => c.startsWith('value'));
    if (at.some((i) => i < 0) || valueAt < 0) {
      throw new ChokepointError('bad_file', `the header needs ${need.join(', ')} and a value column`, {
        file,
        line: 1,
      });
    }
    for (const r of records.slice(1)) {
      const value = parseNumberField(r.fields[valueAt], { file, line: r.line, column: header[valueAt] });
      if (value === null) continue;
      cells.push({
        inputType: r.fields[at[0]].trim(),
        inputName: r.fields[at[1]].trim(),
        outputType: r.fields[at[2]].trim(),
        outputName: r.fields[at[3]].trim(),
        value,
        line: r.line,
        column: header[valueAt],
      });
    }
    return cells;
  }
  const split = (label: string, place: { line: number; column?: string }): [string, string] => {
    const slash = label.indexOf('/');
    if (slash < 0)
      throw new ChokepointError('bad_file', `"${label}" is not of the form type/name`, { file, ...place });
    return [label.slice(0, slash), label.slice(slash + 1)];
  };
  const outputs = header.slice(1).map((c) => split(c, { line: 1, column: c }));
  for (const r of records.slice(1)) {
    const [inputType, inputName] = split(r.fields[0].trim(), { line: r.line, column: header[0] });
    for (let c = 1; c < header.length; c++) {
      const value = parseNumberField(r.fields[c] ?? '', { file, line: r.line, column: header[c] });
      if (value === null) continue;
      cells.push({
        inputType,
        inputName,
        outputType: outputs[c - 1][0],
        outputName: outputs[c - 1][1],
        value,
        line: r.line,
        column: header[c],
      });
    }
  }
  return cells;
}

/** "03_Manufacturing" → ["03", "Manufacturing"]. */
function codeAndLabel(name: string): [string, string] {
  const m = /^([0-9A-Za-z]+)_(.*)$/.exec(name);
  return m ? [m[1], m[2]] : [name, name];
}

function labelsByCode(cells: Cell[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of cells) {
    if (c.inputType === 'industry') labels.set(codeAndLabel(c.inputName)[0], codeAndLabel(c.inputName)[1]);
    if (c.outputType === 'industry') labels.set(codeAndLabel(c.outputName)[0], codeAndLabel(c.outputName)[1]);
  }
  return labels;
}

/**
 * Parses the table. `jaText` (the same table with Japanese names) supplies the ja labels; without it the ja label
 * repeats the English one, and the caller should say so.
 */
export function parseJapanIoTable(text: string, file: string, ja?: { text: string; file: string }): IoTable {
  const records = parseCsvTable(text, file);
  if (records.length < 2) throw new ChokepointError('bad_file', 'the file has no data rows', { file });
  if (!isJapanIoLayout(records[0].fields)) {
    throw new ChokepointError(
      'bad_file',
      'not a Japanese input-output table in long (input_type,…) or wide (input,…) form',
      { file, line: 1 },
    );
  }
  const cells = cellsOf(records, file);
  const absent = checkBlocks(cells, file);
  const en = labelsByCode(cells);
  const jaLabels = ja ? labelsByCode(cellsOf(parseCsvTable(ja.text, ja.file), ja.file)) : undefined;
  const codes = [...en.keys()].sort();
  if (codes.length === 0) throw new ChokepointError('bad_file', 'no industry rows or columns', { file });
  const index = new Map(codes.map((c, i) => [c, i]));
  const sectors: IoSector[] = codes.map((code) => ({
    code,
    en: en.get(code)!,
    ja: jaLabels?.get(code) ?? en.get(code)!,
  }));
  if (jaLabels) {
    const missing = codes.filter((c) => !jaLabels.has(c));
    if (missing.length)
      throw new ChokepointError('bad_file', `the Japanese file lacks sectors ${missing.join(', ')}`, {
        file: ja!.file,
      });
  }
  const n = codes.length;
  const entries: Entry[] = [];
  const finalDemand = new Float64Array(n);
  const exports = new Float64Array(n);
  const imports = new Float64Array(n);
  const valueAdded = new Float64Array(n);
  for (const c of cells) {
    const place = { file, line: c.line, column: c.column };
    if (c.inputType === 'industry') {
      const i = index.get(codeAndLabel(c.inputName)[0])!;
      if (c.outputType === 'industry')
        entries.push({ i, j: index.get(codeAndLabel(c.outputName)[0])!, v: c.value });
      else if (c.outputType === 'finaldemand') finalDemand[i] += c.value;
      else if (c.outputType === 'export') exports[i] += c.value;
      else if (c.outputType === 'import') imports[i] -= c.value;
      else
        throw new ChokepointError(
          'bad_file',
          `unknown output type "${c.outputType}" (expected industry, finaldemand, export, import)`,
          place,
        );
    } else if (c.inputType === 'valueadded') {
      if (c.outputType !== 'industry') {
        if (c.value === 0) continue;
        throw new ChokepointError(
          'bad_file',
          `value added can only go to an industry, not "${c.outputType}"`,
          place,
        );
      }
      valueAdded[index.get(codeAndLabel(c.outputName)[0])!] += c.value;
    } else {
      throw new ChokepointError(
        'bad_file',
        `unknown input type "${c.inputType}" (expected industry or valueadded)`,
        place,
      );
    }
  }
  const Z = csrFromEntries(n, entries);
  const output = Float64Array.from(valueAdded);
  for (let k = 0; k < Z.col.length; k++) output[Z.col[k]] += Z.val[k];
  const table = { sectors, Z, finalDemand, exports, imports, valueAdded, output, unit: 'million JPY' };
  checkBalance(table, file, absent);
  return table;
}

/**
 * Checks the parts a whole table has: industry rows and columns for the same sectors, value-added rows and
 * final-demand columns (without which no sector can balance). Returns the optional parts that are absent (export,
 * import columns), for the balance check to mention.
 */
function checkBlocks(cells: Cell[], file: string): string[] {
  const rows = new Set<string>();
  const columns = new Set<string>();
  const inputTypes = new Set<string>();
  const outputTypes = new Set<string>();
  for (const c of cells) {
    inputTypes.add(c.inputType);
    outputTypes.add(c.outputType);
    if (c.inputType === 'industry') rows.add(codeAndLabel(c.inputName)[0]);
    if (c.outputType === 'industry') columns.add(codeAndLabel(c.outputName)[0]);
  }
  checkSquare(rows, columns, file);
  const missing = [
    inputTypes.has('valueadded') ? '' : 'value-added rows (valueadded/…)',
    outputTypes.has('finaldemand') ? '' : 'final-demand columns (finaldemand/…)',
  ].filter(Boolean);
  if (missing.length) {
    throw new ChokepointError(
      'bad_file',
      `the table has no ${missing.join(' and no ')}: is the file cut off?`,
      {
        file,
      },
    );
  }
  return ['export', 'import'].filter((t) => !outputTypes.has(t)).map((t) => `${t} column (${t}/…)`);
}
