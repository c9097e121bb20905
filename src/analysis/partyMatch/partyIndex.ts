import type { NameToken } from './analyseName.ts';
import { prepareParty, type PartyRecord, type PreparedParty } from './party.ts';
import { defaultThreshold, partyScore, scoreParty, type ExplanationItem } from './scoreParty.ts';

/**
 * An inverted index over list entries for screening many parties (blocking: only entries that share a key with
 * the query are scored, never all pairs). Keys of a name token:
 *   w:<folded token>           the word (spelling-folded, so Vitaly / Vitalii share it)
 *   p:<first 4> / s:<last 4>   for words of 5+ letters: a typo leaves one of the two intact
 *   k:<consonant skeleton>     katakana loanwords against their source spelling
 *   h:<two Han characters>     Han names, which have no spaces
 *   j:<whole name joined>      spacing variants (AlQaeda)
 *   i:<identifier>             registration numbers
 * A query gathers the entries behind its keys, each key adding its idf (log(1 + N/df)); the entries with the
 * largest sums (at most `candidates`, default 16) are scored in full (scoreParty). Keys shared by more than
 * `maxPostings` entries are skipped unless the query has nothing rarer (they say little and cost much).
 */
export interface ScreeningMatch {
  list: string;
  entryId: string;
  /** The entry's first name. */
  name: string;
  score: number;
  explanation: ExplanationItem[];
  queryName?: string;
  listName?: string;
}

export interface ScreenOptions {
  threshold?: number;
  /** Only entries of these lists. */
  lists?: readonly string[];
  /** At most this many matches (default 10). */
  limit?: number;
  candidates?: number;
}

function tokenKeys(t: NameToken, out: string[]): void {
  if (t.kind === 'latin') {
    out.push(`w:${t.fold}`);
    if (t.fold.length >= 5) out.push(`p:${t.fold.slice(0, 4)}`, `s:${t.fold.slice(-4)}`);
    if (t.skeleton.length >= 3) out.push(`k:${t.skeleton}`);
  } else if (t.kind === 'han') {
    out.push(`w:${t.text}`);
    for (let i = 0; i + 1 < t.text.length; i++) out.push(`h:${t.text.slice(i, i + 2)}`);
  } else {
    out.push(`w:${t.text}`);
  }
}

function partyKeys(p: PreparedParty): string[] {
  const keys: string[] = [];
  for (const n of p.names) {
    for (const t of n.analysed.tokens) tokenKeys(t, keys);
    keys.push(`j:${n.analysed.joined}`);
  }
  for (const id of p.identifiers) keys.push(`i:${id}`);
  return [...new Set(keys)];
}

export class PartyIndex {
  readonly entries: PreparedParty[];
  private readonly postings = new Map<string, Int32Array>();
  private readonly wordDf = new Map<string, number>();
  private readonly maxPostings: number;
  private readonly scratch: Float64Array;

  constructor(records: readonly PartyRecord[], options: { maxPostings?: number } = {}) {
    this.entries = records.map(prepareParty);
    const lists = new Map<string, number[]>();
    this.entries.forEach((entry, i) => {
      for (const key of partyKeys(entry)) {
        let list = lists.get(key);
        if (!list) lists.set(key, (list = []));
        list.push(i);
      }
    });
    for (const [key, list] of lists) {
      this.postings.set(key, Int32Array.from(list));
      if (key.startsWith('w:')) this.wordDf.set(key.slice(2), list.length);
    }
    for (const entry of this.entries) this.weigh(entry);
    this.maxPostings = options.maxPostings ?? Math.max(200, Math.ceil(this.entries.length * 0.02));
    this.scratch = new Float64Array(this.entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Sets the rarity weight of a party's tokens in this list, 0.2–1: the idf scaled by the idf of a word found
   * once, so a word on every entry weighs 0.2 and a word on one entry 1 (compareNames reads it).
   */
  weigh(party: PreparedParty): void {
    const n = Math.max(this.entries.length, 2);
    for (const name of party.names) {
      for (const t of name.analysed.tokens) {
        const df = this.wordDf.get(t.kind === 'latin' ? t.fold : t.text) ?? 1;
        t.rarity = Math.min(1, Math.max(0.2, Math.log(n / df) / Math.log(n)));
      }
    }
  }

  /** Entries worth scoring for a prepared query, best blocking sum first. */
  candidatesFor(query: PreparedParty, limit: number, lists?: ReadonlySet<string>): number[] {
    const n = this.entries.length;
    const keys = partyKeys(query)
      .map((key) => ({ key, postings: this.postings.get(key) }))
      .filter((k): k is { key: string; postings: Int32Array } => k.postings !== undefined)
      .sort((a, b) => a.postings.length - b.postings.length);
    const acc = this.scratch;
    const touched: number[] = [];
    keys.forEach(({ postings }, rank) => {
      // The two rarest keys are always used, so a name of common words still finds its entries.
      if (postings.length > this.maxPostings && rank >= 2) return;
      const idf = Math.log(1 + n / postings.length);
      for (let k = 0; k < postings.length; k++) {
        const e = postings[k];
        if (acc[e] === 0) touched.push(e);
        acc[e] += idf;
      }
    });
    let chosen = touched;
    if (lists) chosen = chosen.filter((e) => lists.has(this.entries[e].record.list ?? ''));
    chosen.sort((a, b) => acc[b] - acc[a] || a - b);
    // Entries sharing under 30 % of the best entry's evidence cannot reach a match once it is scored.
    const floor = chosen.length ? acc[chosen[0]] * 0.3 : 0;
    const result = chosen.slice(0, limit).filter((e) => acc[e] >= floor);
    for (const e of touched) acc[e] = 0;
    return result;
  }

  /** Screens one party: the entries scoring at or above the threshold, best first. */
  screen(query: PartyRecord | PreparedParty, options: ScreenOptions = {}): ScreeningMatch[] {
    const prepared = 'record' in query ? query : prepareParty(query);
    this.weigh(prepared);
    const threshold = options.threshold ?? defaultThreshold;
    const lists = options.lists?.length ? new Set(options.lists) : undefined;
    const matches: ScreeningMatch[] = [];
    for (const e of this.candidatesFor(prepared, options.candidates ?? 16, lists)) {
      const entry = this.entries[e];
      if (partyScore(prepared, entry) < threshold) continue;
      const scored = scoreParty(prepared, entry);
      matches.push({
        list: entry.record.list ?? '',
        entryId: entry.record.id,
        name: entry.record.names[0] ?? '',
        score: Math.round(scored.score * 1000) / 1000,
        explanation: scored.explanation,
        queryName: scored.queryName,
        listName: scored.listName,
      });
    }
    matches.sort(
      (a, b) => b.score - a.score || a.list.localeCompare(b.list) || a.entryId.localeCompare(b.entryId),
    );
    return matches.slice(0, options.limit ?? 10);
  }
}
