/**
 * Writing systems of a party name. A name is cut into runs of one script; each run is compared with runs of a
 * compatible script (Latin with Latin after transliteration, Han with Han after simplified/traditional folding).
 *
 * - latin: Latin letters and digits (full-width forms are already ASCII after NFKC).
 * - cyrillic: Russian, Ukrainian, Belarusian … letters; transliterated to Latin (transliterate.ts).
 * - kana: hiragana and katakana (half-width katakana is full width after NFKC), with the long-vowel mark ー.
 * - han: CJK ideographs (kanji, hanzi) and the iteration mark 々.
 * - other: any other letters (Greek, Arabic, Hangul …): compared as written, lower-cased, no transliteration.
 */
export type Script = 'latin' | 'cyrillic' | 'kana' | 'han' | 'other';

const latin = /[\p{Script=Latin}\p{Nd}]/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const han = /[\p{Script=Han}\u3005]/u;
const letter = /[\p{L}\p{N}]/u;

/** The script of one character; null for separators (spaces, punctuation, symbols). */
export function scriptOf(char: string): Script | null {
  if (latin.test(char)) return 'latin';
  if (kana.test(char)) return 'kana';
  if (han.test(char)) return 'han';
  if (cyrillic.test(char)) return 'cyrillic';
  if (letter.test(char)) return 'other';
  return null;
}

export interface ScriptRun {
  text: string;
  script: Script;
}

/** Apostrophes join a word (Qa'ida → qaida); every other separator splits it. */
const joiners = new Set(["'", '\u2019', '\u02bc']);

/**
 * Splits text into runs of one script, dropping separators: "株式会社アドミラルティ造船所" → 株式会社 (han),
 * アドミラルティ (kana), 造船所 (han); "Al-Bairaq" → al, bairaq. Combining marks stay with their letter.
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: ScriptRun | null = null;
  for (const char of text) {
    if (joiners.has(char)) continue;
    if (/\p{M}/u.test(char)) {
      if (current) current.text += char;
      continue;
    }
    const script = scriptOf(char);
    if (script === null) {
      current = null;
      continue;
    }
    if (current && current.script === script) current.text += char;
    else {
      current = { text: char, script };
      runs.push(current);
    }
  }
  return runs;
}
