import OpenCC from 'opencc-js';
import { toRomaji } from 'wanakana';

/**
 * Transliteration and folding of name runs into comparable forms.
 *
 * - Kana → Latin: modified Hepburn romanisation by wanakana (WaniKani), then long vowels shortened as in passport
 *   Hepburn (トウキョウ → toukyou → tokyo, シャープ → shaapu → shapu), so that either spelling of a long vowel
 *   compares equal.
 * - Cyrillic → Latin: the ICAO Doc 9303 (8th ed., 2021, part 3, §6) table for Russian, Ukrainian and Belarusian
 *   letters (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю iu, я ia, й i, ь dropped, ъ ie).
 * - Han: Japanese shinjitai → traditional (OpenCC "jp" → "t"), then traditional → simplified ("t" → "cn"), so that
 *   西北工業大学 (Japanese), 西北工業大學 (traditional) and 西北工业大学 (simplified) are one string.
 * Not covered: kanji → reading (住友 is never "sumitomo"), hanzi → pinyin, meaning (造船所 ≠ shipyard), Hangul,
 * Arabic and Greek transliteration (those runs are compared as written).
 */

const icao: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Ukrainian and Belarusian letters (ICAO 9303 gives the same Latin for the Ukrainian ones).
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  ў: 'u',
};

/** Cyrillic → Latin by the ICAO 9303 table (lower case in, lower case out; unknown letters kept). */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const char of text) out += icao[char] ?? char;
  return out;
}

const longVowels = /([aeiou])\1+|ou/g;

/** Kana → Hepburn with long vowels shortened (passport style): ジュウコウ → jukou → juko. */
export function kanaToLatin(text: string): string {
  // wanakana leaves a trailing small tsu or an unknown mark as kana; drop what is not Latin afterwards.
  const romaji = toRomaji(text).toLowerCase();
  return romaji.replace(longVowels, (m) => (m === 'ou' ? 'o' : m[0])).replace(/[^a-z]/g, '');
}

let converters: { toTraditional: (s: string) => string; toSimplified: (s: string) => string } | undefined;
const hanCache = new Map<string, string>();

/** One canonical form of a Han run: simplified Chinese, reached from Japanese shinjitai or traditional forms. */
export function canonicalHan(text: string): string {
  const known = hanCache.get(text);
  if (known !== undefined) return known;
  // The converters build their dictionaries on first use (~100 ms); most names never need them.
  converters ??= {
    toTraditional: OpenCC.Converter({ from: 'jp', to: 't' }),
    toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
  };
  const canonical = converters.toSimplified(converters.toTraditional(text));
  // Names repeat (a batch screens the same counterparties against several lists); the cache stays small enough.
  if (hanCache.size < 100_000) hanCache.set(text, canonical);
  return canonical;
}

/** Latin letters without diacritics: Družba → druzba, Türkiye → turkiye. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Folds spelling differences that transliteration schemes and languages make for the same sound, on both sides
 * of a comparison: y/i (Yurievich, Iurevich), kh/h, ph/f, w/v, ck/q → k, doubled letters (Vitalii, Vitaly).
 */
export function spellingFold(token: string): string {
  return token
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * A consonant skeleton for katakana loanwords, which add vowels and merge l/r and v/b: アドミラルティ (adomirarutei)
 * and admiralty both give dmrt. Used only when one side of a comparison was written in kana.
 */
export function consonantSkeleton(folded: string): string {
  return folded
    .replace(/th|sh/g, 's')
    .replace(/ch|ts/g, 't')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/l/g, 'r')
    .replace(/v/g, 'b')
    .replace(/j/g, 'z')
    .replace(/[aeiouhw]/g, '')
    .replace(/(.)\1+/g, '$1');
}
