import { ChokepointError } from '../../errors.ts';
import { parseCsvTable } from './csvRecords.ts';
import { normalisePeriod } from '../../analysis/ews/period.ts';
import type { MonthlyRow } from '../../analysis/ews/panel.ts';
import { PartnerResolver, readSourceText, type MonthlyImport } from '../ews/monthlyImport.ts';
import { valueUnit } from '../ews/valueUnit.ts';
import type { TextEncoding } from './textEncoding.ts';

/**
 * UN Comtrade+ monthly data, as the CSV download or the API's JSON ({ data: [ … ] }), with Comtrade+'s column
 * names: freqCode, period (YYYYMM), reporterCode/ISO, flowCode (M, X), partnerCode/ISO (0 = World), cmdCode,
 * primaryValue (USD), qty + qtyUnitAbbr/qtyUnitCode, netWgt (kg). Kept: totals over the breakdowns
 * (partner2Code 0, motCode 0, customsCode C00); others are counted as rejected with the reason.
 * Comtrade publishes only non-zero flows, so a missing month is zero trade.
 */
type Record_ = Record<string, unknown>;

const required = ['freqCode', 'period', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue'];

/** Comtrade quantity unit codes seen in HS data (8 = kg, the usual one). */
const unitCodes: Record<string, string> = {
  '-1': '',
  '1': 'none',
  '5': 'u',
  '8': 'kg',
  '12': 'l',
  '13': 'm²',
};

export function importComtradeMonthly(file: string, encoding?: TextEncoding): MonthlyImport {
  const { text, file: source } = readSourceText(file, encoding);
  const name = source.name;
  const records: { line: number; row: Record_ }[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file: name });
    }
    const data = Array.isArray(json) ? json : (json as { data?: unknown }).data;
    if (!Array.isArray(data))
      throw new ChokepointError('bad_file', 'a Comtrade+ API response has its rows in "data"', {
        file: name,
        field: 'data',
      });
    // JSON has no lines; the record number stands in for one (1-based).
    data.forEach((row, i) => records.push({ line: i + 1, row: row as Record_ }));
  } else {
    const csv = parseCsvTable(text, name);
    if (csv.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file: name });
    const header = csv[0].fields.map((h) => h.trim());
    for (let r = 1; r < csv.length; r++) {
      const row: Record_ = {};
      header.forEach((h, i) => (row[h] = csv[r].fields[i]));
      records.push({ line: csv[r].line, row });
    }
  }
  if (records.length > 0) {
    const missing = required.filter((k) => !(k in records[0].row));
    if (missing.length)
      throw new ChokepointError('bad_file', `not Comtrade+ data: missing ${missing.join(', ')}`, {
        file: name,
        line: 1,
      });
  }
  const partners = new PartnerResolver();
  const reporters = new PartnerResolver();
  const rows: MonthlyRow[] = [];
  const rejected: MonthlyImport['rejected'] = [];
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  for (const { line, row } of records) {
    if (str(row.freqCode) !== 'M') {
      rejected.push({ line, reason: `freqCode ${str(row.freqCode)} is not monthly (M)` });
      continue;
    }
    if (
      (str(row.partner2Code) || '0') !== '0' ||
      (str(row.motCode) || '0') !== '0' ||
      (str(row.customsCode) || 'C00') !== 'C00'
    ) {
      rejected.push({
        line,
        reason: 'a breakdown by second partner, transport mode or customs procedure (totals are kept)',
      });
      continue;
    }
    const flowCode = str(row.flowCode);
    const flow = flowCode === 'M' ? 'import' : flowCode === 'X' ? 'export' : undefined;
    if (!flow) {
      rejected.push({
        line,
        reason: `flowCode ${flowCode} is not M or X (re-imports and re-exports are not used)`,
      });
      continue;
    }
    const period = normalisePeriod(str(row.period));
    if (!period) {
      rejected.push({ line, reason: `period "${str(row.period)}" is not a month YYYYMM` });
      continue;
    }
    const reporterKey = str(row.reporterISO) || str(row.reporterCode);
    const reporter = reporters.resolve(reporterKey) ?? reporters.resolve(str(row.reporterCode));
    if (!reporter) {
      rejected.push({ line, reason: `reporter ${reporterKey} is not a known country` });
      continue;
    }
    const partnerCode = str(row.partnerCode);
    const partnerKey = partnerCode === '0' ? 'World' : str(row.partnerISO) || partnerCode;
    const partner = partners.resolve(partnerKey) ?? partners.resolve(partnerCode);
    if (!partner) {
      partners.fail(str(row.partnerDesc) || partnerKey);
      continue;
    }
    const value = Number(row.primaryValue);
    if (str(row.primaryValue) === '' || !Number.isFinite(value)) {
      throw new ChokepointError('bad_file', `primaryValue "${str(row.primaryValue)}" is not a number`, {
        file: name,
        line,
        column: 'primaryValue',
      });
    }
    let quantity: number | null = null;
    let unit: string | null = null;
    const netWgt = Number(row.netWgt);
    const qty = Number(row.qty);
    if (str(row.netWgt) !== '' && Number.isFinite(netWgt) && netWgt > 0) {
      quantity = netWgt;
      unit = 'kg';
    } else if (str(row.qty) !== '' && Number.isFinite(qty) && qty > 0) {
      quantity = qty;
      unit = str(row.qtyUnitAbbr) || unitCodes[str(row.qtyUnitCode)] || `unit ${str(row.qtyUnitCode)}`;
    }
    rows.push({ reporter, partner, hs: str(row.cmdCode), flow, period, value, quantity, unit, line });
  }
  return {
    source: 'comtrade',
    rows,
    unresolvedPartners: partners.report(),
    rejected,
    missing: 'zero',
    valueUnit: valueUnit('USD'),
    file: source,
  };
}
