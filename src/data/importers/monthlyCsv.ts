import { ChokepointError } from '../../errors.ts';
import { parseCsvTable } from './csvRecords.ts';
import { normalisePeriod } from '../../analysis/ews/period.ts';
import type { Flow, MonthlyRow } from '../../analysis/ews/panel.ts';
import { PartnerResolver, readSourceText, type MonthlyImport } from '../ews/monthlyImport.ts';
import type { ValueUnit } from '../ews/valueUnit.ts';
import type { TextEncoding } from './textEncoding.ts';
import type { SourceFile } from '../catalog/catalog.ts';

/**
 * Any monthly CSV through a column mapping: `--map period=…,partner=…,hs=…,value=…,quantity=…` (optional
 * unit=…, reporter=…, flow=…), with `--reporter ISO3` and `--flow import|export` for files that hold one of each.
 */
export interface ColumnMap {
  period: string;
  partner: string;
  hs: string;
  value: string;
  quantity?: string;
  unit?: string;
  reporter?: string;
  flow?: string;
}

export interface MonthlyCsvOptions {
  map: ColumnMap;
  reporter?: string;
  flow?: Flow;
  /** Unit of the quantity column when the file has no unit column. */
  unit?: string;
  /** Unit of the value column as the user states it (`--value-unit`); without it the unit is 'unknown'. */
  valueUnit?: ValueUnit;
  /** Forced text encoding (`--encoding`); else textEncoding.ts decides. */
  encoding?: TextEncoding;
}

const mapKeys = ['period', 'partner', 'hs', 'value', 'quantity', 'unit', 'reporter', 'flow'];

/** Column names that usually hold each field: a first guess of the mapping, which the user checks in a preview. */
const usualNames: [keyof ColumnMap, RegExp][] = [
  ['period', /^(period|period_dt|month|date|ym|yyyymm|年月|期間)$/i],
  ['partner', /^(partner|partner_name|partner_iso3?|country|country_name|相手国|国名?)$/i],
  ['hs', /^(hs|hs\d|hs_?code|cmd_?code|commodity|product|品目|品目コード)$/i],
  ['value', /^(val|value|trade_?value|primary_?value|amount|金額|価額)$/i],
  ['quantity', /^(qty|quantity|net_?weight|数量)$/i],
  ['unit', /^(unit|qty_?unit|単位)$/i],
  ['reporter', /^(reporter|reporter_name|reporter_iso3?|申告国)$/i],
  ['flow', /^(flow|flow_?code|trade_?flow|輸出入)$/i],
];

/** The first column of the header whose name usually holds each field (fields without one are left out). */
export function guessColumnMap(header: readonly string[]): Partial<ColumnMap> {
  const guess: Partial<ColumnMap> = {};
  for (const [key, pattern] of usualNames) {
    const column = header.find((h) => pattern.test(h.trim()) && !Object.values(guess).includes(h));
    if (column) guess[key] = column;
  }
  return guess;
}

/** Parses "period=period_dt,partner=partner_name,…". */
export function parseColumnMap(text: string): ColumnMap {
  const map: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, ...rest] = part.split('=');
    const key = k.trim();
    const column = rest.join('=').trim();
    if (!mapKeys.includes(key) || !column) {
      throw new ChokepointError(
        'bad_input',
        `--map entry "${part}" must be one of ${mapKeys.join(', ')} = a column name`,
        { field: 'map' },
      );
    }
    map[key] = column;
  }
  for (const required of ['period', 'partner', 'hs', 'value']) {
    if (!map[required])
      throw new ChokepointError('bad_input', `--map needs ${required}=<column>`, { field: 'map' });
  }
  return map as unknown as ColumnMap;
}

export function parseFlow(
  text: string,
  place: { file?: string; line?: number; field?: string } = {},
): Flow | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'import' || t === 'imports' || t === 'm' || t === '2') return 'import';
  if (t === 'export' || t === 'exports' || t === 'x' || t === '1') return 'export';
  if (place.field) throw new ChokepointError('bad_input', `flow "${text}" must be import or export`, place);
  return undefined;
}

export function importMonthlyCsv(file: string, options: MonthlyCsvOptions): MonthlyImport {
  const { text, file: source } = readSourceText(file, options.encoding);
  return parseMonthlyCsv(text, source, options);
}

