import type { HsLabels } from './hs.ts';

/** One HS chapter (類, two digits) with its title in English and Japanese. */
export interface HsChapterName {
  code: string;
  en: string;
  ja: string;
}

/**
 * The HS 2022 chapters present in the imported nomenclature, in code order, with their titles: English from the
 * WCO's HS 2022 list (harmonized-system.csv), Japanese from our titles after Japan Customs' 実行関税率表
 * (src/data/reference/hsChapters.ts, attached by the importer). A title missing in one language stays empty
 * rather than borrowing another code's label.
 */
export function hsChapterNames(labels: HsLabels): HsChapterName[] {
  const chapters: HsChapterName[] = [];
  for (let n = 1; n <= 99; n++) {
    const code = String(n).padStart(2, '0');
    if (!labels.has(code, 'HS22')) continue;
    const title = (lang: 'en' | 'ja') => {
      const hit = labels.lookup(code, lang, 'HS22');
      return hit && hit.exact && hit.code === code ? hit.text : '';
    };
    chapters.push({ code, en: title('en'), ja: title('ja') });
  }
  return chapters;
}
