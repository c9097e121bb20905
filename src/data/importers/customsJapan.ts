import { ChokepointError } from '../../errors.ts';
import { parseCsvTable } from './csvRecords.ts';
import { normalisePeriod } from '../../analysis/ews/period.ts';
import type { MonthlyRow } from '../../analysis/ews/panel.ts';
import { PartnerResolver, readSourceText, type MonthlyImport } from '../ews/monthlyImport.ts';
import { valueUnit } from '../ews/valueUnit.ts';
import type { TextEncoding } from './textEncoding.ts';

/**
 * Japan Customs monthly trade by area × summary commodity group (概況品), the shape of Japan Customs' summary
 * tables: "Exp or Imp" (1 export, 2 import), "Area" (Customs' short English area names), "month" (YYYY-MM-01),
 * "goods" (summary group, not HS), "value" (billion yen). Reporter is Japan. Every area × group × month is
 * published, so a missing month would be a gap in the file, not zero trade: missing months are 'unknown'.
 */

/** Customs' short area names → ISO3 (the names used in the summary tables). */
const areaCodes: Record<string, string> = {
  ARGENT: 'ARG',
  AUSTRAL: 'AUS',
  AUSTRIA: 'AUT',
  BAHRAIN: 'BHR',
  BELGIUM: 'BEL',
  BRAZIL: 'BRA',
  BRUNEI: 'BRN',
  CANADA: 'CAN',
  CHILE: 'CHL',
  CHINA: 'CHN',
  COLMBIA: 'COL',
  DENMARK: 'DNK',
  EU: 'EUU',
  FINLAND: 'FIN',
  FRANCE: 'FRA',
  GERMANY: 'DEU',
  GREECE: 'GRC',
  'Grand Total': 'WLD',
  'HG KONG': 'HKG',
  INDIA: 'IND',
  INDNSIA: 'IDN',
  IRAN: 'IRN',
  IRELAND: 'IRL',
  ISRAEL: 'ISR',
  ITALY: 'ITA',
  KUWAIT: 'KWT',
  LIBERIA: 'LBR',
  MALYSIA: 'MYS',
  MEXICO: 'MEX',
  NETHLDS: 'NLD',
  NEWZELD: 'NZL',
  NORWAY: 'NOR',
  OMAN: 'OMN',
  PAKISTN: 'PAK',
  PANAMA: 'PAN',
  'PAP NGA': 'PNG',
  PERU: 'PER',
  PHILPIN: 'PHL',
  PORTUGL: 'PRT',
  PRTRICO: 'PRI',
  QATAR: 'QAT',
  'R KOREA': 'KOR',
  RUSSIA: 'RUS',
  'S AFRCA': 'ZAF',
  SNGAPOR: 'SGP',
  SPAIN: 'ESP',
  'SU ARAB': 'SAU',
  SWEDEN: 'SWE',
  SWITZLD: 'CHE',
  TAIWAN: 'TWN',
  THAILND: 'THA',
  TURKEY: 'TUR',
  'U ARB E': 'ARE',
  'U KING': 'GBR',
  USA: 'USA',
  VENEZLA: 'VEN',
  VIETNAM: 'VNM',
};

const expected = ['Exp or Imp', 'Area', 'month', 'goods', 'value'];

export function isCustomsJapanSummary(header: string[]): boolean {
  return expected.every((h, i) => header[i]?.trim() === h);
}

export function importCustomsJapan(file: string, encoding?: TextEncoding): MonthlyImport {
  const { text, file: source } = readSourceText(file, encoding);
  const name = source.name;
  const records = parseCsvTable(text, name);
  if (records.length === 0 || !isCustomsJapanSummary(records[0].fields)) {
    throw new ChokepointError(
      'bad_file',
      `not a Japan Customs summary table: the header must be ${expected.join(', ')}`,
      { file: name, line: 1 },
    );
  }
  const resolver = new PartnerResolver(areaCodes);
  const rows: MonthlyRow[] = [];
  const rejected: MonthlyImport['rejected'] = [];
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r];
    const [flowCode, area, month, goods, valueText] = fields;
    const flow = flowCode === '1' ? 'export' : flowCode === '2' ? 'import' : undefined;
    if (!flow) {
      rejected.push({ line, reason: `"Exp or Imp" is "${flowCode}", expected 1 or 2` });
      continue;
    }
    const period = normalisePeriod(month);
    if (!period) {
      rejected.push({ line, reason: `month "${month}" is not a date` });
      continue;
    }
    const partner = resolver.resolve(area);
    if (!partner) {
      resolver.fail(area);
      continue;
    }
    const value = Number(valueText);
    if (valueText.trim() === '' || !Number.isFinite(value)) {
      throw new ChokepointError('bad_file', `value "${valueText}" is not a number`, {
        file: name,
        line,
        column: 'value',
      });
    }
    rows.push({
      reporter: 'JPN',
      partner,
      hs: goods.trim(),
      flow,
      period,
      value,
      quantity: null,
      unit: null,
      line,
    });
  }
  return {
    source: 'customs-japan',
    rows,
    unresolvedPartners: resolver.report(),
    rejected,
    missing: 'unknown',
    valueUnit: valueUnit('JPY', 1e9),
    file: source,
  };
}
