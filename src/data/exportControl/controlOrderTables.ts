import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { parseCsv } from '../importers/csvRecords.ts';
import { countryByIso3, resolveCountry } from '../reference/countries.ts';
import type { ControlListRow } from '../../analysis/exportControl/controlList.ts';
import type { CountryTables } from '../../analysis/exportControl/transactionCheck.ts';

/**
 * Reads the Export Trade Control Order tables the transaction check needs from the files of the
 * `jp-export-control-order` dataset: 別表第一 (jp_export_control_order_appendix1_items.csv) and the country tables
 * (jp_export_control_order_country_tables.csv: 別表第三 Group A, 別表第三の二 UN arms embargo, …), with ISO alpha-2
 * codes turned into alpha-3. A missing column or an unknown country code is an error naming the file and line.
 */
export const appendix1File = 'jp_export_control_order_appendix1_items.csv';
export const countryTablesFile = 'jp_export_control_order_country_tables.csv';

export interface ControlOrderTables {
  controlList: ControlListRow[];
  countries: CountryTables & { tables: Map<string, string[]> };
}

function readTable(
  file: string,
  columns: readonly string[],
): { line: number; row: Record<string, string> }[] {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  const records = parseCsv(fs.readFileSync(file, 'utf8'), file);
  if (records.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file });
  const head = records[0].fields.map((h) => h.trim());
  for (const c of columns) {
    if (!head.includes(c))
      throw new ChokepointError('bad_file', `no column "${c}" (columns: ${head.join(', ')})`, {
        file,
        line: 1,
        column: c,
      });
  }
  return records.slice(1).map((r) => {
    if (r.fields.length !== head.length)
      throw new ChokepointError('bad_file', `expected ${head.length} fields, found ${r.fields.length}`, {
        file,
        line: r.line,
      });
    return { line: r.line, row: Object.fromEntries(head.map((h, i) => [h, r.fields[i]])) };
  });
}

export function readControlOrderTables(dir: string): ControlOrderTables {
  const itemsFile = path.join(dir, appendix1File);
  const controlList = readTable(itemsFile, ['kou', 'item', 'subitem', 'label', 'text', 'region']).map(
    ({ row }) => ({
      kou: row.kou,
      item: row.item,
      subitem: row.subitem,
      label: row.label,
      text: row.text,
      region: row.region,
    }),
  );
  const tablesFile = path.join(dir, countryTablesFile);
  const tables = new Map<string, string[]>();
  for (const { line, row } of readTable(tablesFile, ['table', 'iso2', 'country_ja'])) {
    const country = resolveCountry(row.iso2) ?? resolveCountry(row.country_ja);
    if (!country || !countryByIso3(country.iso3))
      throw new ChokepointError('bad_file', `unknown country ${row.iso2} (${row.country_ja})`, {
        file: tablesFile,
        line,
        column: 'iso2',
      });
    const list = tables.get(row.table) ?? [];
    list.push(country.iso3);
    tables.set(row.table, list);
  }
  for (const needed of ['別表第三', '別表第三の二']) {
    if (!tables.has(needed))
      throw new ChokepointError('bad_file', `the file has no rows for ${needed}`, {
        file: tablesFile,
        column: 'table',
      });
  }
  return {
    controlList,
    countries: {
      groupA: new Set(tables.get('別表第三')),
      unArmsEmbargo: new Set(tables.get('別表第三の二')),
      tables,
    },
  };
}
