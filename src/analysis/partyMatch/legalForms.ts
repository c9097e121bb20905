import { canonicalHan } from './transliterate.ts';

/**
 * Legal forms (company types) are left out of the name comparison, so that 株式会社X, (株)X, X K.K. and
 * X Co., Ltd. compare as X: lists and counterparties write the form differently, and a changed form is not a
 * different party. (yente logic-v2 gives org-class symbols a low weight for the same reason; we drop them and
 * say so in the explanation.)
 *
 * Latin forms are matched as token sequences at either end of a name, after Cyrillic is transliterated (ООО →
 * ooo, Общество с ограниченной ответственностью → obshchestvo s ogranichennoi otvetstvennostiu). Han forms are
 * matched as prefixes or suffixes of a Han run after folding to simplified characters (株式會社 → 株式会社,
 * 有限責任公司 → 有限责任公司); a lone 株 or 有 token is what (株) and (有) leave once the brackets are gone.
 */

/** Latin legal forms as token sequences (lower case, punctuation removed), longest first when matching. */
const latinForms: readonly string[] = [
  // English and international
  'co ltd',
  'co limited',
  'company limited',
  'limited',
  'ltd',
  'co',
  'company',
  'corporation',
  'corp',
  'incorporated',
  'inc',
  'llc',
  'l l c',
  'llp',
  'lp',
  'plc',
  'pte ltd',
  'pte',
  'pvt ltd',
  'pvt',
  'private limited',
  'sdn bhd',
  'bhd',
  'fze',
  'fzco',
  'fzc',
  'fz llc',
  'dmcc',
  'jsc',
  'ojsc',
  'cjsc',
  'pjsc',
  'fsue',
  'fgup',
  'sa',
  'srl',
  'spa',
  'bv',
  'nv',
  // German
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'gmbh co kg',
  'ohg',
  // Japanese, romanised
  'kabushiki kaisha',
  'kabushikikaisha',
  'kabushiki gaisha',
  'kabushikigaisha',
  'kk',
  'k k',
  'yugen kaisha',
  'yk',
  'godo kaisha',
  'gk',
  // Russian and Belarusian, as transliterated by the ICAO table
  'ooo',
  'ao',
  'oao',
  'zao',
  'pao',
  'nao',
  'tsao',
  'ip',
  'obshchestvo s ogranichennoi otvetstvennostiu',
  'aktsionernoe obshchestvo',
  'otkrytoe aktsionernoe obshchestvo',
  'zakrytoe aktsionernoe obshchestvo',
  'publichnoe aktsionernoe obshchestvo',
  'nepublichnoe aktsionernoe obshchestvo',
  'federalnoe gosudarstvennoe unitarnoe predpriiatie',
  'tavarystva z abmezhavanai adkaznastsiu',
  // Chinese, romanised
  'youxian gongsi',
  'gufen youxian gongsi',
];

const latinFormTokens = latinForms.map((f) => f.split(' ')).sort((a, b) => b.length - a.length);

/** Han legal forms in simplified characters, longest first. */
const hanForms: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '集团股份有限公司',
  '有限公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '合资会社',
  '合名会社',
  '集团',
  '公司',
].sort((a, b) => b.length - a.length);

/** What (株) and (有) leave as a token of their own. */
const hanAbbreviations = new Set(['株', '有']);

/** The tokens kept are tokens.slice(start, end); forms lists what was removed, in name order. */
export interface LatinStrip {
  start: number;
  end: number;
  forms: string[];
}

/**
 * Finds legal forms at both ends of a Latin token list: [ooo, inter, tobako] → keep [inter, tobako], form "ooo".
 * At least one token is always kept, so a name made only of legal-form words ("Company Limited") keeps a word.
 */
export function stripLatinForms(tokens: readonly string[]): LatinStrip {
  let start = 0;
  let end = tokens.length;
  const forms: string[] = [];
  let changed = true;
  while (changed && end - start > 1) {
    changed = false;
    for (const form of latinFormTokens) {
      if (end - start <= form.length) continue;
      if (form.every((t, i) => tokens[end - form.length + i] === t)) {
        forms.unshift(form.join(' '));
        end -= form.length;
        changed = true;
        break;
      }
      if (form.every((t, i) => tokens[start + i] === t)) {
        forms.push(form.join(' '));
        start += form.length;
        changed = true;
        break;
      }
    }
  }
  return { start, end, forms };
}

/**
 * Removes Han legal forms at the start or end of a simplified Han run: 中国航天科技集团有限公司 → 中国航天科技
 * (forms 集团, 有限公司). Returns the run unchanged when nothing would be left.
 */
export function stripHanForms(run: string): { rest: string; forms: string[] } {
  let rest = run;
  const forms: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of hanForms) {
      if (rest.length <= form.length) continue;
      if (rest.endsWith(form)) {
        rest = rest.slice(0, -form.length);
        forms.unshift(form);
        changed = true;
        break;
      }
      if (rest.startsWith(form)) {
        rest = rest.slice(form.length);
        forms.push(form);
        changed = true;
        break;
      }
    }
  }
  return { rest, forms };
}

const latinFormsJoined = new Set(latinForms.map((f) => f.replace(/ /g, '')));

/**
 * True when a bracketed part of a name is nothing but a legal form ("株", "有", "株式會社", "Ltd.", "OOO"): it stays in
 * the name instead of being read as a second name. Expects normalised (NFKC, lower-case) text.
 */
export function isOnlyLegalForm(text: string): boolean {
  const compact = text.replace(/[^\p{L}\p{N}]/gu, '');
  if (latinFormsJoined.has(compact)) return true;
  if (!/^[\p{Script=Han}]+$/u.test(compact)) return false;
  return isHanForm(canonicalHan(compact));
}

/** True for a whole token that is only a Han legal form or its one-character abbreviation. */
export function isHanForm(token: string): boolean {
  return hanAbbreviations.has(token) || hanForms.includes(token);
}
