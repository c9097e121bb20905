import type { NameToken } from './analyseName.ts';
import { compareNames, nameScore, type NameComparison } from './compareNames.ts';
import type { PreparedName, PreparedParty } from './party.ts';

/**
 * Score of a list entry for a query party, 0–1, with the features that produced it — yente's logic-v2
 * (nomenklatura `logic_v2/model.py`): the score is the strongest of the main features, each scaled by its weight,
 * then qualifiers are added:
 *
 *   score = max(name 1.0 · s_name, weak alias 0.8, identifier 0.85) − 0.2 if the countries disagree
 *
 * A result at or above the threshold (yente's default 0.70, `SCORE_THRESHOLD`) is a match to review.
 */
export const defaultThreshold = 0.7;
export const featureWeights = {
  name: 1.0,
  weakAlias: 0.8,
  identifier: 0.85,
  countryMismatch: -0.2,
} as const;

export type ExplanationFeature =
  | 'name'
  | 'alias'
  | 'weak-alias'
  | 'identifier'
  | 'country-mismatch'
  | 'country-agrees'
  | 'legal-form'
  | 'transliteration';

/** One line of an explanation: what was compared and what it contributed (0 for context lines). */
export interface ExplanationItem {
  feature: ExplanationFeature;
  value: number;
  en: string;
  ja: string;
}

export interface PartyScore {
  score: number;
  explanation: ExplanationItem[];
  /** The pair of names that gave the name score (absent when no name matched at all). */
  queryName?: string;
  listName?: string;
}

const fixed = (v: number) => v.toFixed(2);

function describeToken(t: NameToken): string {
  return t.source !== t.text ? `${t.text} (${t.source})` : t.text;
}

const kindText: Record<string, { en: string; ja: string }> = {
  literal: { en: 'same', ja: '一致' },
  spelling: { en: 'spelling variant', ja: '綴りの揺れ' },
  edit: { en: 'edit distance', ja: '編集距離' },
  'kana-reading': { en: 'katakana reading', ja: 'カタカナ読み' },
};

