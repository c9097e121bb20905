import type { NameToken } from './analyseName.ts';

/**
 * Similarity of two name tokens, 0–1, with the reason, after yente's logic-v2 (nomenklatura
 * `logic_v2/names/distance.py`): an edit distance is tolerated only in proportion to the length — at most
 * ⌊ln(L − 2)⌋ edits for a token of L characters (none up to 4, one up to 9, two up to 22) — and turned into a
 * score (1 − d/L)², below 0.5 counted as no match. Numbers must agree exactly.
 *
 * Added for this platform: spelling-folded equality (transliteration variants, 0.95), Han strings compared
 * character by character after simplified/traditional folding, and the consonant skeleton of katakana
 * loanwords (0.85; only when one side was written in kana).
 */
export type TokenMatchKind = 'literal' | 'spelling' | 'edit' | 'kana-reading' | 'none';

export interface TokenSimilarity {
  score: number;
  kind: TokenMatchKind;
  edits: number;
}

const none: TokenSimilarity = { score: 0, kind: 'none', edits: 0 };

// Three reused rows: names are compared millions of times in a batch screen, allocation would dominate.
let rows = [0, 1, 2].map(() => new Int32Array(64));

/** Optimal-string-alignment distance (Damerau–Levenshtein without reuse), or max + 1 once it exceeds max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (rows[0].length <= lb) rows = [0, 1, 2].map(() => new Int32Array(lb * 2 + 2));
  let [prevPrev, prev, cur] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[lb];
}

/** Edits logic-v2 tolerates in a string of this length: ⌊ln(max(L − 2, 1))⌋. */
export function toleratedEdits(length: number): number {
  return Math.floor(Math.log(Math.max(length - 2, 1)));
}

/** logic-v2's levenshtein_similarity: (1 − d/L)² within the tolerated edits, 0 below 0.5. */
export function editSimilarity(a: string, b: string): { score: number; edits: number } {
  if (a === b) return { score: a.length ? 1 : 0, edits: 0 };
  const length = Math.max(a.length, b.length);
  const max = toleratedEdits(length);
  if (max < 1) return { score: 0, edits: 0 };
  const d = boundedEditDistance(a, b, max);
  if (d > max) return { score: 0, edits: d };
  const score = (1 - d / length) ** 2;
  return score < 0.5 ? { score: 0, edits: d } : { score, edits: d };
}

const spellingScore = 0.95;
const kanaReadingScore = 0.85;

/** The score of tokenSimilarity without its reason, allocation-free: the hot path of a batch screen. */
export function tokenScore(q: NameToken, c: NameToken): number {
  if (q.kind !== c.kind) return 0;
  if (q.text === c.text) return 1;
  if (q.numeric || c.numeric) return 0;
  if (q.kind !== 'latin') return editScore(q.text, c.text);
  if (q.fold === c.fold) return spellingScore;
  let best = editScore(q.fold, c.fold);
  if (
    best < kanaReadingScore &&
    (q.origin === 'kana') !== (c.origin === 'kana') &&
    q.skeleton.length >= 3 &&
    q.skeleton === c.skeleton
  )
    best = kanaReadingScore;
  return best;
}

function editScore(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  const max = toleratedEdits(length);
  if (max < 1) return 0;
  const d = boundedEditDistance(a, b, max);
  if (d > max) return 0;
  const score = (1 - d / length) ** 2;
  return score < 0.5 ? 0 : score;
}

export function tokenSimilarity(q: NameToken, c: NameToken): TokenSimilarity {
  if (q.kind !== c.kind) return none;
  if (q.text === c.text) return { score: 1, kind: 'literal', edits: 0 };
  if (q.numeric || c.numeric) return none;
  if (q.kind !== 'latin') {
    const e = editSimilarity(q.text, c.text);
    return e.score > 0 ? { score: e.score, kind: 'edit', edits: e.edits } : none;
  }
  if (q.fold === c.fold) return { score: spellingScore, kind: 'spelling', edits: 0 };
  let best: TokenSimilarity = none;
  const e = editSimilarity(q.fold, c.fold);
  if (e.score > 0) best = { score: e.score, kind: 'edit', edits: e.edits };
  if (
    (q.origin === 'kana') !== (c.origin === 'kana') &&
    q.skeleton.length >= 3 &&
    q.skeleton === c.skeleton
  ) {
    if (kanaReadingScore > best.score) best = { score: kanaReadingScore, kind: 'kana-reading', edits: 0 };
  }
  return best;
}
