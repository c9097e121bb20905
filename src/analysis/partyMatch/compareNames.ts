import type { AnalysedName, NameToken } from './analyseName.ts';
import { editSimilarity, tokenScore, tokenSimilarity, type TokenSimilarity } from './similarity.ts';

/**
 * Score of one query name against one list name, 0–1, after yente's logic-v2 name matcher (nomenklatura
 * `logic_v2/names/match.py`): tokens are aligned pairwise regardless of order (best pairs first), each aligned
 * pair contributes its similarity, and tokens left over on either side count as misses with a reduced weight —
 * 0.8 for the query's (`nm_extra_query_name`) and 0.2 for the list name's (`nm_extra_result_name`, the default in
 * the versions read; 0.1 in some), so a list name with an extra word still matches a shorter query while a query
 * with words the list lacks does not:
 *
 *   score = Σ_pairs s·w / (Σ_pairs w + 0.8·Σ_query extras w + 0.2·Σ_list extras w)
 *
 * Deviations from logic-v2: the weight w of a token is its rarity in the list being screened (idf, set by the
 * index; 1 without one) instead of symbol categories, so that "Iran" alone does not match "Iran Electronics
 * Industries"; function words (of, the, and, al …) weigh half, like logic-v2's stopword multiplier (0.7). A
 * pair's weight is the mean of both tokens' weights.
 */
export const extraQueryWeight = 0.8;
export const extraListWeight = 0.2;
const stopwordFactor = 0.5;

export interface TokenPair {
  query: NameToken;
  list: NameToken;
  similarity: TokenSimilarity;
  weight: number;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  extraQuery: NameToken[];
  extraList: NameToken[];
  /** True when the names matched best written together without spaces ("AlQaeda" / "Al Qaeda"). */
  joined: boolean;
}

export function tokenWeight(t: NameToken): number {
  return (t.rarity ?? 1) * (t.stop ? stopwordFactor : 1);
}

function singleKind(name: AnalysedName): boolean {
  return name.tokens.every((t) => t.kind === name.tokens[0].kind);
}

const maxTokens = 64;
const scores = new Float64Array(maxTokens * maxTokens);
const usedQ = new Uint8Array(maxTokens);
const usedC = new Uint8Array(maxTokens);

function joinable(query: AnalysedName, list: AnalysedName): boolean {
  const q = query.tokens;
  const c = list.tokens;
  return (q.length > 1 || c.length > 1) && singleKind(query) && singleKind(list) && q[0].kind === c[0].kind;
}

/**
 * Greedy alignment over the filled `scores` matrix (nq × nc), best pair first (ties: query order, then list
 * order), as in logic-v2's pairing; leaves the aligned tokens flagged in usedQ / usedC and returns the weighted
 * score without the joined-form comparison. onPair sees each aligned pair with its weight.
 */
function alignTokens(
  q: readonly NameToken[],
  c: readonly NameToken[],
  nq: number,
  nc: number,
  onPair?: (i: number, j: number, weight: number) => void,
): number {
  for (let i = 0; i < nq; i++) usedQ[i] = 0;
  for (let j = 0; j < nc; j++) usedC[j] = 0;
  let numerator = 0;
  let denominator = 0;
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < nq; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < nc; j++) {
        if (!usedC[j] && scores[i * nc + j] > best) {
          best = scores[i * nc + j];
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedC[bj] = 1;
    const weight = (tokenWeight(q[bi]) + tokenWeight(c[bj])) / 2;
    onPair?.(bi, bj, weight);
    numerator += best * weight;
    denominator += weight;
  }
  for (let i = 0; i < nq; i++) if (!usedQ[i]) denominator += extraQueryWeight * tokenWeight(q[i]);
  for (let j = 0; j < nc; j++) if (!usedC[j]) denominator += extraListWeight * tokenWeight(c[j]);
  return denominator > 0 ? numerator / denominator : 0;
}

/**
 * The score compareNames gives, computed without building the explanation (no allocation): a batch screen
 * calls it for every candidate and explains only the matches.
 */
export function nameScore(query: AnalysedName, list: AnalysedName): number {
  const q = query.tokens;
  const c = list.tokens;
  const nq = Math.min(q.length, maxTokens);
  const nc = Math.min(c.length, maxTokens);
  if (nq === 0 || nc === 0) return 0;
  for (let i = 0; i < nq; i++) for (let j = 0; j < nc; j++) scores[i * nc + j] = tokenScore(q[i], c[j]);
  const score = alignTokens(q, c, nq, nc);
  if (score < 1 && joinable(query, list))
    return Math.max(score, editSimilarity(query.joined, list.joined).score);
  return score;
}

export function compareNames(query: AnalysedName, list: AnalysedName): NameComparison {
  // Names longer than 64 words are cut: no list name comes near it, and the score matrix stays fixed.
  const q = query.tokens.length > maxTokens ? query.tokens.slice(0, maxTokens) : query.tokens;
  const c = list.tokens.length > maxTokens ? list.tokens.slice(0, maxTokens) : list.tokens;
  if (q.length === 0 || c.length === 0)
    return { score: 0, pairs: [], extraQuery: q, extraList: c, joined: false };

  const sims: (TokenSimilarity | undefined)[] = new Array(q.length * c.length);
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = tokenSimilarity(q[i], c[j]);
      sims[i * c.length + j] = s;
      scores[i * c.length + j] = s.score;
    }
  }
  const pairs: TokenPair[] = [];
  const score = alignTokens(q, c, q.length, c.length, (i, j, weight) =>
    pairs.push({ query: q[i], list: c[j], similarity: sims[i * c.length + j]!, weight }),
  );
  const extraQuery = q.filter((_, i) => !usedQ[i]);
  const extraList = c.filter((_, j) => !usedC[j]);

  // Spacing differs between transcriptions (Al Qaeda, AlQaeda; 中国 航天, 中国航天): compare the joined forms too.
  if (score < 1 && joinable(query, list)) {
    const joined = editSimilarity(query.joined, list.joined);
    if (joined.score > score)
      return { score: joined.score, pairs: [], extraQuery: [], extraList: [], joined: true };
  }
  return { score, pairs, extraQuery, extraList, joined: false };
}