/** The header of a monthly CSV's text (trimmed column names) and its first data records, for a preview. */
export function monthlyCsvHead(
  text: string,
  name: string,
  records = 10,
): { header: string[]; sample: string[][] } {
  const table = parseCsvTable(text, name);
  if (table.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file: name });
  return {
    header: table[0].fields.map((h) => h.trim()),
    sample: table.slice(1, records + 1).map((r) => r.fields),
  };
}

/**
 * A monthly CSV already read as text (`source` describes the file: a path read by `importMonthlyCsv`, or a file
 * the browser sent to the API's import route).
 */
export function parseMonthlyCsv(text: string, source: SourceFile, options: MonthlyCsvOptions): MonthlyImport {
  const name = source.name;
  const records = parseCsvTable(text, name);
  if (records.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file: name });
  const header = records[0].fields.map((h) => h.trim());
  const col = (key: keyof ColumnMap): number => {
    const column = options.map[key];
    if (!column) return -1;
    const i = header.indexOf(column);
    if (i < 0)
      throw new ChokepointError(
        'bad_file',
        `column "${column}" (for ${key}) is not in the header: ${header.join(', ')}`,
        { file: name, line: 1, column },
      );
    return i;
  };
  const c = {
    period: col('period'),
    partner: col('partner'),
    hs: col('hs'),
    value: col('value'),
    quantity: col('quantity'),
    unit: col('unit'),
    reporter: col('reporter'),
    flow: col('flow'),
  };
  if (c.reporter < 0 && !options.reporter)
    throw new ChokepointError('bad_input', 'give --reporter ISO3 or map a reporter column', {
      field: 'reporter',
    });
  if (c.flow < 0 && !options.flow)
    throw new ChokepointError('bad_input', 'give --flow import|export or map a flow column', {
      field: 'flow',
    });
  const resolver = new PartnerResolver();
  const reporterResolver = new PartnerResolver();
  const rows: MonthlyRow[] = [];
  const rejected: MonthlyImport['rejected'] = [];
  const fixedReporter = options.reporter ? reporterResolver.resolve(options.reporter) : undefined;
  if (options.reporter && !fixedReporter)
    throw new ChokepointError('bad_input', `--reporter "${options.reporter}" is not a known country`, {
      field: 'reporter',
    });
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r];
    const get = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
    const period = normalisePeriod(get(c.period));
    if (!period) {
      rejected.push({ line, reason: `period "${get(c.period)}" is not a month` });
      continue;
    }
    const partnerName = get(c.partner);
    const partner = resolver.resolve(partnerName);
    if (!partner) {
      resolver.fail(partnerName);
      continue;
    }
    const reporter = fixedReporter ?? reporterResolver.resolve(get(c.reporter));
    if (!reporter) {
      rejected.push({ line, reason: `reporter "${get(c.reporter)}" is not a known country` });
      continue;
    }
    const flow = c.flow >= 0 ? parseFlow(get(c.flow)) : options.flow;
    if (!flow) {
      rejected.push({ line, reason: `flow "${get(c.flow)}" is neither import nor export` });
      continue;
    }
    const valueText = get(c.value);
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) {
      throw new ChokepointError('bad_file', `value "${valueText}" is not a number`, {
        file: name,
        line,
        column: options.map.value,
      });
    }
    let quantity: number | null = null;
    if (c.quantity >= 0 && get(c.quantity) !== '') {
      quantity = Number(get(c.quantity));
      if (!Number.isFinite(quantity))
        throw new ChokepointError('bad_file', `quantity "${get(c.quantity)}" is not a number`, {
          file: name,
          line,
          column: options.map.quantity,
        });
    }
    const unit = quantity === null ? null : c.unit >= 0 ? get(c.unit) || null : (options.unit ?? 'unit');
    rows.push({ reporter, partner, hs: get(c.hs), flow, period, value, quantity, unit, line });
  }
  return {
    source: 'csv',
    rows,
    unresolvedPartners: resolver.report(),
    rejected,
    missing: 'zero',
    valueUnit: options.valueUnit ?? 'unknown',
    file: source,
  };
}
