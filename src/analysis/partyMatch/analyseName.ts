import { scriptRuns, type Script } from './scripts.ts';
import {
  canonicalHan,
  consonantSkeleton,
  cyrillicToLatin,
  kanaToLatin,
  spellingFold,
  stripDiacritics,
} from './transliterate.ts';
import { isHanForm, stripHanForms, stripLatinForms } from './legalForms.ts';

/**
 * A party name taken apart for comparison (yente's "name analysis" step): normalised, cut into tokens by
 * script, transliterated, legal forms removed.
 *
 * Normalisation: Unicode NFKC (full-width Latin and digits → ASCII, half-width katakana → full width, ㈱ → (株)),
 * curly quotes and brackets treated as punctuation, lower case, Latin diacritics removed.
 */
export type TokenKind = 'latin' | 'han' | 'other';

export interface NameToken {
  /** The comparable text: Latin (also for Cyrillic and kana), simplified Han, or other script as written. */
  text: string;
  kind: TokenKind;
  /** Where the token came from, for the explanation and for the kana skeleton rule. */
  origin: Script;
  /** What the name said, before transliteration (e.g. アドミラルティ). */
  source: string;
  /** Latin only: spelling-folded form (spellingFold). */
  fold: string;
  /** Latin only: consonant skeleton (consonantSkeleton). */
  skeleton: string;
  numeric: boolean;
  /** A function word (of, the, al …): weighs half in a comparison. */
  stop: boolean;
  /** Rarity weight in the list being screened, set by the index (PartyIndex.weigh); 1 when unset. */
  rarity?: number;
}

export interface AnalysedName {
  original: string;
  tokens: NameToken[];
  /** Legal forms left out, as written after normalisation (e.g. "co ltd", "株式会社"). */
  forms: string[];
  /** All comparable token texts joined without spaces: catches "AlQaeda" / "Al Qaeda". */
  joined: string;
  /** Scripts present in the name. */
  scripts: Script[];
}

/** NFKC, lower case, quotes unified: the text every later step reads. */
export function normaliseText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .toLowerCase();
}

/** Function words in names (English, Romance, German, Arabic article): yente logic-v2 weighs stopwords down too. */
const stopwords = new Set([
  'the',
  'of',
  'and',
  'for',
  'de',
  'des',
  'du',
  'la',
  'le',
  'el',
  'al',
  'von',
  'van',
  'der',
  'und',
]);

/** Abbreviations written out, so that "Intl" and "International" are the same word. */
const abbreviations: Record<string, string> = {
  intl: 'international',
  natl: 'national',
  mfg: 'manufacturing',
  govt: 'government',
  dept: 'department',
  assn: 'association',
  hldgs: 'holdings',
  svcs: 'services',
  univ: 'university',
  inst: 'institute',
  tech: 'technology',
  eng: 'engineering',
  ind: 'industries',
};

function latinToken(written: string, origin: Script, source: string): NameToken {
  const text = abbreviations[written] ?? written;
  const fold = spellingFold(text);
  return {
    text,
    kind: 'latin',
    origin,
    source,
    fold,
    skeleton: consonantSkeleton(fold),
    numeric: /^\d+$/.test(text),
    stop: stopwords.has(text),
  };
}

function otherToken(text: string, kind: 'han' | 'other', origin: Script, source: string): NameToken {
  return { text, kind, origin, source, fold: text, skeleton: '', numeric: false, stop: false };
}

/** Splits a Latin run at digit/letter boundaries so that "3m" and "3 m" agree. */
function latinWords(run: string): string[] {
  return stripDiacritics(run).match(/\d+|[a-z]+|[^\da-z]+/g) ?? [];
}

export function analyseName(original: string): AnalysedName {
  const runs = scriptRuns(normaliseText(original));
  const forms: string[] = [];
  const tokens: NameToken[] = [];
  // Latin-script runs (incl. transliterated) are collected in order so that multi-word legal forms at the ends
  // of the name are found across runs ("OOO «Inter Tobacco»").
  const latinBuffer: { text: string; origin: Script; source: string }[] = [];
  const flushLatin = () => {
    if (!latinBuffer.length) return;
    const stripped = stripLatinForms(latinBuffer.map((t) => t.text));
    forms.push(...stripped.forms);
    for (const t of latinBuffer.slice(stripped.start, stripped.end))
      tokens.push(latinToken(t.text, t.origin, t.source));
    latinBuffer.length = 0;
  };
  for (const run of runs) {
    if (run.script === 'latin') {
      for (const w of latinWords(run.text)) latinBuffer.push({ text: w, origin: 'latin', source: w });
    } else if (run.script === 'cyrillic') {
      const latin = cyrillicToLatin(run.text);
      if (latin) latinBuffer.push({ text: latin, origin: 'cyrillic', source: run.text });
    } else if (run.script === 'kana') {
      const latin = kanaToLatin(run.text);
      if (latin) latinBuffer.push({ text: latin, origin: 'kana', source: run.text });
    } else {
      flushLatin();
      if (run.script === 'han') {
        const simplified = canonicalHan(run.text);
        if (isHanForm(simplified)) {
          forms.push(simplified);
          continue;
        }
        const stripped = stripHanForms(simplified);
        forms.push(...stripped.forms);
        tokens.push(otherToken(stripped.rest, 'han', 'han', run.text));
      } else {
        tokens.push(otherToken(run.text, 'other', 'other', run.text));
      }
    }
  }
  flushLatin();
  // A name of nothing but Han legal forms ("株式会社") keeps them as its tokens.
  if (tokens.length === 0 && forms.length > 0) {
    for (const f of forms) tokens.push(otherToken(f, 'han', 'han', f));
    forms.length = 0;
  }
  return {
    original,
    tokens,
    forms,
    joined: tokens.map((t) => (t.kind === 'latin' ? t.fold : t.text)).join(''),
    scripts: [...new Set(runs.map((r) => r.script))],
  };
}
