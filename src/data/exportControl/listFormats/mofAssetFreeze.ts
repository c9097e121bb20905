import { cellText, openWorkbook } from './workbook.ts';
import { resolveCountry } from '../../reference/countries.ts';
import { compactName, type ListEntry } from '../../../analysis/exportControl/listDelta.ts';

/**
 * Japan Ministry of Finance asset-freeze list (経済制裁措置及び対象者リスト), the publisher's workbook: an index sheet
 * (一覧) and one sheet per programme, each with its own columns and a header row within its first rows. A
 * programme sheet is read from the row holding 日本語表記 / 英語表記; names are those two columns plus every column
 * of aliases and former names (別名, 別称, 旧称 …; not 確定に十分でない別名, the "low quality" aliases, which would
 * only add noise); several values in one cell (line breaks, "(a) … (b) …", ";") are split. Countries come from
 * 国籍; identifiers from 旅券番号, ID番号, 身分登録番号, 身分証番号 and 国連参照番号. Rows without a name — deleted
 * entries (告示日付 "YYYY.M.D削除") and notes — are counted as skipped; sheets without a header row (一覧, lifted
 * programmes 【解除】) are skipped whole. The id is the sheet's number and the compact name ("28:sberbank…").
 */
export interface MofParse {
  entries: ListEntry[];
  skipped: { what: string; count: number }[];
}

/** Splits a cell of several values: line breaks, ";", and enumerations "(a) … (b) …" / "ａ）…". */
export function splitCell(cell: string): string[] {
  return cell
    .split(/\r?\n|;|；|(?:^|\s)[(（]?[a-zａ-ｚ][)）]\s*/u)
    .map((v) => v.replace(/^[・･\-–—\s]+|[\s,，、]+$/gu, '').trim())
    .filter((v) => v.length > 1);
}

const isAlias = (h: string) => /別名|別称|旧称|以前の呼称/.test(h) && !/確定に十分でない/.test(h);
const isIdentifier = (h: string) => /旅券番号|ID番号|身分登録番号|身分証番号|国連参照番号/.test(h);

export async function parseMofAssetFreeze(file: string): Promise<MofParse> {
  const workbook = await openWorkbook(file);
  const entries: ListEntry[] = [];
  const skipped = new Map<string, number>();
  const skip = (what: string) => skipped.set(what, (skipped.get(what) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const sheet of workbook.worksheets) {
    let headerRow = -1;
    let header: string[] = [];
    for (let r = 1; r <= Math.min(15, sheet.rowCount); r++) {
      const cells = Array.from(sheet.getRow(r).values as unknown[], cellText).map((c) =>
        c.replace(/\s+/g, ''),
      );
      if (cells.includes('日本語表記') || cells.includes('英語表記')) {
        headerRow = r;
        header = cells;
        break;
      }
    }
    if (headerRow < 0) {
      skip('sheets without a list (index, lifted programmes)');
      continue;
    }
    const programme = sheet.name.trim();
    const sheetNo = /^(\d+)/.exec(programme)?.[1] ?? programme;
    const at = (name: string) => header.indexOf(name);
    const ja = at('日本語表記');
    const en = at('英語表記');
    const aliasCols = header.flatMap((h, i) => (isAlias(h) ? [i] : []));
    const idCols = header.flatMap((h, i) => (isIdentifier(h) ? [i] : []));
    const nationality = at('国籍');
    const address = header.findIndex((h) => /住所|所在地/.test(h));
    const date = at('告示日付');
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const cells = Array.from(sheet.getRow(r).values as unknown[], cellText);
      const get = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
      const names = [
        ...new Set([
          ...splitCell(get(en)).slice(0, 1),
          ...splitCell(get(ja)).slice(0, 1),
          ...splitCell(get(en)).slice(1),
          ...splitCell(get(ja)).slice(1),
          ...aliasCols.flatMap((i) => splitCell(get(i))),
        ]),
      ];
      if (names.length === 0) {
        if (cells.some((c) => c.trim()))
          skip(/削除/.test(get(date)) ? 'deleted entries' : 'rows without a name');
        continue;
      }
      const base = `${sheetNo}:${compactName(names[0])}`;
      const times = (seen.get(base) ?? 0) + 1;
      seen.set(base, times);
      const countries = [
        ...new Set(
          splitCell(get(nationality))
            .map((c) => resolveCountry(c.replace(/国籍|\(.*\)|（.*）/g, '').trim())?.iso3)
            .filter((c): c is string => !!c),
        ),
      ];
      entries.push({
        id: times === 1 ? base : `${base}#${times}`,
        names,
        countries,
        identifiers: [...new Set(idCols.flatMap((i) => splitCell(get(i))))],
        concerns: [],
        programme,
        address: get(address) || undefined,
        notes: get(date) || undefined,
        sourceRow: r,
      });
    }
  }
  return { entries, skipped: [...skipped].map(([what, count]) => ({ what, count })) };
}
