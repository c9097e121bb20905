import { ChokepointError } from '../../../errors.ts';
import { cellText, openWorkbook } from './workbook.ts';
import { resolveCountry } from '../../reference/countries.ts';
import { compactName, type ListEntry } from '../../../analysis/exportControl/listDelta.ts';
import { readCsvTable, requireValue, splitValues } from './csvTable.ts';

/**
 * METI End User List (外国ユーザーリスト): the publisher's Excel (sheet ユーザーリスト; columns No., 国名、地域名,
 * 企業名､組織名, 別名, 懸念区分, 通常兵器) or the CSV converted from it (columns no, country_ja, country_en, name,
 * aliases, wmd_codes, conventional_weapons; the 2025-01-31 CSV has no CW column). Row numbers change with every
 * revision, so an entry's id is its country and compact name (compactName); concerns are the WMD codes B, C, M, N
 * and CW. A country that cannot be resolved, an empty name or a repeated entry is an error naming the row.
 */
function resolveIso3(ja: string, en: string, place: { file: string; line: number; column: string }): string {
  const country = resolveCountry(ja) ?? resolveCountry(en);
  if (!country) throw new ChokepointError('bad_file', `unknown country or region "${ja || en}"`, place);
  return country.iso3;
}

/** WMD codes from the concern cell: the Latin letters B, C, M, N (full-width ones too), in that order. */
export function concernCodes(cell: string): string[] {
  const letters = new Set(cell.normalize('NFKC').match(/[BCMN]/g) ?? []);
  return ['B', 'C', 'M', 'N'].filter((c) => letters.has(c));
}

function entryOf(
  fields: {
    countryJa: string;
    countryEn: string;
    name: string;
    aliases: string[];
    concerns: string[];
    cw: boolean;
  },
  place: { file: string; line: number },
  seen: Map<string, number>,
): ListEntry {
  const name = requireValue(fields.name.replace(/\s*\n\s*/g, ' ').trim(), { ...place, column: 'name' });
  const iso3 = resolveIso3(fields.countryJa, fields.countryEn, { ...place, column: 'country' });
  const id = `${iso3}:${compactName(name)}`;
  const first = seen.get(id);
  if (first !== undefined)
    throw new ChokepointError('bad_file', `"${name}" (${iso3}) appears again (first on row ${first})`, place);
  seen.set(id, place.line);
  return {
    id,
    names: [name, ...fields.aliases.filter((a) => a !== name)],
    countries: [iso3],
    identifiers: [],
    concerns: [...fields.concerns, ...(fields.cw ? ['CW'] : [])],
    sourceRow: place.line,
  };
}

export function parseEndUserListCsv(file: string): ListEntry[] {
  const { columns, rows } = readCsvTable(file, ['country_ja', 'country_en', 'name', 'aliases', 'wmd_codes']);
  const hasCw = columns.includes('conventional_weapons');
  const seen = new Map<string, number>();
  return rows.map((r) =>
    entryOf(
      {
        countryJa: r.get('country_ja'),
        countryEn: r.get('country_en'),
        name: r.get('name'),
        aliases: splitValues(r.get('aliases'), /\s*\|\s*/),
        concerns: concernCodes(r.get('wmd_codes')),
        cw: hasCw && r.get('conventional_weapons') !== '',
      },
      { file, line: r.line },
      seen,
    ),
  );
}

export async function parseEndUserListXlsx(file: string): Promise<ListEntry[]> {
  const workbook = await openWorkbook(file);
  const sheet = workbook.getWorksheet('ユーザーリスト') ?? workbook.worksheets[0];
  if (!sheet) throw new ChokepointError('bad_file', 'the workbook has no sheet', { file });
  const header = Array.from(sheet.getRow(1).values as unknown[], cellText);
  const col = (prefix: string) => {
    const i = header.findIndex((h) => h.startsWith(prefix));
    if (i < 0)
      throw new ChokepointError('bad_file', `no column starting "${prefix}" in sheet ${sheet.name}`, {
        file,
        line: 1,
        column: prefix,
      });
    return i;
  };
  const at = {
    country: col('国名'),
    name: col('企業名'),
    aliases: col('別名'),
    wmd: col('懸念区分'),
    cw: col('通常兵器'),
  };
  const seen = new Map<string, number>();
  const entries: ListEntry[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = Array.from(sheet.getRow(r).values as unknown[]);
    const cells = Object.fromEntries(Object.entries(at).map(([k, i]) => [k, cellText(values[i]).trim()]));
    if (Object.values(cells).every((v) => v === '')) continue;
    const [countryJa, countryEn = ''] = cells.country.split(/\n/).map((s) => s.trim());
    entries.push(
      entryOf(
        {
          countryJa,
          countryEn,
          name: cells.name,
          aliases: cells.aliases
            .split(/\n/)
            .map((a) => a.replace(/^[・･]\s*/, '').trim())
            .filter(Boolean),
          concerns: concernCodes(cells.wmd),
          cw: cells.cw !== '',
        },
        { file, line: r },
        seen,
      ),
    );
  }
  return entries;
}
