import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { readCsvTable } from './listFormats/csvTable.ts';
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

function existing(file: string): string {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  return file;
}

export function readControlOrderTables(dir: string): ControlOrderTables {
  const itemsFile = existing(path.join(dir, appendix1File));
  const controlList: ControlListRow[] = readCsvTable(itemsFile, [
    'kou',
    'item',
    'subitem',
    'label',
    'text',
    'region',
  ]).rows.map((r) => ({
    kou: r.get('kou'),
    item: r.get('item'),
    subitem: r.get('subitem'),
    label: r.get('label'),
    text: r.get('text'),
    region: r.get('region'),
  }));
  const tablesFile = existing(path.join(dir, countryTablesFile));
  const tables = new Map<string, string[]>();
  for (const r of readCsvTable(tablesFile, ['table', 'iso2', 'country_ja']).rows) {
    const country = resolveCountry(r.get('iso2')) ?? resolveCountry(r.get('country_ja'));
    if (!country || !countryByIso3(country.iso3))
      throw new ChokepointError('bad_file', `unknown country ${r.get('iso2')} (${r.get('country_ja')})`, {
        file: tablesFile,
        line: r.line,
        column: 'iso2',
      });
    const list = tables.get(r.get('table')) ?? [];
    list.push(country.iso3);
    tables.set(r.get('table'), list);
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