function explainComparison(
  comparison: NameComparison,
  q: PreparedName,
  l: PreparedName,
  feature: 'name' | 'alias',
): ExplanationItem[] {
  const items: ExplanationItem[] = [];
  const pairs = comparison.joined
    ? `${q.analysed.joined} ≈ ${l.analysed.joined}`
    : comparison.pairs
        .map((p) => {
          const kind = kindText[p.similarity.kind];
          const sign = p.similarity.kind === 'literal' ? '=' : '≈';
          return `${describeToken(p.query)} ${sign} ${describeToken(p.list)} (${kind.en} ${fixed(p.similarity.score)})`;
        })
        .join(', ');
  const pairsJa = comparison.joined
    ? `${q.analysed.joined} ≈ ${l.analysed.joined}（空白を除いて比較）`
    : comparison.pairs
        .map((p) => {
          const kind = kindText[p.similarity.kind];
          const sign = p.similarity.kind === 'literal' ? '=' : '≈';
          return `${describeToken(p.query)} ${sign} ${describeToken(p.list)}（${kind.ja} ${fixed(p.similarity.score)}）`;
        })
        .join('、');
  const extras = [
    ...comparison.extraQuery.map((t) => ({ side: 'query', t })),
    ...comparison.extraList.map((t) => ({ side: 'list', t })),
  ];
  const extraEn = extras.length
    ? `; unmatched: ${extras.map((e) => `${describeToken(e.t)} (${e.side})`).join(', ')}`
    : '';
  const extraJa = extras.length
    ? `。対応なし: ${extras.map((e) => `${describeToken(e.t)}（${e.side === 'query' ? '照会側' : 'リスト側'}）`).join('、')}`
    : '';
  const what = feature === 'alias' ? { en: 'alias', ja: '別名' } : { en: 'name', ja: '名称' };
  items.push({
    feature,
    value: comparison.score * featureWeights.name,
    en: `${what.en} "${q.written}" vs "${l.written}": ${pairs || 'no tokens in common'}${extraEn} → ${fixed(comparison.score)}`,
    ja: `${what.ja}「${q.written}」と「${l.written}」: ${pairsJa || '共通する語なし'}${extraJa} → ${fixed(comparison.score)}`,
  });
  const forms = [...new Set([...q.analysed.forms, ...l.analysed.forms])];
  if (forms.length) {
    items.push({
      feature: 'legal-form',
      value: 0,
      en: `legal forms left out of the comparison: ${forms.join(', ')}`,
      ja: `比較から除いた法人格: ${forms.join('、')}`,
    });
  }
  // Each transliteration once, though both names may hold the same word.
  const translit = [
    ...new Map(
      [...q.analysed.tokens, ...l.analysed.tokens]
        .filter(
          (t) =>
            t.origin === 'kana' || t.origin === 'cyrillic' || (t.origin === 'han' && t.source !== t.text),
        )
        .map((t) => [`${t.source}\u0000${t.text}`, t]),
    ).values(),
  ];
  if (translit.length) {
    const how = (t: NameToken) =>
      t.origin === 'kana'
        ? { en: 'kana → Hepburn', ja: 'かな→ヘボン式' }
        : t.origin === 'cyrillic'
          ? { en: 'Cyrillic → Latin (ICAO 9303)', ja: 'キリル文字→ラテン文字（ICAO 9303）' }
          : { en: 'Han → simplified', ja: '漢字→簡体字' };
    items.push({
      feature: 'transliteration',
      value: 0,
      en: translit.map((t) => `${t.source} → ${t.text} (${how(t).en})`).join('; '),
      ja: translit.map((t) => `${t.source} → ${t.text}（${how(t).ja}）`).join('、'),
    });
  }
  return items;
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** The score scoreParty gives, without its explanation and without allocating: the batch screen's hot path. */
export function partyScore(query: PreparedParty, entry: PreparedParty): number {
  let name = 0;
  let weak = 0;
  for (const joined of query.joinedNames) if (entry.joinedNames.has(joined)) name = 1;
  for (let a = 0; a < query.names.length && name < 1; a++) {
    const q = query.names[a];
    for (let b = 0; b < entry.names.length && name < 1; b++) {
      const l = entry.names[b];
      if (l.weak || q.weak) {
        if (q.analysed.joined === l.analysed.joined) weak = featureWeights.weakAlias;
      } else {
        const s = nameScore(q.analysed, l.analysed);
        if (s > name) name = s;
      }
    }
  }
  let score = Math.max(name * featureWeights.name, weak);
  if (query.identifiers.length && sharesAny(query.identifiers, entry.identifiers))
    score = Math.max(score, featureWeights.identifier);
  if (query.countries.length && entry.countries.length && !sharesAny(query.countries, entry.countries))
    score += featureWeights.countryMismatch;
  return Math.min(1, Math.max(0, score));
}

/** Scores an entry for a query and explains the score (the same score as partyScore). */
export function scoreParty(query: PreparedParty, entry: PreparedParty): PartyScore {
  let best: { comparison: NameComparison; q: PreparedName; l: PreparedName } | undefined;
  let weakHit: { q: PreparedName; l: PreparedName } | undefined;
  for (const q of query.names) {
    for (const l of entry.names) {
      if (l.weak || q.weak) {
        if (q.analysed.joined === l.analysed.joined) weakHit ??= { q, l };
        continue;
      }
      const comparison = compareNames(q.analysed, l.analysed);
      if (!best || comparison.score > best.comparison.score) best = { comparison, q, l };
      if (comparison.score === 1) break;
    }
    if (best?.comparison.score === 1) break;
  }

  const explanation: ExplanationItem[] = [];
  const nameScore = (best?.comparison.score ?? 0) * featureWeights.name;
  const weakScore = weakHit ? featureWeights.weakAlias : 0;
  const sharedIds = query.identifiers.filter((id) => entry.identifiers.includes(id));
  const idScore = sharedIds.length ? featureWeights.identifier : 0;
  let score = Math.max(nameScore, weakScore, idScore);
  const countriesDisagree =
    query.countries.length > 0 &&
    entry.countries.length > 0 &&
    !query.countries.some((c) => entry.countries.includes(c));
  if (countriesDisagree) score += featureWeights.countryMismatch;
  score = Math.min(1, Math.max(0, score));

  if (best && best.comparison.score > 0)
    explanation.push(
      ...explainComparison(best.comparison, best.q, best.l, best.l.aliasIndex > 0 ? 'alias' : 'name'),
    );
  if (weakHit) {
    explanation.push({
      feature: 'weak-alias',
      value: weakScore,
      en: `"${weakHit.q.written}" equals the short alias "${weakHit.l.analysed.joined}" of "${weakHit.l.written}" (weak alias, at most ${featureWeights.weakAlias})`,
      ja: `「${weakHit.q.written}」は「${weakHit.l.written}」の略称「${weakHit.l.analysed.joined}」と一致（弱い別名、最大 ${featureWeights.weakAlias}）`,
    });
  }
  if (sharedIds.length) {
    explanation.push({
      feature: 'identifier',
      value: idScore,
      en: `identifier ${sharedIds.join(', ')} appears on both`,
      ja: `識別番号 ${sharedIds.join('、')} が双方に一致`,
    });
  }
  if (query.countries.length && entry.countries.length) {
    if (!countriesDisagree) {
      explanation.push({
        feature: 'country-agrees',
        value: 0,
        en: `country agrees: ${query.countries.filter((c) => entry.countries.includes(c)).join(', ')}`,
        ja: `国・地域が一致: ${query.countries.filter((c) => entry.countries.includes(c)).join('、')}`,
      });
    } else {
      explanation.push({
        feature: 'country-mismatch',
        value: featureWeights.countryMismatch,
        en: `country differs: ${query.countries.join(', ')} vs ${entry.countries.join(', ')} (${featureWeights.countryMismatch})`,
        ja: `国・地域が異なる: ${query.countries.join('、')} と ${entry.countries.join('、')}（${featureWeights.countryMismatch}）`,
      });
    }
  }
  return {
    score,
    explanation,
    queryName: best?.q.written,
    listName: best?.l.written,
  };
}
