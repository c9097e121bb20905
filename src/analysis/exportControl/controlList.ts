/**
 * The goods side of Japan's export control (輸出貿易管理令, Export Trade Control Order, Cabinet Order No. 378 of
 * 1949, version in force from 2026-02-14): 別表第一 lists controlled goods in items (項) 1–16. Items 1–15 are the
 * list controls (リスト規制) with the region 全地域 (all destinations); item 16 is the catch-all (キャッチオール規制),
 * region 全地域（別表第三に掲げる地域を除く。）, in two parts:
 *   16の項（1） twelve kinds of goods named by the Order (machine tools, radar, integrated circuits, aircraft …)
 *   16の項（2） goods of 関税定率法別表 chapters 25–40, 54–59, 63, 68–93 and 95 not in (1) or items 1–15.
 * An HS code alone cannot tell whether goods meet the specifications of items 1–15 (those are in the ministerial
 * ordinance 貨物等省令, not in this data): that classification (該非判定) is the exporter's, and a check from an HS
 * code says so.
 */

/** One numbered sentence of 別表第一 (the appendix-1 CSV of the jp-export-control-order dataset). */
export interface ControlListRow {
  /** 項, e.g. "2", "3の2", "16". */
  kou: string;
  /** e.g. "12", "10の2"; empty for the item's lead sentence. */
  item: string;
  subitem: string;
  /** e.g. "2の項（12）". */
  label: string;
  text: string;
  /** 下欄: 全地域, or for 16の項 全地域（別表第三に掲げる地域を除く。）. */
  region: string;
}

export type ItemReference =
  { kind: 'hs'; code: string } | { kind: 'entry'; kou: string; item?: string; subitem?: string };

const kanjiDigits: Record<string, string> = {
  〇: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * Reads what a user wrote for an item: an HS code (4–10 digits, dots allowed: "8542", "8542.31") or an entry of
 * 別表第一 ("2の項（12）", "2(12)", "2-12", "3の2", "16(2)", "16", "item 7"). Returns null when it is neither.
 */
export function parseItemReference(text: string): ItemReference | null {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/[〇一二三四五六七八九]/g, (d) => kanjiDigits[d])
    .replace(/\s+/g, '');
  // An HS code has at least a heading (4 digits); 1–16 written alone are items.
  if (/^\d{4}(?:\.?\d{2})?(?:\.?\d{2,4})?$/.test(t)) return { kind: 'hs', code: t.replace(/\./g, '') };
  const entry =
    /^(?:item)?(\d{1,2}(?:の\d+)?)(?:の項)?(?:[(\-]?(\d{1,2}(?:の\d+)?)\)?)?(?:(\d{1,2}(?:の\d+)?))?$/i.exec(
      t,
    );
  if (!entry) return null;
  const kou = entry[1];
  const n = Number(kou.split('の')[0]);
  if (n < 1 || n > 16) return null;
  return { kind: 'entry', kou, item: entry[2], subitem: entry[3] };
}

/** Chapters of 16の項（2）: 関税定率法別表 25–40, 54–59, 63, 68–93, 95. */
export function isCatchAllChapter(chapter: number): boolean {
  return (
    (chapter >= 25 && chapter <= 40) ||
    (chapter >= 54 && chapter <= 59) ||
    chapter === 63 ||
    (chapter >= 68 && chapter <= 93) ||
    chapter === 95
  );
}

/**
 * HS headings whose wording 16の項（1） repeats (our reading of the Order's twelve sub-items against the HS 2022
 * heading texts; the Order names goods, not codes): 8456 material removal by laser … and water-jet cutting,
 * 8457 machining centres, 8458 lathes, 8459 drilling … tapping, 8460 grinding … finishing, 8461 planing …
 * cutting-off, 8526 radar and radio navigation / remote control, 8542 integrated circuits, 8802 aircraft and
 * spacecraft and 8807 their parts, 9014 compasses and navigational instruments, 9027 physical or chemical
 * analysis … microtomes, 9030 oscilloscopes, spectrum analysers, ionising-radiation meters.
 */
const part1Headings: Record<string, string> = {
  '8456': '1',
  '8457': '2',
  '8458': '3',
  '8459': '4',
  '8460': '5',
  '8461': '6',
  '8526': '7',
  '8542': '8',
  '8802': '9',
  '8807': '9',
  '9014': '10',
  '9027': '11',
  '9030': '12',
};

/** The 16の項（1） sub-item an HS code points to, if its heading is one of the twelve. */
export function catchAllPart1SubItem(hs: string): string | undefined {
  return part1Headings[hs.slice(0, 4)];
}

/** Rows of 別表第一 that an entry reference names (an item's lead sentence and its sub-items). */
export function rowsOfEntry(
  rows: readonly ControlListRow[],
  ref: Extract<ItemReference, { kind: 'entry' }>,
): ControlListRow[] {
  return rows.filter(
    (r) =>
      r.kou === ref.kou &&
      (ref.item === undefined || r.item === ref.item) &&
      (ref.subitem === undefined || r.subitem === ref.subitem),
  );
}
